using Microsoft.EntityFrameworkCore;
using NodaTime;
using OneStop.Calendar;
using OneStop.Jobs.Persistence;
using OneStop.Lateness;
using OneStop.Persistence;

namespace OneStop.Jobs.Lateness;

/// <summary>
/// Keeps the daily rollups of finished dossiers (<see cref="OutcomeDay"/>, and of their patterns: <see cref="PatternDay"/>)
/// and says, once, what a finished dossier contributes to a period's counts (<see cref="ContributionsAsync"/>): the
/// rollup's days and the partial days at a period's edges are counted by the same rule.
/// </summary>
/// <remarks>
/// An (agency, day) is recomputed from the stored outcomes whenever one of its outcomes is written (never
/// incremented), in the transaction that writes them, under a lock per agency on a server database (<see cref="LockAsync"/>,
/// which the writer takes before its first write): the last recompute of a day reads every committed outcome, so several
/// API instances and workers lose no update. SQLite has one writer at a time.
/// </remarks>
public sealed class OutcomeRollup(OneStopDbContext db)
{
    /// <summary>The start of the office day of <paramref name="instant"/> (00:00 Asia/Ho_Chi_Minh).</summary>
    public static Instant DayOf(Instant instant) => OfficeTime.ToInstant(OfficeTime.ToLocal(instant).Date.AtMidnight());

    /// <summary>The start of the next office day.</summary>
    public static Instant NextDay(Instant day) => OfficeTime.ToInstant(OfficeTime.ToLocal(day).Date.PlusDays(1).AtMidnight());

    /// <summary>The first office-day start at or after <paramref name="instant"/>.</summary>
    public static Instant DayAtOrAfter(Instant instant) => DayOf(instant) == instant ? instant : NextDay(DayOf(instant));

