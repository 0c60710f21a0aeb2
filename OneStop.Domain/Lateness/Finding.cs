using NodaTime;

namespace OneStop.Lateness;

/// <summary>
/// One finding of the audit with its evidence: the events, the statutory due they were judged against, and the
/// working time (minutes) by which the deadline was missed, explained in Vietnamese and English. A finding about
/// stored rows rather than events (a row that differs from its ledger, a checkpoint, a restated due) cites them in
/// <see cref="Rows"/>. Every finding cites something (a test asserts it for every kind).
/// </summary>
public sealed record Finding(
    FindingKind Kind,
    IReadOnlyList<LedgerEvidence> Events,
    Instant? StatutoryDueAt,
    long LateMinutes,
    string ExplanationVi,
    string ExplanationEn)
{
    /// <summary>Rows and values cited besides events.</summary>
    public IReadOnlyList<RowEvidence> Rows { get; init; } = [];
}
