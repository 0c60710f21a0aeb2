using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using OneStop.Agencies;
using OneStop.Calendar;
using OneStop.Lateness;
using OneStop.Persistence;

namespace OneStop.Jobs.Lateness;

/// <summary>
/// The dashboard's indicators as SQL aggregates over the stored outcomes (<see cref="DossierOutcome"/>): the same
/// counts as <see cref="LatenessIndicators"/> over the per-dossier audits at the earlier of now and the period's end,
/// without replaying a ledger.
/// </summary>
/// <remarks>
/// <para>An open dossier whose events were all known at the instant <c>T</c> (<see cref="DossierOutcome.LastKnownAt"/>
/// at or before it) is judged in SQL from its stored instants, as <see cref="AuditResult.StandingAt"/> judges it.</para>
/// <para>A dossier open at <c>T</c> with events after it (only when the period ended in the past: it was finished,
/// restarted or handed on since) is replayed at <c>T</c>, as the per-dossier audit would: these are the period's own
/// in-progress rows at its end, not the subtree's history.</para>
/// <para>The lists are ordered by statutory due (the longest overdue first), then code, and paged.</para>
/// </remarks>
public sealed partial class OutcomeIndicators(OneStopDbContext db, LatenessService service, IClock clock)
{
    public const int PageSize = 50;

    /// <summary>
    /// The summary of the subtree at <paramref name="agencyPath"/> for [from, to), the lists' first page (narrowed by
    /// <paramref name="filter"/>: the counts stay the period's).
    /// </summary>
    public async Task<LatenessSummary> SummariseAsync(string agencyPath, Instant from, Instant to, CancellationToken cancellationToken, ListFilter? filter = null)
    {
        var (period, replayed, finished, groups) = await CountAsync(agencyPath, from, to, cancellationToken);
        var indicators = new LatenessIndicators();
        var names = new Names(
            groups.GroupBy(g => g.Key.Agency).ToDictionary(g => g.Key, g => g.Select(x => x.Key.AgencyName).FirstOrDefault(n => n.Length > 0) ?? g.Key, StringComparer.Ordinal),
            groups.GroupBy(g => g.Key.Procedure).ToDictionary(g => g.Key, g => g.Select(x => x.Key.ProcedureName).FirstOrDefault(n => n.Length > 0) ?? g.Key, StringComparer.Ordinal));
        foreach (var d in replayed)
        {
            names.Agencies.TryAdd(d.AgencyElectronicId, d.AgencyName);
            names.Procedures.TryAdd(d.ProcedureCode, d.ProcedureName);
        }

        var totals = Totals(groups, replayed, period);
        var byAgency = Merge(Sum(groups, k => k.Agency), replayed, d => d.AgencyElectronicId, indicators, period);
        // Departments by the agency's catalogue: old spellings and former names count as the unit they name.
        var units = await UnitCatalogue.LoadAsync(db, null, cancellationToken);
        var byDepartment = Merge(Sum(groups, k => k.Agency + "/" + units.Canonical(k.Agency, k.Unit)), replayed, d => d.AgencyElectronicId + "/" + units.Canonical(d.AgencyElectronicId, d.Audit.Department), indicators, period);
        var byProcedure = Merge(Sum(groups, k => k.Procedure), replayed, d => d.ProcedureCode, indicators, period);
        var byClerk = Merge(Sum(groups, k => k.Clerk), replayed, d => d.Audit.RegisteredBy, indicators, period);

        // The lists' totals are the counts' own unless narrowed.
        filter ??= ListFilter.None;
        var narrowed = filter != ListFilter.None;
        // The department resolved by the catalogue loaded above, once for both lists.
        filter = filter.WithUnitNames(units);
        var late = await LateAsync(period, 1, replayed, narrowed ? null : groups.Sum(g => g.Late), cancellationToken, filter);
        var differs = await PaperDiffersAsync(period, 1, replayed, narrowed ? null : groups.Sum(g => g.Differs), cancellationToken, filter);
        return new LatenessSummary(
            from, to, totals,
            byAgency.Select(g => g with { Name = names.Agencies.GetValueOrDefault(g.Key, g.Key) }).ToList(),
            byDepartment.Select(g => g with { Name = DepartmentName(g.Key, names.Agencies) }).ToList(),
            byProcedure.Select(g => g with { Name = names.Procedures.GetValueOrDefault(g.Key, g.Key) }).ToList(),
            byClerk.Select(g => g with { Name = g.Key }).ToList(),
            await WeeklyAsync(Judged(NotFinishedBefore(period), period.At), period, finished.Weeks, cancellationToken),
            late.Items,
            differs.Items)
        {
            LateTotal = late.Total,
            PaperDiffersTotal = differs.Total,
        };
    }

