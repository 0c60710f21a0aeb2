namespace OneStop.Lateness;

/// <summary>Where an open dossier stands at the audit's instant, judged against its true statutory due.</summary>
public enum OpenStanding
{
    /// <summary>More than the "due soon" time left.</summary>
    OnTrack,

    /// <summary>Within the "due soon" time of its due.</summary>
    DueSoon,

    /// <summary>Its due has passed.</summary>
    Overdue,

    /// <summary>Awaiting a supplement requested in time: the true clock is stopped (domain rule 5).</summary>
    ClockStopped,
}
