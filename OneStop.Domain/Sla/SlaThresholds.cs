namespace OneStop.Sla;

/// <summary>
/// When a dossier turns <see cref="SlaState.DueSoon"/>: less than <see cref="DueSoonWorkingDays"/> working days
/// or less than <see cref="DueSoonBudgetShare"/> of its working-time budget left, whichever comes first.
/// </summary>
public sealed record SlaThresholds(decimal DueSoonWorkingDays, decimal DueSoonBudgetShare)
{
    /// <summary>1 working day or 20% of the budget.</summary>
    public static readonly SlaThresholds Default = new(1m, 0.2m);

    /// <summary>The working seconds left under which a dossier is due soon.</summary>
    public long DueSoonMargin(long budgetSeconds, int secondsPerDay) =>
        Math.Max((long)(DueSoonWorkingDays * secondsPerDay), (long)(DueSoonBudgetShare * budgetSeconds));
}