    /// <summary>
    /// The counts of the subtree for [from, to) at its instant alone (the Decision 766 panel's API): the summary's totals,
    /// without its groups' names, weekly trend or lists.
    /// </summary>
    public async Task<IndicatorCounts> TotalsAsync(string agencyPath, Instant from, Instant to, CancellationToken cancellationToken)
    {
        var (period, replayed, _, groups) = await CountAsync(agencyPath, from, to, cancellationToken);
        return Totals(groups, replayed, period);
    }

    /// <summary>
    /// The final figures of [from, to) as the ledgers stand now (the trend's previous period): received (accepted in
    /// it), and its results, refusals and stops by their final judgement. Whole days come from the daily rollup, so the
    /// cost does not grow with the rows of the period. The in-progress counts of an instant are not among them
    /// (zero): judging a past instant means replaying every dossier then in progress.
    /// </summary>
    public async Task<IndicatorCounts> FinalTotalsAsync(string agencyPath, Instant from, Instant to, CancellationToken cancellationToken)
    {
        await service.DrainRefreshesAsync(cancellationToken);
        var p = await PeriodAsync(agencyPath, from, to, cancellationToken);
        var (contributions, _) = await RolledUpAsync(p.Agencies, from, p.At, to, cancellationToken);
        // Accepted in the period and not finished yet: the still-open tail of the index, per agency.
        var agencies = p.Agencies;
        var open = await db.Set<DossierOutcome>().AsNoTracking()
            .CountAsync(o => agencies.Contains(o.AgencyId) && o.CountedUntil == DossierOutcome.StillOpen && o.AcceptedAt >= from && o.AcceptedAt < to, cancellationToken);
        return new IndicatorCounts
        {
            Received = contributions.Sum(c => c.Accepted) + open, FinishedEarly = contributions.Sum(c => c.Early), FinishedOnTime = contributions.Sum(c => c.OnTime),
            FinishedLate = contributions.Sum(c => c.Late), PaperOnTime = contributions.Sum(c => c.Paper), Refused = contributions.Sum(c => c.Refused),
            Stopped = contributions.Sum(c => c.Stopped),
        };
    }

    /// <summary>
    /// The period's counts by the finest key (agency, department, procedure, clerk), and the dossiers replayed at its
    /// instant. The dossiers finished before the instant come from the daily rollup (<see cref="OutcomeDay"/>) and the
    /// period's partial edge days; only the rows still open at the instant (or finished after it, for a past period)
    /// are scanned: agencies, departments, procedures, clerks, totals and the lists' totals are the sums of both.
    /// </summary>
    private async Task<(Period Period, List<AuditedDossier> Replayed, Finished Finished, List<Counted> Groups)> CountAsync(
        string agencyPath, Instant from, Instant to, CancellationToken cancellationToken)
    {
        await service.DrainRefreshesAsync(cancellationToken);
        var period = await PeriodAsync(agencyPath, from, to, cancellationToken);
        var replayed = await ReplayedAsync(period, cancellationToken);
        var finished = await FinishedAsync(period, cancellationToken);
        var groups = (await CountsAsync(Judged(NotFinishedBefore(period), period.At), period, cancellationToken)).Concat(finished.Groups).ToList();
        return (period, replayed, finished, groups);
    }

    private static IndicatorCounts Totals(List<Counted> groups, List<AuditedDossier> replayed, Period p) =>
        groups.Aggregate(new IndicatorCounts(), (sum, g) => sum.Plus(g.Counts)).Plus(new LatenessIndicators().Count(replayed, p.From, p.To));

    /// <summary>One page (from 1) of the dossiers late in the period or overdue at its end.</summary>
    public async Task<DossierPage> LatePageAsync(string agencyPath, Instant from, Instant to, int page, CancellationToken cancellationToken, ListFilter? filter = null)
    {
        await service.DrainRefreshesAsync(cancellationToken);
        var period = await PeriodAsync(agencyPath, from, to, cancellationToken);
        return await LateAsync(period, page, await ReplayedAsync(period, cancellationToken), null, cancellationToken, filter ?? ListFilter.None);
    }

    /// <summary>One page (from 1) of the dossiers whose paper and ledger disagree.</summary>
    public async Task<DossierPage> PaperDiffersPageAsync(string agencyPath, Instant from, Instant to, int page, CancellationToken cancellationToken, ListFilter? filter = null)
    {
        await service.DrainRefreshesAsync(cancellationToken);
        var period = await PeriodAsync(agencyPath, from, to, cancellationToken);
        return await PaperDiffersAsync(period, page, await ReplayedAsync(period, cancellationToken), null, cancellationToken, filter ?? ListFilter.None);
    }

