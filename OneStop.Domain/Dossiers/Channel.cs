namespace OneStop.Dossiers;

/// <summary>How the dossier reached the desk.</summary>
public enum Channel
{
    /// <summary>At the desk, on paper.</summary>
    Counter,

    /// <summary>Through the public-service portal; the clock starts at the desk's acceptance, not at submission.</summary>
    Online,

    /// <summary>By post.</summary>
    Post,
}
