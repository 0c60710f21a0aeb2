using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using OneStop.Agencies;
using OneStop.Deadlines;
using OneStop.Jobs.Ledger;
using OneStop.Jobs.Persistence;
using OneStop.Dossiers;
using OneStop.Lateness;
using OneStop.Persistence;

namespace OneStop.Jobs.Lateness;

/// <summary>Runs the audit over stored ledgers, stores its findings, and feeds the indicators.</summary>
public sealed class LatenessService(OneStopDbContext db, AgencyDeadlines deadlines, IClock clock, IOptions<AuditSettings> settings, LedgerKeyRing keys, CheckpointStore checkpoints)
{
    private const int Batch = 200;

    /// <summary>Dossiers replayed before one write transaction.</summary>
    private const int WriteBatch = 5000;

    private CalendarHistory? _history;
    private LedgerCheckpoint? _checkpoint;
    private bool _checkpointRead;

    public AuditSettings Settings => settings.Value;

    public static LatenessIndicators Indicators() => new();

    /// <summary>
    /// Audits every dossier of a subtree accepted before <paramref name="acceptedBefore"/> (not stored), each by the same
    /// audit as <c>GET /api/dossiers/{code}/lateness</c>, at the earlier of now and <paramref name="acceptedBefore"/>.
    /// The replay of every ledger: the dashboard counts from <see cref="OutcomeIndicators"/> instead; this is the
    /// reference its test and benchmark compare with.
    /// </summary>
    public async Task<List<AuditedDossier>> AuditSubtreeAsync(string agencyPath, Instant acceptedBefore, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var ids = await (
            from d in db.Dossiers.AsNoTracking()
            join a in db.Agencies.AsNoTracking() on d.AgencyId equals a.Id
            where a.Path.StartsWith(agencyPath) && d.AcceptedAt < acceptedBefore
            select d.Id).ToListAsync(cancellationToken);
        return await AuditAsync(ids, now < acceptedBefore ? now : acceptedBefore, cancellationToken);
    }

    /// <summary>Audits the given dossiers at <paramref name="asOf"/> (not stored), with what the indicators group them by.</summary>
    public async Task<List<AuditedDossier>> AuditAsync(IReadOnlyCollection<Guid> dossierIds, Instant asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossierIds);
        var audited = new List<AuditedDossier>(dossierIds.Count);
        foreach (var (_, dossier) in await AuditRowsAsync(dossierIds, asOf, cancellationToken))
        {
            audited.Add(dossier);
        }