    /// <summary>The stored outcomes of the period, by code, for exports (streamed: never all in memory).</summary>
    public async IAsyncEnumerable<DossierOutcome> RowsAsync(string agencyPath, Instant from, Instant to, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var period = await PeriodAsync(agencyPath, from, to, cancellationToken);
        await foreach (var row in InPeriod(period).OrderBy(o => o.Code).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    private async Task<Period> PeriodAsync(string agencyPath, Instant from, Instant to, CancellationToken cancellationToken)
    {
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.Path.StartsWith(agencyPath)).Select(a => a.Id).ToListAsync(cancellationToken);
        return new Period(agencies, from, to, Min(clock.GetCurrentInstant(), to));
    }

    // Accepted before the period's end and not finished before its start: per agency, one range of the
    // (AgencyId, CountedUntil, AcceptedAt) index.
    private IQueryable<DossierOutcome> InPeriod(Period p)
    {
        var (agencies, from, to) = (p.Agencies, p.From, p.To);
        return db.Set<DossierOutcome>().AsNoTracking().Where(o => agencies.Contains(o.AgencyId) && o.CountedUntil >= from && o.AcceptedAt < to);
    }

    /// <summary>
    /// The period's rows not finished before its instant: per agency one range of the same index, from the later of
    /// the period's start and the instant. SQLite (without STAT4) ranges an index on one lower and one upper bound per
    /// column and prefers the column bounded on both sides: so one lower bound (given two, it may take the start and
    /// read the whole period) and the always-true upper bound <see cref="DossierOutcome.StillOpen"/>, which makes this
    /// range win over <c>(AgencyId, AcceptedAt)</c>'s.
    /// </summary>
    private IQueryable<DossierOutcome> NotFinishedBefore(Period p)
    {
        var (agencies, to, lower) = (p.Agencies, p.To, Max(p.From, p.At));
        return db.Set<DossierOutcome>().AsNoTracking()
            .Where(o => agencies.Contains(o.AgencyId) && o.CountedUntil >= lower && o.CountedUntil <= DossierOutcome.StillOpen && o.AcceptedAt < to);
    }

    /// <summary>Rows whose stored judgement holds at the instant: every event known by then, or closed by then.</summary>
    private IQueryable<DossierOutcome> Judged(Period p) => Judged(InPeriod(p), p.At);

    private static IQueryable<DossierOutcome> Judged(IQueryable<DossierOutcome> rows, Instant at) => rows.Where(o => !(o.CountedUntil > at && o.LastKnownAt > at));

    /// <summary>Open at the instant with events after it: replayed at the instant (the tail of the index range).</summary>
    private async Task<List<AuditedDossier>> ReplayedAsync(Period p, CancellationToken cancellationToken)
    {
        var at = p.At;
        // CountedUntil > at, written as "not at" on the range from the instant (one lower bound: NotFinishedBefore).
        var ids = await NotFinishedBefore(p).Where(o => o.CountedUntil != at && o.LastKnownAt > at)
            .Select(o => o.DossierId).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }

        var audited = await service.AuditAsync(ids, at, cancellationToken);
        return audited.Where(d => d.Audit.AcceptedAt < p.To && ((d.Audit.ResultAt ?? d.Audit.ClosedAt) is not { } end || end >= p.From)).ToList();
    }

    // A group every dossier of the period belongs to is received or carried over; one whose sum is neither holds only
    // the rollup's corrections of other periods' days (all zero), not a group of the period.
    private static List<IndicatorGroup> Sum(List<Counted> groups, Func<GroupKey, string> key) =>
        groups.GroupBy(g => key(g.Key), StringComparer.Ordinal)
            .Select(g => new IndicatorGroup(g.Key, string.Empty, g.Skip(1).Aggregate(g.First().Counts, (sum, x) => sum.Plus(x.Counts))))
            .Where(g => g.Counts.Received + g.Counts.CarriedOver != 0)
            .ToList();

    // The finest group of a row at the instant; its unit is ListFilter.UnitAt (the one rule, shared with the lists' filter).
    private static Expression<Func<DossierOutcome, GroupKey>> FinestKey(Instant at)
    {
        var unitAt = ListFilter.UnitAt(at);
        var o = unitAt.Parameters[0];
        Expression Member(string name) => Expression.Property(o, name);
        var constructor = typeof(GroupKey).GetConstructors().Single();
        return Expression.Lambda<Func<DossierOutcome, GroupKey>>(
            Expression.New(constructor, Member(nameof(DossierOutcome.AgencyElectronicId)), Member(nameof(DossierOutcome.AgencyName)), unitAt.Body,
                Member(nameof(DossierOutcome.ProcedureCode)), Member(nameof(DossierOutcome.ProcedureName)), Member(nameof(DossierOutcome.Clerk))),
            o);
    }

