using NodaTime;

namespace OneStop.Lateness;

/// <summary>
/// What the audit concludes about one dossier: its findings and the facts the indicators count, each judged two
/// ways: on paper (declared times against the appointment) and in truth (believed times against the statutory due
/// recomputed from the ledger).
/// </summary>
public sealed record AuditResult
{
    public required Guid DossierId { get; init; }

    public required int AuditVersion { get; init; }

    public required IReadOnlyList<Finding> Findings { get; init; }

    public required TrueOutcome Outcome { get; init; }

    /// <summary>For a dossier open at the audit's instant: where it stands against its true due; null otherwise.</summary>
    public OpenStanding? Standing { get; init; }

    /// <summary>Declared acceptance (the Registered event).</summary>
    public required Instant AcceptedAt { get; init; }

    /// <summary>The clerk who registered the dossier.</summary>
    public required string RegisteredBy { get; init; }

    /// <summary>The statutory due recomputed from the ledger: acceptance or the last supplement restart plus the statutory time.</summary>
    public required Instant StatutoryDueAt { get; init; }

    /// <summary>The counting start of the last counting period (acceptance or the last supplement restart).</summary>
    public Instant CountingStartsAt { get; init; }

    /// <summary>The appointment in force when the result came (or now, for an open dossier): what the paper shows.</summary>
    public required Instant AppointmentAt { get; init; }

    /// <summary>When the result was ready, as believed: declared time within the backdating tolerance, else recorded.</summary>
    public Instant? ResultAt { get; init; }

    /// <summary>When the result was declared ready.</summary>
    public Instant? DeclaredResultAt { get; init; }

    public Instant? ReturnedAt { get; init; }

    /// <summary>When it was refused or stopped (believed time).</summary>
    public Instant? ClosedAt { get; init; }

    /// <summary>The result waited for the citizen past the configured time (a NotCollected event).</summary>
    public bool NotCollected { get; init; }

    /// <summary>For a result: whether a paper audit says on time (declared time by the appointment).</summary>
    public bool? PaperOnTime { get; init; }

    /// <summary>Working minutes after the statutory due at which the result (or refusal) came; 0 when not late.</summary>
    public long LateMinutes { get; init; }

    /// <summary>For a late dossier: the unit that held it when the statutory due passed.</summary>
    public string? ResponsibleUnit { get; init; }

    /// <summary>
    /// The department the dossier is counted against: <see cref="ResponsibleUnit"/> when late, otherwise the last unit
    /// other than the desk it was handed to before its result, refusal or stop (now, when open); the desk when it never left.
    /// </summary>
    public string Department { get; init; } = OneStop.Dossiers.Dossier.DeskUnit;

    /// <summary>Circular 01/2018 art. 13 index 1: total time against the statutory time (2 early, 1 on time, 0 late).</summary>
    public int? Index1 { get; init; }

    /// <summary>Index 2: each unit's time against its budget (2 all early, 1 none late, 0 one late); null without budgets.</summary>
    public int? Index2 { get; init; }

    /// <summary>Index 3: supplement contacts (2 none, 1 one, 0 more).</summary>
    public required int Index3 { get; init; }

    /// <summary>For an open dossier: when a legitimate supplement request stopped its true clock (still stopped at the audit's instant).</summary>
    public Instant? ClockStoppedAt { get; init; }

    /// <summary>For an open dossier whose clock runs: the instant from which it is due soon (<see cref="Sla.DeadlineThresholds.DueSoonFrom"/>).</summary>
    public Instant? DueSoonFrom { get; init; }

    /// <summary>The unit that held the dossier when its statutory due passed (the department it is counted against if late).</summary>
    public string UnitAtDue { get; init; } = OneStop.Dossiers.Dossier.DeskUnit;

    /// <summary>The last unit other than the desk it was handed to (the department it is counted against if not late).</summary>
    public string LastUnit { get; init; } = OneStop.Dossiers.Dossier.DeskUnit;

    /// <summary>The rules the due was set by, as recorded in the ledger (calendar revision and office hours); null when none was recorded.</summary>
    public string? Rules { get; init; }

    /// <summary>Believed time of the first NotCollected event.</summary>
    public Instant? NotCollectedAt { get; init; }

    /// <summary>What each actor did in each unit (declared-earlier events, re-issues, supplements, last-hour results): the patterns per clerk and unit.</summary>
    public IReadOnlyList<ActorPattern> Patterns { get; init; } = [];

    /// <summary>The latest believed time among the events the audit knew: at any later instant the same events are known.</summary>
    public Instant LastKnownAt { get; init; }

    /// <summary>
    /// Where an open dossier (whose events are all known by <paramref name="at"/>) stands at <paramref name="at"/>: the
    /// same judgement as the replay's, from the stored instants. The SQL aggregate (<c>OutcomeIndicators</c>) states it again over columns.
    /// </summary>
    public static OpenStanding StandingAt(Instant at, Instant due, Instant? clockStoppedAt, Instant? dueSoonFrom) =>
        (clockStoppedAt ?? at) > due ? OpenStanding.Overdue
        : clockStoppedAt is not null ? OpenStanding.ClockStopped
        : dueSoonFrom is { } soon && at >= soon ? OpenStanding.DueSoon
        : OpenStanding.OnTrack;

    /// <summary>Truly on time (early or on time).</summary>
    public bool? TrueOnTime => Outcome switch
    {
        TrueOutcome.Early or TrueOutcome.OnTime => true,
        TrueOutcome.Late => false,
        _ => null,
    };

    /// <summary>The paper and the ledger disagree on whether the result was on time.</summary>
    public bool PaperDiffersFromTruth => PaperOnTime is { } paper && TrueOnTime is { } truth && paper != truth;
}
