using NodaTime;

namespace OneStop.Lateness;

/// <summary>
/// One finding of the audit with its evidence: the events, the statutory due they were judged against, and the
/// working time (minutes) by which the deadline was missed, explained in Vietnamese and English.
/// </summary>
public sealed record Finding(
    FindingKind Kind,
    IReadOnlyList<LedgerEvidence> Events,
    Instant? StatutoryDueAt,
    long LateMinutes,
    string ExplanationVi,
    string ExplanationEn);