    // The standing at the instant comes from the stored instants (AuditResult.StandingAt in SQL).
    private static async Task<List<Counted>> CountsAsync(IQueryable<DossierOutcome> rows, Period p, CancellationToken cancellationToken)
    {
        var (from, to, at) = (p.From, p.To, p.At);
        var groups = await rows.GroupBy(FinestKey(at)).Select(g => new
        {
            g.Key,
            Received = g.Sum(o => o.AcceptedAt >= from ? 1 : 0),
            CarriedOver = g.Sum(o => o.AcceptedAt < from ? 1 : 0),
            Early = g.Sum(o => o.ResultAt >= from && o.ResultAt < to && o.Outcome == TrueOutcome.Early ? 1 : 0),
            OnTime = g.Sum(o => o.ResultAt >= from && o.ResultAt < to && o.Outcome == TrueOutcome.OnTime ? 1 : 0),
            Late = g.Sum(o => o.ResultAt >= from && o.ResultAt < to && o.Outcome != TrueOutcome.Early && o.Outcome != TrueOutcome.OnTime ? 1 : 0),
            Paper = g.Sum(o => o.ResultAt >= from && o.ResultAt < to && o.PaperOnTime == true ? 1 : 0),
            Refused = g.Sum(o => o.ClosedAt >= from && o.ClosedAt < to && o.Outcome == TrueOutcome.Refused ? 1 : 0),
            Stopped = g.Sum(o => o.ClosedAt >= from && o.ClosedAt < to && o.Outcome == TrueOutcome.Stopped ? 1 : 0),
            Overdue = g.Sum(o => o.EndAt == null && o.Standing != null
                && (o.ClockStoppedAt != null ? o.ClockStoppedAt > o.StatutoryDueAt : at > o.StatutoryDueAt) ? 1 : 0),
            DueSoon = g.Sum(o => o.EndAt == null && o.Standing != null && o.ClockStoppedAt == null
                && at <= o.StatutoryDueAt && o.DueSoonFrom != null && at >= o.DueSoonFrom ? 1 : 0),
            InProgressOnTime = g.Sum(o => o.EndAt == null && o.Standing != null
                && (o.ClockStoppedAt != null ? o.ClockStoppedAt <= o.StatutoryDueAt : at <= o.StatutoryDueAt && (o.DueSoonFrom == null || at < o.DueSoonFrom)) ? 1 : 0),
            NotCollected = g.Sum(o => o.ResultAt < to && (o.ReturnedAt == null || o.ReturnedAt >= to)
                && ((o.NotCollectedAt != null && o.NotCollectedAt <= at) || o.AppointmentAt < to) ? 1 : 0),
            // The lists' totals from the same scan: the predicates of LateAsync and PaperDiffersAsync.
            Listed = g.Sum(o => (o.ResultAt >= from && o.ResultAt < to && o.Outcome == TrueOutcome.Late)
                || (o.ResultAt == null && o.Outcome == TrueOutcome.Refused && o.ClosedAt >= from && o.ClosedAt < to && o.LateMinutes > 0)
                || (o.EndAt == null && o.Standing != null && (o.ClockStoppedAt != null ? o.ClockStoppedAt > o.StatutoryDueAt : at > o.StatutoryDueAt)) ? 1 : 0),
            Differs = g.Sum(o => (o.ResultAt >= from && o.ResultAt < to
                    && ((o.PaperOnTime == true && o.Outcome == TrueOutcome.Late) || (o.PaperOnTime == false && (o.Outcome == TrueOutcome.Early || o.Outcome == TrueOutcome.OnTime))))
                || (!(o.ResultAt >= from && o.ResultAt < to) && o.EndAt == null && o.Standing != null && o.AppointmentAt >= to
                    && (o.ClockStoppedAt != null ? o.ClockStoppedAt > o.StatutoryDueAt : at > o.StatutoryDueAt)) ? 1 : 0),
        }).ToListAsync(cancellationToken);
        return groups.Select(g => new Counted(g.Key, new IndicatorCounts
        {
            Received = g.Received, CarriedOver = g.CarriedOver, FinishedEarly = g.Early, FinishedOnTime = g.OnTime, FinishedLate = g.Late,
            PaperOnTime = g.Paper, Refused = g.Refused, Stopped = g.Stopped, InProgressOverdue = g.Overdue, InProgressDueSoon = g.DueSoon,
            InProgressOnTime = g.InProgressOnTime, NotCollected = g.NotCollected,
        }, g.Listed, g.Differs)).ToList();
    }

