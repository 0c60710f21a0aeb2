using Microsoft.EntityFrameworkCore;
using NodaTime;
using OneStop.Lateness;
using OneStop.Persistence;

namespace OneStop.Jobs.Lateness;

/// <summary>
/// The nightly audit: dossiers with an event recorded since the last completed run started, open dossiers whose
/// statutory due passed since then (lateness without any event), and dossiers whose stored findings come from an
/// older <see cref="LatenessAudit.Version"/>, and dossiers without a stored outcome (<see cref="DossierOutcome"/>; its
/// open rows keep the instants their standing changes at, so the dashboard needs no nightly pass to see a due pass,
/// but the stored standing and late minutes are brought to the day). The first run audits everything. Safe to run twice: findings of a
/// dossier are replaced, never added to.
/// </summary>
/// <remarks>
/// Registered in <c>JobSchedule</c> as <c>lateness-audit</c> (Jobs:LatenessAuditCron, 01:00 office time);
/// the job and <see cref="LatenessService"/> are scoped services added by <c>AddOneStopJobServices</c>.
/// </remarks>
public sealed class LatenessAuditJob(OneStopDbContext db, LatenessService service, IClock clock)
{
    public async Task<LatenessAuditRun> RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = clock.GetCurrentInstant();
        var last = await db.Set<LatenessAuditRun>().AsNoTracking().Where(r => r.CompletedAt != null)
            .OrderByDescending(r => r.StartedAt).FirstOrDefaultAsync(cancellationToken);
        var run = new LatenessAuditRun(startedAt, LatenessAudit.Version);
        db.Set<LatenessAuditRun>().Add(run);
        await db.SaveChangesAsync(cancellationToken);

        List<Guid> ids;
        if (last is null)
        {
            ids = await db.Dossiers.AsNoTracking().Select(d => d.Id).ToListAsync(cancellationToken);
        }
        else
        {
            var since = last.StartedAt;
            var changed = await db.DossierEvents.AsNoTracking().Where(e => e.RecordedAt >= since).Select(e => e.DossierId).Distinct().ToListAsync(cancellationToken);
            var overdue = await db.Dossiers.AsNoTracking()
                .Where(d => d.ClosedAt == null && d.StatutoryDueAt >= since && d.StatutoryDueAt < startedAt).Select(d => d.Id).ToListAsync(cancellationToken);
            var stale = await db.Set<LatenessFinding>().AsNoTracking().Where(f => f.AuditVersion < LatenessAudit.Version).Select(f => f.DossierId).Distinct().ToListAsync(cancellationToken);
            var staleOutcomes = await db.Set<DossierOutcome>().AsNoTracking().Where(o => o.AuditVersion < LatenessAudit.Version).Select(o => o.DossierId).ToListAsync(cancellationToken);
            var missing = await db.Dossiers.AsNoTracking().Where(d => !db.Set<DossierOutcome>().Any(o => o.DossierId == d.Id)).Select(d => d.Id).ToListAsync(cancellationToken);
            ids = changed.Concat(overdue).Concat(stale).Concat(staleOutcomes).Concat(missing).Distinct().ToList();
        }

        await service.DrainRefreshesAsync(cancellationToken);
        var findings = await service.AuditAndStoreAsync(ids, cancellationToken);
        var stored = await db.Set<LatenessAuditRun>().SingleAsync(r => r.Id == run.Id, cancellationToken);
        stored.Complete(clock.GetCurrentInstant(), ids.Count, findings);
        await db.SaveChangesAsync(cancellationToken);
        return stored;
    }
}
