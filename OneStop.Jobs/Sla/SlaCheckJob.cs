using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using OneStop.Calendar;
using OneStop.Deadlines;
using OneStop.Dossiers;
using OneStop.Jobs.Persistence;
using OneStop.Notifications;
using OneStop.Persistence;
using OneStop.Sla;

namespace OneStop.Jobs.Sla;

/// <summary>
/// The SLA check: moves open dossiers between OnTrack, DueSoon and Overdue, marks results not collected, and
/// queues the notices of the ladder, the apology window and the citizen. It reads only dossiers whose
/// <see cref="Dossier.NextSlaCheckAt"/> has come (an index range), in batches, each saved in one transaction
/// with its events and outbox rows; every dossier leaves a batch with its next check in the future, so a pass
/// ends, and a quiet pass is one empty index read. The current step (the unit's budget) moves the same way.
/// </summary>
/// <remarks>
/// <para>On SQLite and PostgreSQL a batch is set-based: a projection of the needed columns, plans in memory, then a
/// few multi-row statements (<see cref="BulkRows"/>); the events are the ones the <see cref="Dossier"/> methods
/// record (<see cref="Dossier.ApplySlaPlan(SlaSnapshot, SlaPlan, DossierAction, LedgerKeyRing)"/>), hash chain included.
/// </para>
/// <para>
/// Idempotent: the plan depends only on the dossier and the instant, moves are skipped when the state is already
/// there, and a notice whose key is in the outbox is not queued again. Two workers on one database: the
/// dossier's version check lets one of them save a dossier; the other reloads it and finds nothing to do.
/// A dossier whose check throws is logged with its code and retried later; the rest of the batch goes on.
/// </para>
/// </remarks>
public sealed class SlaCheckJob(
    IServiceScopeFactory scopes,
    IClock clock,
    WorkingCalendarProvider calendars,
    IOptions<OfficeHoursOptions> officeHours,
    IOptions<SlaOptions> options,
    IOptions<DeadlineThresholds> thresholds,
    LedgerKeyRing keys,
    ILogger<SlaCheckJob> logger)
{
    /// <summary>The actor of the worker's events.</summary>
    public const string Actor = "system";

    private readonly SlaOptions _options = options.Value;

    private readonly DeadlineThresholds _thresholds = thresholds.Value;

    /// <summary>Runs a pass over every dossier due for a check; returns how many dossiers it looked at.</summary>
    public async Task<SlaPassResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var calculator = new DeadlineCalculator(calendars.Current);
        AgencyHours hours;
        bool setBased;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            hours = await AgencyHours.LoadAsync(db, officeHours.Value.ToOfficeHours(), cancellationToken);
            setBased = BulkRows.Serves(db);
        }

        var result = new SlaPassResult();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = setBased
                ? await RunSetBatchAsync(now, calculator, hours, result, cancellationToken)
                : await RunTrackedBatchAsync(now, calculator, hours, result, cancellationToken);
            if (batch == 0)
            {
                return result;
            }

            result.Checked += batch;
        }
    }

    // SQLite and PostgreSQL: the batch is read as snapshots (a projection of the columns the rules need, no
    // tracking), planned in memory, and written in one transaction with one UPDATE per chunk of dossiers (each
    // row only where its version is still the one read), multi-row INSERTs of the events, and of the notices
    // with ON CONFLICT DO NOTHING on the outbox key. Any conflict rolls the batch back and redoes it one by one.
    private async Task<int> RunSetBatchAsync(Instant now, DeadlineCalculator calculator, AgencyHours hours, SlaPassResult result, CancellationToken cancellationToken)
    {
        List<SlaSnapshot> snapshots;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            snapshots = await DueBatch(db, now).AsNoTracking()
                .Select(d => new SlaSnapshot(
                    d.Id, d.Code, d.AgencyId, d.Status, d.CurrentUnit, d.AcceptedAt, d.CountingStartsAt, d.StatutoryDueAt, d.AppointmentAt,
                    d.Reschedulings, d.ResultReadyAt, d.StepStartedAt, d.StepDueAt, d.SlaState, d.StepSlaState, d.EventCount, d.LastEventHash, d.Version,
                    d.SupplementDueAt, d.ClosedAt, d.NoticeChannels))
                .ToListAsync(cancellationToken);
            if (snapshots.Count == 0)
            {
                return 0;
            }

            var changes = new List<SlaRowChange>(snapshots.Count);
            var notices = new List<OutboxMessage>();
            var failed = new List<string>();
            foreach (var snapshot in snapshots)
            {
                try
                {
                    var plan = SlaPlanner.Plan(snapshot, now, calculator, hours.Of(snapshot.AgencyId), _options, _thresholds);
                    var change = Dossier.ApplySlaPlan(snapshot, plan, new DossierAction(Actor, now, now), keys);
                    changes.Add(change);
                    notices.AddRange(plan.Notices.Select(n => new OutboxMessage(
                        snapshot.Id, snapshot.Code, snapshot.AgencyId, n.Kind, n.Threshold, n.Audience, n.Subject, n.Body, now, n.NotBefore, n.Unit)));

                    // The citizen's notices of the status changes (not collected, lapsed), as a tracked save queues them.
                    notices.AddRange(CitizenNoticeRule.Messages(snapshot.Id, snapshot.Code, snapshot.AgencyId, snapshot.NoticeChannels, change.Events));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A poisoned dossier (e.g. a due outside the calendar's range) does not stop the others.
                    logger.LogError(e, "SLA check of dossier {Code} failed; retried in {Minutes} min", snapshot.Code, _options.PoisonRetryMinutes);
                    failed.Add(snapshot.Code);
                    changes.Add(new SlaRowChange(
                        snapshot.Id, snapshot.Version, snapshot.Status, snapshot.SlaState, snapshot.StepSlaState, snapshot.EventCount,
                        snapshot.LastEventHash, snapshot.Version, now + Duration.FromMinutes(_options.PoisonRetryMinutes), 0, [], snapshot.ClosedAt));
                }
            }

            try
            {
                var rows = new BulkRows(db);
                if (await rows.UpdateDossiersAsync(changes, cancellationToken) == changes.Count)
                {
                    await rows.InsertAsync(changes.SelectMany(c => c.Events).ToList(), skipDuplicates: false, cancellationToken);
                    var queued = await rows.InsertAsync(notices, skipDuplicates: true, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    result.Transitions += changes.Sum(c => c.Transitions);
                    result.Notices += queued;
                    result.Failed.AddRange(failed);
                    return snapshots.Count;
                }

                logger.LogInformation("SLA batch met dossiers changed since they were read; checking its {Count} dossiers one at a time", snapshots.Count);
            }
            catch (DbException e)
            {
                // Another writer (the API, or a second worker) changed one of them: redo the batch one by one.
                logger.LogInformation(e, "SLA batch conflicted; checking its {Count} dossiers one at a time", snapshots.Count);
            }

            await transaction.RollbackAsync(cancellationToken);
        }

        foreach (var id in snapshots.Select(d => d.Id))
        {
            await CheckOneAsync(id, now, calculator, hours, result, cancellationToken);
        }

        return snapshots.Count;
    }

    // SQL Server (no BulkRows there): tracked dossiers saved by SaveChanges.
    private async Task<int> RunTrackedBatchAsync(Instant now, DeadlineCalculator calculator, AgencyHours hours, SlaPassResult result, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var dossiers = await DueBatch(db, now).ToListAsync(cancellationToken);
        if (dossiers.Count == 0)
        {
            return 0;
        }

        var planned = Plan(dossiers, now, calculator, hours, result);
        var sent = await SentKeysAsync(db, planned.Where(p => p.Plan.Notices.Count > 0).Select(p => p.Dossier.Id).ToList(), cancellationToken);
        foreach (var (dossier, plan) in planned)
        {
            Apply(db, dossier, plan, now, sent, result);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return dossiers.Count;
        }
        catch (DbUpdateException e)
        {
            await transaction.RollbackAsync(cancellationToken);

            // Another writer (the API, or a second worker) changed one of them: redo the batch one by one.
            logger.LogInformation(e, "SLA batch conflicted; checking its {Count} dossiers one at a time", dossiers.Count);
        }

        foreach (var id in dossiers.Select(d => d.Id))
        {
            await CheckOneAsync(id, now, calculator, hours, result, cancellationToken);
        }

        return dossiers.Count;
    }

    // The next batch of dossiers whose check has come. On the server databases the rows are locked for the
    // batch's transaction and rows another worker holds are skipped, so that two workers take disjoint batches.
    private IQueryable<Dossier> DueBatch(OneStopDbContext db, Instant now)
    {
        var at = now.ToDateTimeUtc();
        var size = _options.BatchSize;
        return db switch
        {
            PostgresOneStopDbContext => db.Dossiers.FromSql(
                $"SELECT * FROM \"Dossiers\" WHERE \"NextSlaCheckAt\" <= {at} ORDER BY \"NextSlaCheckAt\", \"Id\" LIMIT {size} FOR UPDATE SKIP LOCKED"),
            SqlServerOneStopDbContext => db.Dossiers.FromSql(
                $"SELECT TOP ({size}) * FROM [Dossiers] WITH (UPDLOCK, READPAST, ROWLOCK) WHERE [NextSlaCheckAt] <= {at} ORDER BY [NextSlaCheckAt], [Id]"),
            _ => db.Dossiers.Where(d => d.NextSlaCheckAt <= now).OrderBy(d => d.NextSlaCheckAt).ThenBy(d => d.Id).Take(size),
        };
    }

    private async Task CheckOneAsync(Guid id, Instant now, DeadlineCalculator calculator, AgencyHours hours, SlaPassResult result, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var dossier = await db.Dossiers.SingleOrDefaultAsync(d => d.Id == id && d.NextSlaCheckAt <= now, cancellationToken);
            if (dossier is null)
            {
                return;
            }

            var planned = Plan([dossier], now, calculator, hours, result);
            var sent = await SentKeysAsync(db, [id], cancellationToken);
            foreach (var (d, plan) in planned)
            {
                Apply(db, d, plan, now, sent, result);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException e) when (attempt < 3)
            {
                logger.LogInformation(e, "SLA check of {Code} conflicted (attempt {Attempt}); reloading", dossier.Code, attempt);
            }
            catch (DbUpdateException e)
            {
                logger.LogError(e, "SLA check of dossier {Code} failed to save; retried in {Minutes} min", dossier.Code, _options.PoisonRetryMinutes);
                await DeferAsync(id, now, cancellationToken);
                result.Failed.Add(dossier.Code);
                return;
            }
        }
    }

    private List<(Dossier Dossier, SlaPlan Plan)> Plan(List<Dossier> dossiers, Instant now, DeadlineCalculator calculator, AgencyHours hours, SlaPassResult result)
    {
        var planned = new List<(Dossier, SlaPlan)>(dossiers.Count);
        foreach (var dossier in dossiers)
        {
            try
            {
                planned.Add((dossier, SlaPlanner.Plan(dossier, now, calculator, hours.Of(dossier.AgencyId), _options, _thresholds)));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A poisoned dossier (e.g. a due outside the calendar's range) does not stop the others.
                logger.LogError(e, "SLA check of dossier {Code} failed; retried in {Minutes} min", dossier.Code, _options.PoisonRetryMinutes);
                dossier.ScheduleSlaCheck(now + Duration.FromMinutes(_options.PoisonRetryMinutes));
                result.Failed.Add(dossier.Code);
            }
        }

        return planned;
    }

    private static void Apply(OneStopDbContext db, Dossier dossier, SlaPlan plan, Instant now, HashSet<(Guid, string, string)> sent, SlaPassResult result)
    {
        result.Transitions += dossier.ApplySlaPlan(plan, new DossierAction(Actor, now, now));
        foreach (var notice in plan.Notices)
        {
            if (sent.Add((dossier.Id, notice.Kind, notice.Threshold)))
            {
                db.OutboxMessages.Add(new OutboxMessage(dossier.Id, dossier.Code, dossier.AgencyId, notice.Kind, notice.Threshold, notice.Audience, notice.Subject, notice.Body, now, notice.NotBefore, notice.Unit));
                result.Notices++;
            }
        }
    }

    private static async Task<HashSet<(Guid, string, string)>> SentKeysAsync(OneStopDbContext db, List<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var keys = await db.OutboxMessages.AsNoTracking()
            .Where(m => ids.Contains(m.DossierId))
            .Select(m => new { m.DossierId, m.Kind, m.Threshold })
            .ToListAsync(cancellationToken);
        return keys.Select(k => (k.DossierId, k.Kind, k.Threshold)).ToHashSet();
    }

    private async Task DeferAsync(Guid id, Instant now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var retryAt = now + Duration.FromMinutes(_options.PoisonRetryMinutes);
        await db.Dossiers.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.NextSlaCheckAt, retryAt), cancellationToken);
    }
}

/// <summary>What one pass did.</summary>
public sealed class SlaPassResult
{
    public int Checked { get; set; }

    public int Transitions { get; set; }

    public int Notices { get; set; }

    /// <summary>Codes of the dossiers whose check failed (logged, retried later).</summary>
    public List<string> Failed { get; } = [];
}