    /// <summary>
    /// The dossiers finished in [from, at) (their judgement is final): whole office days from the daily rollup, the
    /// partial days at the edges from their rows by the same rule (<see cref="OutcomeRollup.ContributionsAsync"/>), so a
    /// period not aligned on office days is exact. Received among them = finished dossiers accepted in [from, to) less
    /// those finished at or after the instant (counted with the open rows); carried over = the rest. Not collected
    /// depends on the period's end: its own query (results not returned by then, by index).
    /// </summary>
    private async Task<Finished> FinishedAsync(Period p, CancellationToken cancellationToken)
    {
        var (from, to, at) = (p.From, p.To, p.At);
        var (contributions, weeks) = await RolledUpAsync(p.Agencies, from, at, to, cancellationToken);

        // Finished at or after the instant (a past period's in-progress rows at its end) but accepted in the period:
        // counted with the open rows, so not received here.
        // "Accepted in the period" is counted, not filtered: a second bounded range (on AcceptedAt) would tie with the
        // instant's tail in SQLite's choice of index.
        var later = (await NotFinishedBefore(p).Where(o => o.CountedUntil < DossierOutcome.StillOpen && o.EndAt != null)
            .GroupBy(o => new { o.AgencyElectronicId, o.Department, o.ProcedureCode, o.Clerk })
            .Select(g => new { g.Key, Count = g.Sum(o => o.AcceptedAt >= from ? 1 : 0) }).ToListAsync(cancellationToken)).Where(g => g.Count > 0).ToList();

        // Not collected among the results before the instant: not returned (by the period's end), then by index.
        var ready = InPeriod(p).Where(o => o.CountedUntil < at && o.ResultAt != null && o.ResultAt < to
            && ((o.NotCollectedAt != null && o.NotCollectedAt <= at) || o.AppointmentAt < to));
        var notCollected = new List<(string Agency, string Unit, string Procedure, string Clerk, int Count)>();
        // Returned after the period's end: only a period that has ended (a return is never recorded ahead of the server's clock).
        foreach (var rows in at < to ? [ready.Where(o => o.ReturnedAt == null)] : new[] { ready.Where(o => o.ReturnedAt == null), ready.Where(o => o.ReturnedAt >= to) })
        {
            notCollected.AddRange((await rows.GroupBy(o => new { o.AgencyElectronicId, o.Department, o.ProcedureCode, o.Clerk })
                .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
                .Select(g => (g.Key.AgencyElectronicId, g.Key.Department, g.Key.ProcedureCode, g.Key.Clerk, g.Count)));
        }

        var groups = contributions.Select(c => new Counted(
            new GroupKey(c.Agency, c.AgencyName, c.Unit, c.Procedure, c.ProcedureName, c.Clerk),
            new IndicatorCounts
            {
                Received = c.Accepted, CarriedOver = c.Ended - c.Accepted, FinishedEarly = c.Early, FinishedOnTime = c.OnTime, FinishedLate = c.Late,
                PaperOnTime = c.Paper, Refused = c.Refused, Stopped = c.Stopped,
            },
            c.Listed,
            c.Differs)).ToList();
        // The names of a key are taken from the groups that have them; these corrections carry none.
        groups.AddRange(later.Select(l => new Counted(
            new GroupKey(l.Key.AgencyElectronicId, string.Empty, l.Key.Department, l.Key.ProcedureCode, string.Empty, l.Key.Clerk),
            new IndicatorCounts { Received = -l.Count, CarriedOver = l.Count }, 0, 0)));
        groups.AddRange(notCollected.Select(n => new Counted(
            new GroupKey(n.Agency, string.Empty, n.Unit, n.Procedure, string.Empty, n.Clerk), new IndicatorCounts { NotCollected = n.Count }, 0, 0)));
        return new Finished(groups, weeks);
    }

    /// <summary>
    /// What the dossiers finished by now contribute, by their final judgement: those that ended in [from, at) and
    /// those accepted in [from, to); whole office days from the daily rollup (<see cref="OutcomeDay"/>), the
    /// partial days at the edges from their rows by the same rule (<see cref="OutcomeRollup.ContributionsAsync"/>);
    /// with the finished results per week.
    /// </summary>
    private async Task<(List<OutcomeRollup.Contribution> Contributions, Dictionary<LocalDate, Week> Weeks)> RolledUpAsync(
        IReadOnlyList<Guid> agencies, Instant from, Instant at, Instant to, CancellationToken cancellationToken)
    {
        var ended = Days.Of(from, at);
        var accepted = Days.Of(from, to);
        var contributions = new List<OutcomeRollup.Contribution>();
        var weeks = new Dictionary<LocalDate, Week>();
        void AddWeek(LocalDate week, int finished, int paper, int truth)
        {
            var w = weeks.GetValueOrDefault(week);
            weeks[week] = new Week(w.Finished + finished, w.Paper + paper, w.True + truth);
        }

        // Whole days: the rollup.
        var (lo, hi) = (Min(ended.DaysFrom, accepted.DaysFrom), Max(ended.DaysTo, accepted.DaysTo));
        var (eA, eB, aA, aB) = (ended.DaysFrom, ended.DaysTo, accepted.DaysFrom, accepted.DaysTo);
        if (lo < hi)
        {
            var days = db.Set<OutcomeDay>().AsNoTracking().Where(d => agencies.Contains(d.AgencyId) && d.Day >= lo && d.Day < hi);
            var rolled = await days
                .GroupBy(d => new { d.AgencyElectronicId, d.AgencyName, d.Unit, d.ProcedureCode, d.ProcedureName, d.Clerk })
                .Select(g => new
                {
                    g.Key,
                    Accepted = g.Sum(d => d.Day >= aA && d.Day < aB ? d.Accepted : 0),
                    Ended = g.Sum(d => d.Day >= eA && d.Day < eB ? d.Ended : 0),
                    Early = g.Sum(d => d.Day >= eA && d.Day < eB ? d.Early : 0),
                    OnTime = g.Sum(d => d.Day >= eA && d.Day < eB ? d.OnTime : 0),
                    Late = g.Sum(d => d.Day >= eA && d.Day < eB ? d.Late : 0),
                    Paper = g.Sum(d => d.Day >= eA && d.Day < eB ? d.PaperOnTime : 0),
                    Refused = g.Sum(d => d.Day >= eA && d.Day < eB ? d.Refused : 0),
                    Stopped = g.Sum(d => d.Day >= eA && d.Day < eB ? d.Stopped : 0),
                    Listed = g.Sum(d => d.Day >= eA && d.Day < eB ? d.Listed : 0),
                    Differs = g.Sum(d => d.Day >= eA && d.Day < eB ? d.Differs : 0),
                }).ToListAsync(cancellationToken);
            contributions.AddRange(rolled.Select(r => new OutcomeRollup.Contribution(
                r.Key.AgencyElectronicId, r.Key.AgencyName, r.Key.Unit, r.Key.ProcedureCode, r.Key.ProcedureName, r.Key.Clerk,
                r.Accepted, r.Ended, r.Early, r.OnTime, r.Late, r.Paper, r.Refused, r.Stopped, r.Listed, r.Differs)));
            if (eA < eB)
            {
                var byDay = await days.Where(d => d.Day >= eA && d.Day < eB).GroupBy(d => d.Day).Select(g => new
                {
                    g.Key,
                    Finished = g.Sum(d => d.Early + d.OnTime + d.Late),
                    Paper = g.Sum(d => d.PaperOnTime),
                    True = g.Sum(d => d.Early + d.OnTime),
                }).ToListAsync(cancellationToken);
                foreach (var d in byDay)
                {
                    AddWeek(Monday(d.Key), d.Finished, d.Paper, d.True);
                }
            }
        }

        // The partial days at the edges: each lies within one office day, so within one week.
        var scope = db.Set<DossierOutcome>().AsNoTracking().Where(o => agencies.Contains(o.AgencyId));
        foreach (var (endedFrom, endedTo, acceptedFrom, acceptedTo) in new[]
        {
            (ended.LeftFrom, ended.LeftTo, from, from), (ended.RightFrom, ended.RightTo, from, from),
            (from, from, accepted.LeftFrom, accepted.LeftTo), (from, from, accepted.RightFrom, accepted.RightTo),
        })
        {
            var edge = await OutcomeRollup.ContributionsAsync(scope, endedFrom, endedTo, acceptedFrom, acceptedTo, cancellationToken);
            contributions.AddRange(edge);
            if (endedFrom < endedTo)
            {
                AddWeek(Monday(endedFrom), edge.Sum(c => c.Early + c.OnTime + c.Late), edge.Sum(c => c.Paper), edge.Sum(c => c.Early + c.OnTime));
            }
        }

        return (contributions, weeks);
    }

    private static LocalDate Monday(Instant dayStart)
    {
        var date = OfficeTime.ToLocal(dayStart).Date;
        return date.PlusDays(-((int)date.DayOfWeek - 1));
    }

    private static List<IndicatorGroup> Merge(List<IndicatorGroup> judged, List<AuditedDossier> replayed, Func<AuditedDossier, string> key, LatenessIndicators indicators, Period p)
    {
        var merged = judged.ToDictionary(g => g.Key, StringComparer.Ordinal);
        foreach (var g in replayed.GroupBy(key, StringComparer.Ordinal))
        {
            var counts = indicators.Count(g, p.From, p.To);
            merged[g.Key] = merged.TryGetValue(g.Key, out var found) ? found with { Counts = found.Counts.Plus(counts) } : new IndicatorGroup(g.Key, g.Key, counts);
        }

        return merged.Values.OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
    }

    private static string DepartmentName(string key, Dictionary<string, string> agencies)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? key : $"{key[(slash + 1)..]} – {agencies.GetValueOrDefault(key[..slash], key[..slash])}";
    }