        return audited;
    }

    private async Task<List<(Agency Agency, AuditedDossier Dossier)>> AuditRowsAsync(IReadOnlyCollection<Guid> dossierIds, Instant asOf, CancellationToken cancellationToken)
    {
        var audit = await AuditorAsync(cancellationToken);
        var audited = new List<(Agency, AuditedDossier)>(dossierIds.Count);
        foreach (var chunk in dossierIds.Chunk(Batch))
        {
            var ids = chunk.ToList();
            var rows = await (
                from d in db.Dossiers.AsNoTracking()
                join a in db.Agencies.AsNoTracking() on d.AgencyId equals a.Id
                join v in db.ProcedureVersions on d.ProcedureVersionId equals v.Id
                join p in db.Procedures on v.ProcedureId equals p.Id
                where ids.Contains(d.Id)
                select new { Dossier = new DossierRowValues(
                    d.Id, d.Code, d.TrackingNumber, d.Status, d.CurrentUnit, d.AcceptedAt, d.ProcessingAmount, d.ProcessingUnit, d.CountingMode,
                    d.CountingStartsAt, d.StatutoryDueAt, d.DueCalendarStatus, d.AppointmentAt, d.Reschedulings, d.SupplementRequestCount,
                    d.StepStartedAt, d.StepDueAt, d.ResultReadyAt, d.ClosedAt, d.SlaState, d.StepSlaState, d.EventCount, d.LastEventHash), Agency = a, ProcedureCode = p.Code, ProcedureName = p.Name })
                .ToListAsync(cancellationToken);
            var events = await EventsOfAsync(ids, cancellationToken);
            foreach (var r in rows)
            {
                var hours = deadlines.HoursOf(r.Agency);
                var ledger = DossierLedger.Of(r.Dossier, events[r.Dossier.Id], _checkpoint?.HeadOf(r.Dossier.Id));
                audited.Add((r.Agency, new AuditedDossier(r.Dossier.Code, r.Agency.ElectronicId, r.Agency.Name, r.ProcedureCode, r.ProcedureName, hours, audit.Audit(ledger, hours, asOf, _history))));
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

    /// <summary>Audits one loaded dossier now and replaces its stored findings and outcome.</summary>
    public async Task<AuditResult> AuditAndStoreAsync(Dossier dossier, Agency agency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(agency);
        var now = clock.GetCurrentInstant();
        var audited = await AuditRowsAsync([dossier.Id], now, cancellationToken);
        await StoreAsync(audited, now, cancellationToken);
        return audited.Single().Dossier.Audit;
    }

    /// <summary>
    /// Audits the given dossiers now and replaces their stored findings and outcomes; returns how many findings were stored.
    /// Up to <see cref="WriteBatch"/> dossiers are replayed first, then written in one transaction (findings, outcomes and
    /// the rollup's days they touch, each day recomputed once), so the write lock is not held while ledgers replay.
    /// </summary>
    public async Task<int> AuditAndStoreAsync(IReadOnlyCollection<Guid> dossierIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossierIds);
        var stored = 0;
        foreach (var group in dossierIds.Chunk(WriteBatch))
        {
            var now = clock.GetCurrentInstant();
            var audited = new List<(Agency Agency, AuditedDossier Dossier)>(group.Length);
            foreach (var chunk in group.Chunk(Batch))
            {
                audited.AddRange(await AuditRowsAsync(chunk, now, cancellationToken));
            }

            stored += await StoreAsync(audited, now, cancellationToken);
            db.ChangeTracker.Clear();
        }

        return stored;
    }

    /// <summary>
    /// Brings the stored outcomes up to date with the ledger: audits the dossiers queued by their new events
    /// (<see cref="OutcomeRefresh"/>) and removes what it handled. Run by the worker every few seconds and by every
    /// dashboard read before it counts. Returns how many dossiers it refreshed.
    /// </summary>
    public async Task<int> DrainRefreshesAsync(CancellationToken cancellationToken)
    {
        var refreshed = 0;
        while (true)
        {
            var queued = await db.Set<OutcomeRefresh>().AsNoTracking().OrderBy(r => r.Id).Take(Batch * 5)
                .Select(r => new { r.Id, r.DossierId }).ToListAsync(cancellationToken);
            if (queued.Count == 0)
            {
                return refreshed;
            }

            var ids = queued.Select(q => q.DossierId).Distinct().ToList();
            await AuditAndStoreAsync(ids, cancellationToken);
            var last = queued[^1].Id;
            await db.Set<OutcomeRefresh>().Where(r => r.Id <= last).ExecuteDeleteAsync(cancellationToken);
            refreshed += ids.Count;
        }
    }

    private async Task<int> StoreAsync(List<(Agency Agency, AuditedDossier Dossier)> audited, Instant now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ReplaceAsync(audited, now, cancellationToken);
            }
            catch (Exception e) when (attempt == 1 && e is DbUpdateException or DbException)
            {
                // A second drainer (another worker or API instance) stored the same new outcome first: update it instead.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<int> ReplaceAsync(List<(Agency Agency, AuditedDossier Dossier)> audited, Instant now, CancellationToken cancellationToken)
    {
        // Findings, outcomes and the rollup days they touch are written together or not at all.
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        // Under the agencies' locks from the first delete: a second refresher of the same dossiers waits, then replaces
        // what the first wrote (unlocked, each would delete only the rows it saw and both would insert theirs).
        var rollup = new OutcomeRollup(db);
        await rollup.LockAsync(audited.Select(r => r.Agency.Id), cancellationToken);
        var findingCount = 0;
        // The daily rollup's (agency, day) groups the outcomes left and those they join, recomputed after the writes.
        var days = new HashSet<(Guid Agency, Instant Day)>();
        // The pattern days (PatternDay): the end days the outcomes left and those they join.
        var ended = new HashSet<(Guid Agency, Instant Day)>();
        foreach (var chunk in audited.Chunk(Batch))
        {
            var ids = chunk.Select(r => r.Dossier.Audit.DossierId).ToList();
            await db.Set<LatenessFinding>().Where(f => ids.Contains(f.DossierId)).ExecuteDeleteAsync(cancellationToken);
            var findings = chunk.SelectMany(r => r.Dossier.Audit.Findings.Select(f => new LatenessFinding(r.Dossier.Audit.DossierId, r.Dossier.Audit.AuditVersion, now, f))).ToList();
            findingCount += findings.Count;
            // The patterns per actor and unit are replaced with the outcome they belong to.
            await db.Set<DossierActorPattern>().Where(p => ids.Contains(p.DossierId)).ExecuteDeleteAsync(cancellationToken);
            var patterns = new List<DossierActorPattern>();
            var existing = await db.Set<DossierOutcome>().AsNoTracking().Where(o => ids.Contains(o.DossierId)).ToDictionaryAsync(o => o.DossierId, cancellationToken);
            days.UnionWith(existing.Values.SelectMany(OutcomeRollup.DaysOf));
            ended.UnionWith(existing.Values.SelectMany(OutcomeRollup.EndDayOf));
            var added = new List<DossierOutcome>();
            foreach (var (agency, dossier) in chunk)
            {
                if (existing.TryGetValue(dossier.Audit.DossierId, out var outcome))
                {
                    outcome.Update(dossier, agency.Path, now);
                }
                else
                {
                    outcome = new DossierOutcome(dossier, agency.Id, agency.Path, now);
                    added.Add(outcome);
                }

                days.UnionWith(OutcomeRollup.DaysOf(outcome));
                ended.UnionWith(OutcomeRollup.EndDayOf(outcome));
                patterns.AddRange(DossierActorPattern.Of(outcome, dossier.Audit));
            }

            await DerivedRows.UpdateAsync(db, existing.Values.ToList(), cancellationToken);
            await DerivedRows.InsertAsync(db, added, cancellationToken);
            await DerivedRows.InsertAsync(db, findings, cancellationToken);
            await DerivedRows.InsertAsync(db, patterns, cancellationToken);
        }

        await rollup.RecomputeAsync(days, ended, cancellationToken);
        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }

        return findingCount;
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
