using Microsoft.EntityFrameworkCore;
using NodaTime;
using OneStop.Dossiers;
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
            // Each by an index range, so that a night's cost follows the day's changes, not the dossiers ever accepted.
            var since = last.StartedAt;
            // Made distinct here: with DISTINCT in SQL, SQLite walks the (DossierId, Sequence) index for its order and reads
            // every event of the ledger instead of the RecordedAt range.
            var changed = (await db.DossierEvents.AsNoTracking().Where(e => e.RecordedAt >= since).Select(e => e.DossierId).ToListAsync(cancellationToken)).Distinct().ToList();
            // Open (not terminal, so ClosedAt is null) with a due passed since: one range of (Status, StatutoryDueAt) per status.
            var open = Enum.GetValues<DossierStatus>().Where(s => !s.IsTerminal()).ToList();
            var overdue = await db.Dossiers.AsNoTracking()
                .Where(d => open.Contains(d.Status) && d.StatutoryDueAt >= since && d.StatutoryDueAt < startedAt && d.ClosedAt == null).Select(d => d.Id).ToListAsync(cancellationToken);
            // Findings are written only with their outcome, at its version: a stale finding has a stale (or no) outcome.
            var staleOutcomes = await db.Set<DossierOutcome>().AsNoTracking().Where(o => o.AuditVersion < LatenessAudit.Version).Select(o => o.DossierId).ToListAsync(cancellationToken);
            // A dossier without an outcome (a database from before them): looked for only when the counts differ.
            var missing = await db.Dossiers.CountAsync(cancellationToken) == await db.Set<DossierOutcome>().CountAsync(cancellationToken) ? []
                : await db.Dossiers.AsNoTracking().Where(d => !db.Set<DossierOutcome>().Any(o => o.DossierId == d.Id)).Select(d => d.Id).ToListAsync(cancellationToken);
            ids = changed.Concat(overdue).Concat(staleOutcomes).Concat(missing).Distinct().ToList();
        }

        await service.DrainRefreshesAsync(cancellationToken);
        var findings = await service.AuditAndStoreAsync(ids, cancellationToken);
        var stored = await db.Set<LatenessAuditRun>().SingleAsync(r => r.Id == run.Id, cancellationToken);
        stored.Complete(clock.GetCurrentInstant(), ids.Count, findings);
        await db.SaveChangesAsync(cancellationToken);
        return stored;
    }
}