    private static async Task<List<WeeklyPoint>> WeeklyAsync(IQueryable<DossierOutcome> rows, Period p, Dictionary<LocalDate, Week> finished, CancellationToken cancellationToken)
    {
        var (from, to) = (p.From, p.To);
        // The rows are the instant's tail (NotFinishedBefore: CountedUntil from the later of from and the instant), and a
        // result's row has CountedUntil = ResultAt (DossierOutcome: EndAt is the result, else the close): results in
        // [from, to) are those with a result and CountedUntil < to, on the tail's index range; a test of ResultAt's
        // range would make SQLite read (AgencyId, ResultAt) for the whole period instead.
        var counted = await rows.Where(o => o.ResultAt != null && o.CountedUntil < to).GroupBy(o => o.ResultWeek).Select(g => new
        {
            g.Key,
            Finished = g.Count(),
            Paper = g.Sum(o => o.PaperOnTime == true ? 1 : 0),
            True = g.Sum(o => o.Outcome == TrueOutcome.Early || o.Outcome == TrueOutcome.OnTime ? 1 : 0),
        }).ToListAsync(cancellationToken);
        var byWeek = counted.ToDictionary(c => c.Key ?? string.Empty, StringComparer.Ordinal);
        var weeks = new List<WeeklyPoint>();
        var first = NodaTime.Text.LocalDatePattern.Iso.Parse(DossierOutcome.WeekOf(from)).Value;
        var last = OfficeTime.ToLocal(to - Duration.Epsilon).Date;
        for (var week = first; week <= last; week = week.PlusWeeks(1))
        {
            var found = byWeek.GetValueOrDefault(NodaTime.Text.LocalDatePattern.Iso.Format(week));
            var rolled = finished.GetValueOrDefault(week);
            weeks.Add(new WeeklyPoint(week, (found?.Finished ?? 0) + rolled.Finished, (found?.Paper ?? 0) + rolled.Paper, (found?.True ?? 0) + rolled.True));
        }

        return weeks;
    }

