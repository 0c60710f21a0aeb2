using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using OneStop.Agencies;
using OneStop.Deadlines;
using OneStop.Jobs.Ledger;
using OneStop.Dossiers;
using OneStop.Lateness;
using OneStop.Persistence;

namespace OneStop.Jobs.Lateness;

/// <summary>Runs the audit over stored ledgers, stores its findings, and feeds the indicators.</summary>
public sealed class LatenessService(OneStopDbContext db, AgencyDeadlines deadlines, IClock clock, IOptions<AuditSettings> settings, LedgerKeyRing keys, CheckpointStore checkpoints)
{
    private const int Batch = 200;

    private CalendarHistory? _history;
    private LedgerCheckpoint? _checkpoint;
    private bool _checkpointRead;

    public AuditSettings Settings => settings.Value;

    public static LatenessIndicators Indicators() => new();

    /// <summary>
    /// Audits every dossier of a subtree accepted before <paramref name="acceptedBefore"/> (not stored: the dashboard is
    /// live), each by the same audit as <c>GET /api/dossiers/{code}/lateness</c>, at the earlier of now and
    /// <paramref name="acceptedBefore"/> (the period's end): the dashboard's counts are the sum of these audits.
    /// </summary>
    public async Task<List<AuditedDossier>> AuditSubtreeAsync(string agencyPath, Instant acceptedBefore, CancellationToken cancellationToken)
    {
        var rows = await (
            from d in db.Dossiers.AsNoTracking()
            join a in db.Agencies.AsNoTracking() on d.AgencyId equals a.Id
            join v in db.ProcedureVersions on d.ProcedureVersionId equals v.Id
            join p in db.Procedures on v.ProcedureId equals p.Id
            where a.Path.StartsWith(agencyPath) && d.AcceptedAt < acceptedBefore
            select new { Dossier = new DossierRowValues(
                d.Id, d.Code, d.TrackingNumber, d.Status, d.CurrentUnit, d.AcceptedAt, d.ProcessingAmount, d.ProcessingUnit, d.CountingMode,
                d.CountingStartsAt, d.StatutoryDueAt, d.DueCalendarStatus, d.AppointmentAt, d.Reschedulings, d.SupplementRequestCount,
                d.StepStartedAt, d.StepDueAt, d.ResultReadyAt, d.ClosedAt, d.SlaState, d.StepSlaState, d.EventCount, d.LastEventHash), Agency = a, ProcedureCode = p.Code, ProcedureName = p.Name })
            .ToListAsync(cancellationToken);
        var audit = await AuditorAsync(cancellationToken);
        var now = clock.GetCurrentInstant();
        var asOf = now < acceptedBefore ? now : acceptedBefore;
        var audited = new List<AuditedDossier>(rows.Count);
        foreach (var chunk in rows.Chunk(Batch))
        {
            var events = await EventsOfAsync(chunk.Select(r => r.Dossier.Id).ToList(), cancellationToken);
            foreach (var r in chunk)
            {
                var hours = deadlines.HoursOf(r.Agency);
                var ledger = DossierLedger.Of(r.Dossier, events[r.Dossier.Id], _checkpoint?.HeadOf(r.Dossier.Id));
                audited.Add(new AuditedDossier(r.Dossier.Code, r.Agency.ElectronicId, r.Agency.Name, r.ProcedureCode, r.ProcedureName, hours, audit.Audit(ledger, hours, asOf, _history)));
            }
        }

        return audited;
    }

    /// <summary>The audit over the calendar in force, with the calendars of the past and the latest signed checkpoint.</summary>
    private async Task<LatenessAudit> AuditorAsync(CancellationToken cancellationToken)
    {
        var calculator = deadlines.Calculator;
        if (_history is null)
        {
            _history = new CalendarHistory(await db.CalendarNotices.AsNoTracking().ToListAsync(cancellationToken), calculator);
        }

        if (!_checkpointRead)
        {
            _checkpoint = checkpoints.LatestValid(keys);
            _checkpointRead = true;
        }

        return new LatenessAudit(calculator, settings.Value, keys);
    }

