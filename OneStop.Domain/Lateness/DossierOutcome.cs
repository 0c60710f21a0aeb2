using System.Globalization;
using NodaTime;
using OneStop.Calendar;

namespace OneStop.Lateness;

/// <summary>
/// The audit's result for one dossier, stored (a read model) so that the dashboard counts with SQL aggregates instead
/// of replaying every ledger. Derived data: replaced whenever the dossier's events change (queued in the same
/// transaction as the events, <see cref="OutcomeRefresh"/>) and by the nightly audit.
/// </summary>
/// <remarks>
/// An open dossier's standing changes with time alone: the row keeps the instants the audit judges it by
/// (<see cref="StatutoryDueAt"/>, <see cref="DueSoonFrom"/>, <see cref="ClockStoppedAt"/>) so that the aggregate
/// judges it at any instant after <see cref="LastKnownAt"/> exactly as <see cref="AuditResult.StandingAt"/> does.
/// </remarks>
public sealed class DossierOutcome
{
    private DossierOutcome()
    {
    }

    public DossierOutcome(AuditedDossier dossier, Guid agencyId, string agencyPath, Instant auditedAt)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        DossierId = dossier.Audit.DossierId;
        AgencyId = agencyId;
        Update(dossier, agencyPath, auditedAt);
    }

    public Guid DossierId { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>
    /// The end of the open-ended past: what <see cref="CountedUntil"/> holds for a dossier not finished yet, so that
    /// the period's rows are one index range (an open dossier belongs to every period after its acceptance).
    /// </summary>
    public static readonly Instant StillOpen = Instant.FromUtc(9999, 1, 1, 0, 0);

    /// <summary>The agency's materialised path (the subtree is resolved to agency ids first: <c>LIKE 'path%'</c> uses no index on SQLite).</summary>
    public string AgencyPath { get; private set; } = string.Empty;

    public string AgencyElectronicId { get; private set; } = string.Empty;

    public string AgencyName { get; private set; } = string.Empty;

    public string Code { get; private set; } = string.Empty;

    public string ProcedureCode { get; private set; } = string.Empty;

    public string ProcedureName { get; private set; } = string.Empty;

    /// <summary>The clerk who registered it.</summary>
    public string Clerk { get; private set; } = string.Empty;

    public Instant AcceptedAt { get; private set; }

    /// <summary>Monday of the acceptance week, office time, ISO date.</summary>
    public string AcceptedWeek { get; private set; } = string.Empty;

    public TrueOutcome Outcome { get; private set; }

    /// <summary>The standing at <see cref="AuditedAt"/> (open dossiers only); the aggregate judges it again at its own instant.</summary>
    public OpenStanding? Standing { get; private set; }

    public Instant StatutoryDueAt { get; private set; }

    public Instant? DueSoonFrom { get; private set; }

    public Instant? ClockStoppedAt { get; private set; }

    public Instant AppointmentAt { get; private set; }

    public Instant? ResultAt { get; private set; }

    /// <summary>Monday of the result's week (believed time), office time, ISO date.</summary>
    public string? ResultWeek { get; private set; }

    public Instant? DeclaredResultAt { get; private set; }

    public Instant? ReturnedAt { get; private set; }

    public Instant? ClosedAt { get; private set; }

    /// <summary>The result or the close (believed): from then on the dossier is no longer open.</summary>
    public Instant? EndAt { get; private set; }

    /// <summary><see cref="EndAt"/>, or <see cref="StillOpen"/>: a period [from, to) counts the rows with <c>CountedUntil &gt;= from</c> and <c>AcceptedAt &lt; to</c>.</summary>
    public Instant CountedUntil { get; private set; }

    public Instant? NotCollectedAt { get; private set; }

    public bool? PaperOnTime { get; private set; }

    /// <summary>For a closed dossier; an open one's minutes grow with time (computed for the rows shown).</summary>
    public long LateMinutes { get; private set; }

    /// <summary>The department it is counted against as audited (closed dossiers: final).</summary>
    public string Department { get; private set; } = string.Empty;

    public string UnitAtDue { get; private set; } = string.Empty;

    public string LastUnit { get; private set; } = string.Empty;

    public int? Index1 { get; private set; }

    public int? Index2 { get; private set; }

    public int Index3 { get; private set; }

    /// <summary>The finding kinds, comma-separated, each once.</summary>
    public string FindingKinds { get; private set; } = string.Empty;

    /// <summary>The rules it was judged by (calendar revision and office hours recorded at registration), as recorded.</summary>
    public string? Rules { get; private set; }

    public int AuditVersion { get; private set; }

    public Instant AuditedAt { get; private set; }

    public Instant LastKnownAt { get; private set; }

    public void Update(AuditedDossier dossier, string agencyPath, Instant auditedAt)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var a = dossier.Audit;
        AgencyPath = agencyPath;
        AgencyElectronicId = dossier.AgencyElectronicId;
        AgencyName = dossier.AgencyName;
        Code = dossier.Code;
        ProcedureCode = dossier.ProcedureCode;
        ProcedureName = dossier.ProcedureName;
        Clerk = a.RegisteredBy;
        AcceptedAt = a.AcceptedAt;
        AcceptedWeek = WeekOf(a.AcceptedAt);
        Outcome = a.Outcome;
        Standing = a.Standing;
        StatutoryDueAt = a.StatutoryDueAt;
        DueSoonFrom = a.DueSoonFrom;
        ClockStoppedAt = a.ClockStoppedAt;
        AppointmentAt = a.AppointmentAt;
        ResultAt = a.ResultAt;
        ResultWeek = a.ResultAt is { } r ? WeekOf(r) : null;
        DeclaredResultAt = a.DeclaredResultAt;
        ReturnedAt = a.ReturnedAt;
        ClosedAt = a.ClosedAt;
        EndAt = a.ResultAt ?? a.ClosedAt;
        CountedUntil = EndAt ?? StillOpen;
        NotCollectedAt = a.NotCollected ? a.NotCollectedAt ?? a.LastKnownAt : null;
        PaperOnTime = a.PaperOnTime;
        LateMinutes = a.LateMinutes;
        Department = a.Department;
        UnitAtDue = a.UnitAtDue;
        LastUnit = a.LastUnit;
        Index1 = a.Index1;
        Index2 = a.Index2;
        Index3 = a.Index3;
        FindingKinds = string.Join(',', a.Findings.Select(f => f.Kind.ToString()).Distinct());
        Rules = a.Rules is { Length: > 200 } long_ ? long_[..200] : a.Rules;
        AuditVersion = a.AuditVersion;
        AuditedAt = auditedAt;
        LastKnownAt = a.LastKnownAt;
    }

    /// <summary>Monday of the week of <paramref name="instant"/>, office time, as an ISO date (the weekly trend's key).</summary>
    public static string WeekOf(Instant instant)
    {
        var date = OfficeTime.ToLocal(instant).Date;
        return date.PlusDays(-((int)date.DayOfWeek - 1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