    // The late list in SQL: late results and late refusals of the period by their outcome and end (one index range
    // each), and the rows open and overdue at the instant; the same predicates as LatenessIndicators.IsLate.
    private async Task<DossierPage> LateAsync(Period p, int page, List<AuditedDossier> replayed, int? counted, CancellationToken cancellationToken, ListFilter filter)
    {
        var (from, to, at) = (p.From, p.To, p.At);
        filter = await WithUnitNamesAsync(filter, cancellationToken);
        var rows = filter.Apply(Judged(p), at);
        var sql = rows.Where(o => o.Outcome == TrueOutcome.Late && o.CountedUntil < to && o.ResultAt >= from && o.ResultAt < to)
            // A refused dossier has no result (IsLate's first branch never holds for it): no test of ResultAt, whose
            // own index SQLite would take for "ResultAt IS NULL" (every open dossier) over the covering one.
            .Concat(rows.Where(o => o.Outcome == TrueOutcome.Refused && o.CountedUntil < to && o.ClosedAt >= from && o.ClosedAt < to && o.LateMinutes > 0))
            .Concat(rows.Where(o => o.CountedUntil == DossierOutcome.StillOpen && o.EndAt == null && o.Standing != null
                && (o.ClockStoppedAt != null ? o.ClockStoppedAt > o.StatutoryDueAt : at > o.StatutoryDueAt)));
        var extra = replayed.Where(d => LatenessIndicators.IsLate(d, from, to) && filter.Matches(d)).ToList();
        return await PageAsync(sql.OrderBy(o => o.StatutoryDueAt).ThenBy(o => o.Code), byDue: true, extra, page, at, counted, cancellationToken);
    }

    // The paper-differs list in SQL: results of the period judged late with paper on time, or early or on time with
    // paper late (by outcome and paper verdict, one index range each), and open rows overdue before their appointment;
    // the same predicates as LatenessIndicators.Differs.
    private async Task<DossierPage> PaperDiffersAsync(Period p, int page, List<AuditedDossier> replayed, int? counted, CancellationToken cancellationToken, ListFilter filter)
    {
        var (from, to, at) = (p.From, p.To, p.At);
        filter = await WithUnitNamesAsync(filter, cancellationToken);
        var rows = filter.Apply(Judged(p), at);
        // "PaperOnTime = @onPaper", an equality the (AgencyId, Outcome, PaperOnTime, …) index ranges on; the constant
        // true is written as the bare column, which it cannot.
        bool? onPaper = true;
        var sql = rows.Where(o => o.Outcome == TrueOutcome.Late && o.PaperOnTime == onPaper && o.CountedUntil < to && o.ResultAt >= from && o.ResultAt < to)
            .Concat(rows.Where(o => o.Outcome == TrueOutcome.Early && o.PaperOnTime == false && o.CountedUntil < to && o.ResultAt >= from && o.ResultAt < to))
            .Concat(rows.Where(o => o.Outcome == TrueOutcome.OnTime && o.PaperOnTime == false && o.CountedUntil < to && o.ResultAt >= from && o.ResultAt < to))
            .Concat(rows.Where(o => o.CountedUntil == DossierOutcome.StillOpen && o.EndAt == null && o.Standing != null && o.AppointmentAt >= to
                && (o.ClockStoppedAt != null ? o.ClockStoppedAt > o.StatutoryDueAt : at > o.StatutoryDueAt)));
        var extra = replayed.Where(d => LatenessIndicators.Differs(d, from, to) && filter.Matches(d)).ToList();
        return await PageAsync(sql.OrderBy(o => o.Code), byDue: false, extra, page, at, counted, cancellationToken);
    }