    /// <summary>Audits one loaded dossier now and replaces its stored findings.</summary>
    public async Task<AuditResult> AuditAndStoreAsync(Dossier dossier, Agency agency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var events = await EventsOfAsync([dossier.Id], cancellationToken);
        var hours = deadlines.HoursOf(agency);
        var audit = await AuditorAsync(cancellationToken);
        var result = audit.Audit(DossierLedger.Of(dossier, events[dossier.Id], _checkpoint?.HeadOf(dossier.Id)), hours, clock.GetCurrentInstant(), _history);
        await ReplaceFindingsAsync([result], cancellationToken);
        return result;
    }

    /// <summary>Audits the given dossiers and replaces their stored findings; returns how many findings were stored.</summary>
    public async Task<int> AuditAndStoreAsync(IReadOnlyCollection<Guid> dossierIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossierIds);
        var stored = 0;
        var audit = await AuditorAsync(cancellationToken);
        foreach (var chunk in dossierIds.Chunk(Batch))
        {
            var ids = chunk.ToList();
            var rows = await (
                from d in db.Dossiers.AsNoTracking()
                join a in db.Agencies.AsNoTracking() on d.AgencyId equals a.Id
                where ids.Contains(d.Id)
                select new { Dossier = new DossierRowValues(
                d.Id, d.Code, d.TrackingNumber, d.Status, d.CurrentUnit, d.AcceptedAt, d.ProcessingAmount, d.ProcessingUnit, d.CountingMode,
                d.CountingStartsAt, d.StatutoryDueAt, d.DueCalendarStatus, d.AppointmentAt, d.Reschedulings, d.SupplementRequestCount,
                d.StepStartedAt, d.StepDueAt, d.ResultReadyAt, d.ClosedAt, d.SlaState, d.StepSlaState, d.EventCount, d.LastEventHash), Agency = a })
                .ToListAsync(cancellationToken);
            var events = await EventsOfAsync(ids, cancellationToken);
            var now = clock.GetCurrentInstant();
            var results = rows.Select(r =>
            {
                var hours = deadlines.HoursOf(r.Agency);
                var ledger = DossierLedger.Of(r.Dossier, events[r.Dossier.Id], _checkpoint?.HeadOf(r.Dossier.Id));
                return audit.Audit(ledger, hours, now, _history);
            }).ToList();
            stored += await ReplaceFindingsAsync(results, cancellationToken);
            db.ChangeTracker.Clear();
        }

        return stored;
    }

    private async Task<int> ReplaceFindingsAsync(IReadOnlyList<AuditResult> results, CancellationToken cancellationToken)
    {
        var ids = results.Select(r => r.DossierId).ToList();
        await db.Set<LatenessFinding>().Where(f => ids.Contains(f.DossierId)).ExecuteDeleteAsync(cancellationToken);
        var now = clock.GetCurrentInstant();
        var findings = results.SelectMany(r => r.Findings.Select(f => new LatenessFinding(r.DossierId, r.AuditVersion, now, f))).ToList();
        db.Set<LatenessFinding>().AddRange(findings);
        await db.SaveChangesAsync(cancellationToken);
        return findings.Count;
    }

    private async Task<Dictionary<Guid, IReadOnlyList<DossierEvent>>> EventsOfAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        var events = await db.DossierEvents.AsNoTracking().Where(e => ids.Contains(e.DossierId)).ToListAsync(cancellationToken);
        var byDossier = events.GroupBy(e => e.DossierId).ToDictionary(g => g.Key, g => (IReadOnlyList<DossierEvent>)g.OrderBy(e => e.Sequence).ToList());
        foreach (var id in ids)
        {
            byDossier.TryAdd(id, []);
        }

        return byDossier;
    }
}
