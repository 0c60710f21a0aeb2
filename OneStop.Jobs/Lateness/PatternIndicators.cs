using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using OneStop.Agencies;
using OneStop.Lateness;
using OneStop.Persistence;

namespace OneStop.Jobs.Lateness;

/// <summary>The patterns a figure counts; each names the dossiers behind it.</summary>
public enum PatternMeasure
{
    /// <summary>Events declared earlier than recorded.</summary>
    DeclaredEarlier,

    /// <summary>Declared earlier, believed, but using at least <see cref="ActorPattern.NearToleranceShare"/> of the tolerance.</summary>
    NearTolerance,

    /// <summary>Declared earlier beyond the tolerance.</summary>
    BeyondTolerance,

    /// <summary>Receipts re-issued with a later appointment.</summary>
    Reissued,

    /// <summary>Supplement requests after the window or the due.</summary>
    SupplementOutOfWindow,

    /// <summary>Results recorded in the last working hour before the due.</summary>
    ResultLastHour,
}

/// <summary>The summed patterns of one clerk or unit, with the rates a supervisor compares (fractions 0–1, null without a denominator).</summary>
public sealed record PatternCounts(
    int Dossiers, int Events, int DeclaredEarlier, int NearTolerance, int BeyondTolerance, long EarlierMinutes,
    int Reissues, int Supplements, int SupplementsOutOfWindow, int Results, int ResultsLastHour, int ToleranceMinutes)
{
    /// <summary>Events declared earlier than recorded, over all the events.</summary>
    public decimal? DeclaredEarlierShare => Share(DeclaredEarlier, Events);

    /// <summary>How much of the tolerance the declared-earlier events used on average (each capped at the tolerance).</summary>
    public decimal? ToleranceUsed => DeclaredEarlier == 0 || ToleranceMinutes == 0 ? null : Math.Round(EarlierMinutes / ((decimal)DeclaredEarlier * ToleranceMinutes), 4);

    /// <summary>Of the declared-earlier events, those near the tolerance or beyond it.</summary>
    public decimal? NearOrBeyondShare => Share(NearTolerance + BeyondTolerance, DeclaredEarlier);

    /// <summary>Re-issues with a later appointment per dossier the actor took part in.</summary>
    public decimal? ReissueRate => Share(Reissues, Dossiers);

    /// <summary>Supplement requests outside the window, over all the requests.</summary>
    public decimal? SupplementOutOfWindowRate => Share(SupplementsOutOfWindow, Supplements);

    /// <summary>Results recorded in the last working hour before the due, over all the results.</summary>
    public decimal? ResultLastHourShare => Share(ResultsLastHour, Results);

    public int Count(PatternMeasure measure) => measure switch
    {
        PatternMeasure.DeclaredEarlier => DeclaredEarlier,
        PatternMeasure.NearTolerance => NearTolerance,
        PatternMeasure.BeyondTolerance => BeyondTolerance,
        PatternMeasure.Reissued => Reissues,
        PatternMeasure.SupplementOutOfWindow => SupplementsOutOfWindow,
        _ => ResultsLastHour,
    };

    private static decimal? Share(int part, int whole) => whole == 0 ? null : Math.Round((decimal)part / whole, 4);
}

/// <summary>One clerk (key: user name) or unit (key: <c>&lt;agency electronic id&gt;/&lt;unit&gt;</c>, as <c>byDepartment</c>).</summary>
public sealed record PatternGroup(string Key, string Name, PatternCounts Counts);

/// <summary>The patterns of a subtree and period, per clerk and per unit.</summary>
public sealed record PatternSummary(int ToleranceMinutes, decimal NearToleranceShare, IReadOnlyList<PatternGroup> ByClerk, IReadOnlyList<PatternGroup> ByUnit);

/// <summary>One dossier behind a pattern figure: what the actor did in it, in that unit.</summary>
public sealed record PatternDossier(string Code, string AgencyElectronicId, string Actor, string Unit, PatternCounts Counts);

/// <summary>A page (from 1) of the dossiers behind a figure, with the total.</summary>
public sealed record PatternDossierPage(int Total, int Page, int PageSize, IReadOnlyList<PatternDossier> Items);

/// <summary>
/// Patterns per clerk and per unit (issue 15, "Patterns, not only dossiers") from the stored per-dossier, per-actor
/// rows (<see cref="DossierActorPattern"/>), written with each outcome and so as current as the dashboard's counts
/// (every read drains the refresh queue first). A period counts the dossiers it handles (accepted before its end, not
/// finished before its start: the outcome's index range), each with all its events as known now: those finished in
/// it by whole office days from the daily rollup (<see cref="PatternDay"/>) and by rows on its partial edge days, those
/// still open (or, for a past period, finished after it) by rows; all tallied by one rule, <see cref="PatternRollup.Tally"/>.
/// </summary>
public sealed class PatternIndicators(OneStopDbContext db, LatenessService service, IOptions<AuditSettings> settings)
{
    public const int PageSize = 50;