    // The filter's department resolved in the catalogue: a renamed unit's list holds the dossiers recorded under its
    // former names, as its count in byDepartment does. A filter the caller resolved (the summary) is not loaded again.
    private async Task<ListFilter> WithUnitNamesAsync(ListFilter filter, CancellationToken cancellationToken) =>
        filter.Department is null || filter.UnitNames is not null ? filter : filter.WithUnitNames(await UnitCatalogue.LoadAsync(db, null, cancellationToken));

    /// <summary>Merges the SQL rows and the replayed ones in one order, takes a page, and audits its dossiers at the instant (findings, late minutes now).</summary>
    private async Task<DossierPage> PageAsync(IOrderedQueryable<DossierOutcome> sql, bool byDue, List<AuditedDossier> extra, int page, Instant at, int? counted, CancellationToken cancellationToken)
    {
        var total = (counted ?? await sql.CountAsync(cancellationToken)) + extra.Count;
        var wanted = page * PageSize;
        // Only the columns of the order: the paper-differs index holds the code but not the due.
        var head = byDue
            ? await sql.Take(wanted).Select(o => new Key(o.DossierId, o.StatutoryDueAt, o.Code)).ToListAsync(cancellationToken)
            : (await sql.Take(wanted).Select(o => new { o.DossierId, o.Code }).ToListAsync(cancellationToken)).Select(h => new Key(h.DossierId, Instant.MinValue, h.Code)).ToList();
        var known = extra.ToDictionary(d => d.Audit.DossierId);
        var keys = head
            .Concat(extra.Select(d => new Key(d.Audit.DossierId, byDue ? d.Audit.StatutoryDueAt : Instant.MinValue, d.Code)))
            .OrderBy(k => k.Due).ThenBy(k => k.Code, StringComparer.Ordinal).Skip(wanted - PageSize).Take(PageSize).ToList();
        var audited = (await service.AuditAsync(keys.Where(k => !known.ContainsKey(k.Id)).Select(k => k.Id).ToList(), at, cancellationToken))
            .Concat(known.Values).ToDictionary(d => d.Audit.DossierId);
        return new DossierPage(total, page, PageSize, keys.Select(k => audited[k.Id]).ToList());
    }

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;

    /// <summary>[from, end) as a partial day before the first whole office day, the whole days, and a partial day after them (each possibly empty).</summary>
    private sealed record Days(Instant LeftFrom, Instant LeftTo, Instant DaysFrom, Instant DaysTo, Instant RightFrom, Instant RightTo)
    {
        public static Days Of(Instant from, Instant end)
        {
            if (end <= from)
            {
                return new Days(from, from, from, from, from, from);
            }

            var first = OutcomeRollup.DayAtOrAfter(from);
            var last = OutcomeRollup.DayOf(end);
            return first >= last
                ? new Days(from, end, first, first, end, end)
                : new Days(from, first, first, last, last, end);
        }
    }

    private readonly record struct Week(int Finished, int Paper, int True);

    private sealed record Finished(List<Counted> Groups, Dictionary<LocalDate, Week> Weeks);

    /// <summary>The subtree as its agencies' ids (resolved first, so that each is one index range), the period and the instant it is judged at.</summary>
    private sealed record Period(IReadOnlyList<Guid> Agencies, Instant From, Instant To, Instant At);

    private sealed record Key(Guid Id, Instant Due, string Code);

    private sealed record Names(Dictionary<string, string> Agencies, Dictionary<string, string> Procedures);

    /// <summary>The finest group: agency (and its name), department unit, procedure (and its name), clerk.</summary>
    private sealed record GroupKey(string Agency, string AgencyName, string Unit, string Procedure, string ProcedureName, string Clerk);

    private sealed record Counted(GroupKey Key, IndicatorCounts Counts, int Late, int Differs);
}
