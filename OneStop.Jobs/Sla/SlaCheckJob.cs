using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using OneStop.Calendar;
using OneStop.Deadlines;
using OneStop.Dossiers;
using OneStop.Notifications;
using OneStop.Persistence;
using OneStop.Sla;

namespace OneStop.Jobs.Sla;

/// <summary>
/// The SLA check: moves open dossiers between OnTrack, DueSoon and Overdue, marks results not collected, and
/// queues the notices of the ladder, the apology window and the citizen. It reads only dossiers whose
/// <see cref="Dossier.NextSlaCheckAt"/> has come (an index range), in batches, each saved in one transaction
/// with its events and outbox rows; every dossier leaves a batch with its next check in the future, so a pass
/// ends, and a quiet pass is one empty index read.
/// </summary>
/// <remarks>
/// Idempotent: the plan depends only on the dossier and the instant, moves are skipped when the state is already
/// there, and a notice whose key is in the outbox is not queued again. Two workers on one database: the
/// dossier's version check lets one of them save a dossier; the other reloads it and finds nothing to do.
/// A dossier whose check throws is logged with its code and retried later; the rest of the batch goes on.
/// </remarks>
public sealed class SlaCheckJob(
    IServiceScopeFactory scopes,
    IClock clock,
    WorkingCalendarProvider calendars,
    IOptions<OfficeHoursOptions> officeHours,
    IOptions<SlaOptions> options,
    ILogger<SlaCheckJob> logger)
{
    /// <summary>The actor of the worker's events.</summary>
    public const string Actor = "system";

    private readonly SlaOptions _options = options.Value;

    /// <summary>Runs a pass over every dossier due for a check; returns how many dossiers it looked at.</summary>
    public async Task<SlaPassResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var calculator = new DeadlineCalculator(calendars.Current);
        AgencyHours hours;
        await using (var scope = scopes.CreateAsyncScope())
        {
            hours = await AgencyHours.LoadAsync(scope.ServiceProvider.GetRequiredService<OneStopDbContext>(), officeHours.Value.ToOfficeHours(), cancellationToken);
        }

        var result = new SlaPassResult();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = await RunBatchAsync(now, calculator, hours, result, cancellationToken);
            if (batch == 0)
            {
                return result;
            }

            result.Checked += batch;
        }
    }

    private async Task<int> RunBatchAsync(Instant now, DeadlineCalculator calculator, AgencyHours hours, SlaPassResult result, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        await using var transaction = db is SqliteOneStopDbContext ? null : await db.Database.BeginTransactionAsync(cancellationToken);
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
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return dossiers.Count;
        }
        catch (DbUpdateException e)
        {
            if (transaction is not null)
            {
                await transaction.RollbackAsync(cancellationToken);
            }

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
                planned.Add((dossier, SlaPlanner.Plan(dossier, now, calculator, hours.Of(dossier.AgencyId), _options)));
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
        foreach (var (state, at) in plan.Moves)
        {
            if (dossier.MoveSla(state, new DossierAction(Actor, now, at)))
            {
                result.Transitions++;
            }
        }

        if (plan.NotCollectedAt is { } notCollectedAt && dossier.MarkNotCollected(new DossierAction(Actor, now, notCollectedAt)))
        {
            result.Transitions++;
        }

        foreach (var notice in plan.Notices)
        {
            if (sent.Add((dossier.Id, notice.Kind, notice.Threshold)))
            {
                db.OutboxMessages.Add(new OutboxMessage(dossier.Id, dossier.Code, dossier.AgencyId, notice.Kind, notice.Threshold, notice.Audience, notice.Subject, notice.Body, now, notice.NotBefore));
                result.Notices++;
            }
        }

        dossier.ScheduleSlaCheck(plan.NextCheckAt);
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
