namespace OneStop.Lateness;

/// <summary>Where a dossier stands against its statutory due, judged from the ledger.</summary>
public enum TrueOutcome
{
    /// <summary>No result, refusal or stop yet.</summary>
    Open,

    /// <summary>Result ready on a day before the due's day.</summary>
    Early,

    /// <summary>Result ready by the due.</summary>
    OnTime,

    /// <summary>Result ready after the due.</summary>
    Late,

    /// <summary>Refused (Form 03).</summary>
    Refused,

    /// <summary>Stopped at the citizen's request, or closed when the citizen did not bring a supplement in time: out of lateness statistics.</summary>
    Stopped,
}