    public async Task<PatternSummary> SummariseAsync(string agencyPath, Instant from, Instant to, CancellationToken cancellationToken)
    {
        await service.DrainRefreshesAsync(cancellationToken);
        var agencies = await AgenciesAsync(agencyPath, cancellationToken);
        var ids = agencies.Keys.ToList();
        var tolerance = settings.Value.BackdatingToleranceMinutes;
        var rows = db.Set<DossierActorPattern>().AsNoTracking().Where(p => ids.Contains(p.AgencyId));

        // Finished in the period (a dossier never ends before it is accepted): whole office days from the rollup, the
        // partial days at the edges from their rows.
        var (first, last) = (OutcomeRollup.DayAtOrAfter(from), OutcomeRollup.DayOf(to));
        var tallies = new List<PatternTally>();
        var edges = new List<(Instant From, Instant To)>();
        if (first < last)
        {
            tallies.AddRange(await PatternRollup.SumAsync(db.Set<PatternDay>().AsNoTracking().Where(d => ids.Contains(d.AgencyId) && d.Day >= first && d.Day < last), cancellationToken));
            edges.AddRange([(from, first), (last, to)]);
        }
        else
        {
            edges.Add((from, to));
        }

        foreach (var (a, b) in edges.Where(e => e.From < e.To))
        {
            tallies.AddRange(await PatternRollup.TallyAsync(rows.Where(p => p.CountedUntil >= a && p.CountedUntil < b), cancellationToken));
        }

        // Handled in the period and not finished in it: still open, or (a past period) finished after its end.
        tallies.AddRange(await PatternRollup.TallyAsync(rows.Where(p => p.CountedUntil >= to && p.AcceptedAt < to), cancellationToken));

        var names = agencies.Values.ToDictionary(a => a.ElectronicId, a => a.Name, StringComparer.Ordinal);
        // Units by the agency's catalogue, as the department chart counts them: former names count as the unit they name.
        // A dossier the unit handled under two of its names counts once under each in the unit's dossiers.
        var units = await UnitCatalogue.LoadAsync(db, ids, cancellationToken);
        return new PatternSummary(
            tolerance, ActorPattern.NearToleranceShare,
            tallies.GroupBy(t => t.Actor, StringComparer.Ordinal).Select(g => (g.Key, Sum: g.Aggregate((x, y) => x.Plus(y))))
                .Select(g => new PatternGroup(g.Key, g.Key, g.Sum.Counts(g.Sum.ActorDossiers, tolerance))).OrderBy(g => g.Key, StringComparer.Ordinal).ToList(),
            tallies.GroupBy(t => (t.Agency, Unit: units.Canonical(t.Agency, t.Unit))).Select(g => (Key: g.Key.Agency + "/" + g.Key.Unit, g.Key.Agency, g.Key.Unit, Sum: g.Aggregate((x, y) => x.Plus(y))))
                .Select(g => new PatternGroup(g.Key, $"{g.Unit} – {names.GetValueOrDefault(g.Agency, g.Agency)}", g.Sum.Counts(g.Sum.UnitDossiers, tolerance)))
                .OrderBy(g => g.Key, StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// The dossiers behind one figure: those where the clerk (or anyone in the unit) has at least one of
    /// <paramref name="measure"/>, by code; one line per dossier, actor and unit.
    /// </summary>
    public async Task<PatternDossierPage> DossiersAsync(
        string agencyPath, Instant from, Instant to, string? clerk, string? unit, PatternMeasure measure, int page, CancellationToken cancellationToken)
    {
        await service.DrainRefreshesAsync(cancellationToken);
        var agencies = await AgenciesAsync(agencyPath, cancellationToken);
        var rows = InPeriod(agencies.Keys.ToList(), from, to);
        if (clerk is not null)
        {
            rows = rows.Where(p => p.Actor == clerk);
        }

        if (unit is not null)
        {
            var (agency, name) = ListFilter.SplitUnitKey(unit);
            var recorded = (await UnitCatalogue.LoadAsync(db, agencies.Keys.ToList(), cancellationToken)).Names(agency, name);
            rows = rows.Where(p => p.AgencyElectronicId == agency && recorded.Contains(p.Unit));
        }

        rows = measure switch
        {
            PatternMeasure.DeclaredEarlier => rows.Where(p => p.DeclaredEarlier > 0),
            PatternMeasure.NearTolerance => rows.Where(p => p.NearTolerance > 0),
            PatternMeasure.BeyondTolerance => rows.Where(p => p.BeyondTolerance > 0),
            PatternMeasure.Reissued => rows.Where(p => p.Reissues > 0),
            PatternMeasure.SupplementOutOfWindow => rows.Where(p => p.SupplementsOutOfWindow > 0),
            _ => rows.Where(p => p.ResultsLastHour > 0),
        };
        var tolerance = settings.Value.BackdatingToleranceMinutes;
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.OrderBy(p => p.Code).ThenBy(p => p.Actor).ThenBy(p => p.Unit).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new PatternDossierPage(total, page, PageSize, items.Select(p => new PatternDossier(p.Code, p.AgencyElectronicId, p.Actor, p.Unit, new PatternCounts(
            1, p.Events, p.DeclaredEarlier, p.NearTolerance, p.BeyondTolerance, p.EarlierMinutes, p.Reissues, p.Supplements, p.SupplementsOutOfWindow,
            p.Results, p.ResultsLastHour, tolerance))).ToList());
    }

    private async Task<Dictionary<Guid, (string ElectronicId, string Name)>> AgenciesAsync(string agencyPath, CancellationToken cancellationToken) =>
        (await db.Agencies.AsNoTracking().Where(a => a.Path.StartsWith(agencyPath)).Select(a => new { a.Id, a.ElectronicId, a.Name }).ToListAsync(cancellationToken))
            .ToDictionary(a => a.Id, a => (a.ElectronicId, a.Name));

    // The period's dossiers, as OutcomeIndicators counts them: per agency one range of the (AgencyId, CountedUntil, AcceptedAt) index.
    private IQueryable<DossierActorPattern> InPeriod(List<Guid> agencies, Instant from, Instant to) =>
        db.Set<DossierActorPattern>().AsNoTracking().Where(p => agencies.Contains(p.AgencyId) && p.CountedUntil >= from && p.AcceptedAt < to);
}