    /// <summary>The (agency, day) groups a stored outcome adds to: none while open; its acceptance day and its end day once finished.</summary>
    public static IEnumerable<(Guid Agency, Instant Day)> DaysOf(DossierOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.EndAt is { } end)
        {
            yield return (outcome.AgencyId, DayOf(outcome.AcceptedAt));
            yield return (outcome.AgencyId, DayOf(end));
        }
    }

    /// <summary>The (agency, day) a stored outcome's patterns add to (<see cref="PatternDay"/>): its end day once finished.</summary>
    public static IEnumerable<(Guid Agency, Instant Day)> EndDayOf(DossierOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.EndAt is { } end)
        {
            yield return (outcome.AgencyId, DayOf(end));
        }
    }

    /// <summary>
    /// THE rule: what the finished dossiers of <paramref name="scope"/> contribute, by the finest group (agency, unit as
    /// audited, procedure, clerk): those that ended in [endedFrom, endedTo) their result, refusal or stop (a dossier with
    /// a result is never refused or stopped: all of it is on its end day), those accepted in [acceptedFrom, acceptedTo)
    /// their acceptance (whenever they ended). The same predicates as <see cref="LatenessIndicators"/> for a dossier
    /// finished inside the period.
    /// </summary>
    public static async Task<List<Contribution>> ContributionsAsync(IQueryable<DossierOutcome> scope, Instant endedFrom, Instant endedTo, Instant acceptedFrom, Instant acceptedTo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (endedFrom >= endedTo && acceptedFrom >= acceptedTo)
        {
            return [];
        }

        // Each range alone is one index range ((AgencyId, CountedUntil, …) and (AgencyId, AcceptedAt)).
        var finished = scope.Where(o => o.EndAt != null);
        var selected = acceptedFrom >= acceptedTo ? finished.Where(o => o.CountedUntil >= endedFrom && o.CountedUntil < endedTo)
            : endedFrom >= endedTo ? finished.Where(o => o.AcceptedAt >= acceptedFrom && o.AcceptedAt < acceptedTo)
            : finished.Where(o => (o.CountedUntil >= endedFrom && o.CountedUntil < endedTo) || (o.AcceptedAt >= acceptedFrom && o.AcceptedAt < acceptedTo));
        var rows = await selected
            .GroupBy(o => new { o.AgencyElectronicId, o.AgencyName, o.Department, o.ProcedureCode, o.ProcedureName, o.Clerk })
            .Select(g => new
            {
                g.Key,
                Accepted = g.Sum(o => o.AcceptedAt >= acceptedFrom && o.AcceptedAt < acceptedTo ? 1 : 0),
                Ended = g.Sum(o => o.CountedUntil >= endedFrom && o.CountedUntil < endedTo ? 1 : 0),
                Early = g.Sum(o => o.CountedUntil >= endedFrom && o.CountedUntil < endedTo && o.ResultAt != null && o.Outcome == TrueOutcome.Early ? 1 : 0),
                OnTime = g.Sum(o => o.CountedUntil >= endedFrom && o.CountedUntil < endedTo && o.ResultAt != null && o.Outcome == TrueOutcome.OnTime ? 1 : 0),
                Late = g.Sum(o => o.CountedUntil >= endedFrom && o.CountedUntil < endedTo && o.ResultAt != null && o.Outcome != TrueOutcome.Early && o.Outcome != TrueOutcome.OnTime ? 1 : 0),
                Paper = g.Sum(o => o.CountedUntil >= endedFrom && o.CountedUntil < endedTo && o.ResultAt != null && o.PaperOnTime == true ? 1 : 0),
                Refused = g.Sum(o => o.CountedUntil >= endedFrom && o.CountedUntil < endedTo && o.ClosedAt != null && o.Outcome == TrueOutcome.Refused ? 1 : 0),
                Stopped = g.Sum(o => o.CountedUntil >= endedFrom && o.CountedUntil < endedTo && o.ClosedAt != null && o.Outcome == TrueOutcome.Stopped ? 1 : 0),
                // The late list (LatenessIndicators.IsLate) and the paper-differs list (Differs) for a finished dossier.
                Listed = g.Sum(o => o.CountedUntil >= endedFrom && o.CountedUntil < endedTo
                    && ((o.ResultAt != null && o.Outcome == TrueOutcome.Late) || (o.ResultAt == null && o.Outcome == TrueOutcome.Refused && o.ClosedAt != null && o.LateMinutes > 0)) ? 1 : 0),
                Differs = g.Sum(o => o.CountedUntil >= endedFrom && o.CountedUntil < endedTo && o.ResultAt != null
                    && ((o.PaperOnTime == true && o.Outcome == TrueOutcome.Late) || (o.PaperOnTime == false && (o.Outcome == TrueOutcome.Early || o.Outcome == TrueOutcome.OnTime))) ? 1 : 0),
            }).ToListAsync(cancellationToken);
        return rows.Select(r => new Contribution(
            r.Key.AgencyElectronicId, r.Key.AgencyName, r.Key.Department, r.Key.ProcedureCode, r.Key.ProcedureName, r.Key.Clerk,
            r.Accepted, r.Ended, r.Early, r.OnTime, r.Late, r.Paper, r.Refused, r.Stopped, r.Listed, r.Differs)).ToList();
    }

    /// <summary>
    /// Recomputes the given (agency, day) groups from the stored outcomes, and the pattern days of <paramref name="ended"/>
    /// (<see cref="EndDayOf"/>: only a day a dossier ended on holds its patterns), in the caller's transaction (or one
    /// of its own).
    /// </summary>
    public async Task RecomputeAsync(IEnumerable<(Guid Agency, Instant Day)> groups, IEnumerable<(Guid Agency, Instant Day)> ended, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(ended);
        var patternDays = ended.Distinct().ToLookup(g => g.Agency, g => g.Day);
        var byAgency = groups.Concat(ended).Distinct().GroupBy(g => g.Agency).OrderBy(g => g.Key).ToList();
        if (byAgency.Count == 0)
        {
            return;
        }

        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await LockAsync(byAgency.Select(a => a.Key), cancellationToken);
            foreach (var agency in byAgency)
            {
                var days = agency.Select(g => g.Day).Distinct().Order().ToList();
                var agencyId = agency.Key;
                foreach (var chunk in days.Chunk(500))
                {
                    var list = chunk.ToList();
                    await db.Set<OutcomeDay>().Where(d => d.AgencyId == agencyId && list.Contains(d.Day)).ExecuteDeleteAsync(cancellationToken);
                }

                var scope = db.Set<DossierOutcome>().AsNoTracking().Where(o => o.AgencyId == agencyId);
                var added = new List<OutcomeDay>();
                foreach (var day in days)
                {
                    var next = NextDay(day);
                    added.AddRange((await ContributionsAsync(scope, day, next, day, next, cancellationToken)).Select(c => c.ToDay(agencyId, day)));
                }

                await DerivedRows.InsertAsync(db, added, cancellationToken);

                // The patterns of the dossiers that ended on these days, under the same lock.
                await PatternRollup.RecomputeAsync(db, agencyId, patternDays[agencyId].Order().ToList(), cancellationToken);
            }

            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>Rebuilds the whole rollup from the stored outcomes (after a bulk load, or to repair it).</summary>
    public async Task RebuildAsync(CancellationToken cancellationToken)
    {
        var spans = await db.Set<DossierOutcome>().AsNoTracking().Where(o => o.EndAt != null).GroupBy(o => o.AgencyId)
            .Select(g => new { Agency = g.Key, First = g.Min(o => o.AcceptedAt), Last = g.Max(o => o.CountedUntil) }).ToListAsync(cancellationToken);
        await db.Set<OutcomeDay>().ExecuteDeleteAsync(cancellationToken);
        await db.Set<PatternDay>().ExecuteDeleteAsync(cancellationToken);
        foreach (var span in spans)
        {
            var days = new List<(Guid, Instant)>();
            for (var day = DayOf(span.First); day <= span.Last; day = NextDay(day))
            {
                days.Add((span.Agency, day));
            }

            foreach (var chunk in days.Chunk(60))
            {
                await RecomputeAsync(chunk, chunk, cancellationToken);
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// Takes the write lock of each agency (a server database's; SQLite has one writer at a time), in agency order so that
    /// two writers never wait on each other crosswise, held to the end of the caller's transaction. Taken again by the
    /// same transaction, a lock is already held.
    /// </summary>
    public async Task LockAsync(IEnumerable<Guid> agencies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        var provider = db.Database.ProviderName ?? string.Empty;
        foreach (var agency in agencies.Distinct().Order())
        {
            var key = BitConverter.ToInt64(agency.ToByteArray(), 0);
            if (provider.Contains("Npgsql", StringComparison.Ordinal))
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken);
            }
            else if (provider.Contains("SqlServer", StringComparison.Ordinal))
            {
                var resource = "OutcomeDay:" + agency.ToString("N");
                await db.Database.ExecuteSqlAsync($"EXEC sp_getapplock @Resource = {resource}, @LockMode = 'Exclusive', @LockOwner = 'Transaction'", cancellationToken);
            }
        }
    }

    /// <summary>What the finished dossiers of one finest group contribute.</summary>
    public sealed record Contribution(
        string Agency, string AgencyName, string Unit, string Procedure, string ProcedureName, string Clerk,
        int Accepted, int Ended, int Early, int OnTime, int Late, int Paper, int Refused, int Stopped, int Listed, int Differs)
    {
        public OutcomeDay ToDay(Guid agencyId, Instant day) => new(agencyId, day, Agency, AgencyName, Unit, Procedure, ProcedureName, Clerk)
        {
            Accepted = Accepted, Ended = Ended, Early = Early, OnTime = OnTime, Late = Late, PaperOnTime = Paper,
            Refused = Refused, Stopped = Stopped, Listed = Listed, Differs = Differs,
        };
    }
}
