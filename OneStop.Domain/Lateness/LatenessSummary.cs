using NodaTime;

namespace OneStop.Lateness;

/// <summary>
/// The supervisor's view of a period [<see cref="From"/>, <see cref="To"/>): the counts and rates, per agency,
/// department (the unit that held the dossier, within its agency), procedure and clerk, the weekly trend, the late dossiers and those where paper and truth differ.
/// </summary>
public sealed record LatenessSummary(
    Instant From,
    Instant To,
    IndicatorCounts Totals,
    IReadOnlyList<IndicatorGroup> ByAgency,
    IReadOnlyList<IndicatorGroup> ByDepartment,
    IReadOnlyList<IndicatorGroup> ByProcedure,
    IReadOnlyList<IndicatorGroup> ByClerk,
    IReadOnlyList<WeeklyPoint> Weekly,
    IReadOnlyList<AuditedDossier> Late,
    IReadOnlyList<AuditedDossier> PaperDiffers)
{
    /// <summary>How many late dossiers in all (<see cref="Late"/> may hold only the first page).</summary>
    public int LateTotal { get; init; } = Late.Count;

    /// <summary>How many dossiers where paper and truth differ in all (<see cref="PaperDiffers"/> may hold only the first page).</summary>
    public int PaperDiffersTotal { get; init; } = PaperDiffers.Count;
}
