namespace OneStop.Sla;

/// <summary>Where an open dossier stands against its statutory due. Stored by name: never renumber.</summary>
public enum SlaState
{
    /// <summary>More than the warning margin is left.</summary>
    OnTrack,

    /// <summary>Less than the warning margin (by default 1 working day or 20% of the budget) is left.</summary>
    DueSoon,

    /// <summary>The statutory due has passed.</summary>
    Overdue,
}
