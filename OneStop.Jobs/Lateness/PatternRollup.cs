using Microsoft.EntityFrameworkCore;
using NodaTime;
using OneStop.Jobs.Persistence;
using OneStop.Lateness;
using OneStop.Persistence;

namespace OneStop.Jobs.Lateness;

/// <summary>
/// Says, once, what stored per-actor rows (<see cref="DossierActorPattern"/>) contribute to the patterns per clerk and
/// per unit (<see cref="Tally"/>), and keeps their daily rollup (<see cref="PatternDay"/>) by that rule: the rollup's
/// days and the rows a period reads directly (its partial edge days, its dossiers still open) are counted alike.
/// </summary>
public static class PatternRollup
{
    /// <summary>
    /// THE rule: the rows summed per (agency, actor, unit); each dossier is counted once per actor (on its first unit
    /// by ordinal name) and once per unit (on its first actor), so that the sums per actor and per unit count distinct
    /// dossiers (<see cref="PatternDay.ActorDossiers"/>). A dossier's rows must be tallied together.
    /// </summary>
    public static List<PatternTally> Tally(IEnumerable<PatternRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var ordered = rows.OrderBy(r => r.Unit, StringComparer.Ordinal).ThenBy(r => r.Actor, StringComparer.Ordinal).ToList();
        var actorSeen = new HashSet<(Guid, string)>();
        var unitSeen = new HashSet<(Guid, string)>();
        var sums = new Dictionary<(string Agency, string Actor, string Unit), PatternTally>();
        foreach (var r in ordered)
        {
            // Ordered by unit, then actor: the first row of a (dossier, actor) is its first unit, of a (dossier, unit) its first actor.
            var tally = new PatternTally(
                r.Agency, r.Actor, r.Unit, actorSeen.Add((r.DossierId, r.Actor)) ? 1 : 0, unitSeen.Add((r.DossierId, r.Unit)) ? 1 : 0,
                r.Events, r.DeclaredEarlier, r.NearTolerance, r.BeyondTolerance, r.EarlierMinutes, r.Reissues, r.Supplements, r.SupplementsOutOfWindow,
                r.Results, r.ResultsLastHour);
            var key = (r.Agency, r.Actor, r.Unit);
            sums[key] = sums.TryGetValue(key, out var sum) ? sum.Plus(tally) : tally;
        }

        return sums.Values.ToList();
    }

    /// <summary>The tallies of the given per-actor rows (a dossier's rows are all selected or none: select by its outcome's keys).</summary>
    public static async Task<List<PatternTally>> TallyAsync(IQueryable<DossierActorPattern> rows, CancellationToken cancellationToken) =>
        Tally(await rows.Select(p => new PatternRow(
            p.DossierId, p.AgencyElectronicId, p.Actor, p.Unit, p.Events, p.DeclaredEarlier, p.NearTolerance, p.BeyondTolerance, p.EarlierMinutes,
            p.Reissues, p.Supplements, p.SupplementsOutOfWindow, p.Results, p.ResultsLastHour)).ToListAsync(cancellationToken));

    /// <summary>The stored days' tallies, summed per (agency, actor, unit) in SQL.</summary>
    public static Task<List<PatternTally>> SumAsync(IQueryable<PatternDay> days, CancellationToken cancellationToken) =>
        days.GroupBy(d => new { d.AgencyElectronicId, d.Actor, d.Unit }).Select(g => new PatternTally(
            g.Key.AgencyElectronicId, g.Key.Actor, g.Key.Unit, g.Sum(d => d.ActorDossiers), g.Sum(d => d.UnitDossiers), g.Sum(d => d.Events),
            g.Sum(d => d.DeclaredEarlier), g.Sum(d => d.NearTolerance), g.Sum(d => d.BeyondTolerance), g.Sum(d => d.EarlierMinutes), g.Sum(d => d.Reissues),
            g.Sum(d => d.Supplements), g.Sum(d => d.SupplementsOutOfWindow), g.Sum(d => d.Results), g.Sum(d => d.ResultsLastHour))).ToListAsync(cancellationToken);

    /// <summary>
    /// Recomputes the pattern days of one agency from its per-actor rows that ended on them, in the caller's
    /// transaction and under its lock (<see cref="OutcomeRollup.RecomputeAsync"/>).
    /// </summary>
    internal static async Task RecomputeAsync(OneStopDbContext db, Guid agencyId, IReadOnlyList<Instant> days, CancellationToken cancellationToken)
    {
        foreach (var chunk in days.Chunk(500))
        {
            var list = chunk.ToList();
            await db.Set<PatternDay>().Where(d => d.AgencyId == agencyId && list.Contains(d.Day)).ExecuteDeleteAsync(cancellationToken);
        }

        var added = new List<PatternDay>();
        foreach (var day in days)
        {
            var next = OutcomeRollup.NextDay(day);
            var rows = db.Set<DossierActorPattern>().AsNoTracking().Where(p => p.AgencyId == agencyId && p.CountedUntil >= day && p.CountedUntil < next);
            added.AddRange((await TallyAsync(rows, cancellationToken)).Select(t => t.ToDay(agencyId, day)));
        }

        await DerivedRows.InsertAsync(db, added, cancellationToken);
    }
}

/// <summary>One stored per-actor row, as the rule reads it.</summary>
public sealed record PatternRow(
    Guid DossierId, string Agency, string Actor, string Unit, int Events, int DeclaredEarlier, int NearTolerance, int BeyondTolerance, long EarlierMinutes,
    int Reissues, int Supplements, int SupplementsOutOfWindow, int Results, int ResultsLastHour);

/// <summary>What the rows of one (agency, actor, unit) add up to; <see cref="ActorDossiers"/> and <see cref="UnitDossiers"/> as <see cref="PatternDay"/>'s.</summary>
public sealed record PatternTally(
    string Agency, string Actor, string Unit, int ActorDossiers, int UnitDossiers, int Events, int DeclaredEarlier, int NearTolerance, int BeyondTolerance,
    long EarlierMinutes, int Reissues, int Supplements, int SupplementsOutOfWindow, int Results, int ResultsLastHour)
{
    public PatternTally Plus(PatternTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return this with
        {
            ActorDossiers = ActorDossiers + other.ActorDossiers, UnitDossiers = UnitDossiers + other.UnitDossiers, Events = Events + other.Events,
            DeclaredEarlier = DeclaredEarlier + other.DeclaredEarlier, NearTolerance = NearTolerance + other.NearTolerance,
            BeyondTolerance = BeyondTolerance + other.BeyondTolerance, EarlierMinutes = EarlierMinutes + other.EarlierMinutes, Reissues = Reissues + other.Reissues,
            Supplements = Supplements + other.Supplements, SupplementsOutOfWindow = SupplementsOutOfWindow + other.SupplementsOutOfWindow,
            Results = Results + other.Results, ResultsLastHour = ResultsLastHour + other.ResultsLastHour,
        };
    }

    /// <summary>The counts of a clerk (<paramref name="dossiers"/> = the summed <see cref="ActorDossiers"/>) or a unit (<see cref="UnitDossiers"/>).</summary>
    public PatternCounts Counts(int dossiers, int toleranceMinutes) => new(
        dossiers, Events, DeclaredEarlier, NearTolerance, BeyondTolerance, EarlierMinutes, Reissues, Supplements, SupplementsOutOfWindow, Results, ResultsLastHour, toleranceMinutes);

    public PatternDay ToDay(Guid agencyId, Instant day) => new(agencyId, day, Agency, Actor, Unit)
    {
        ActorDossiers = ActorDossiers, UnitDossiers = UnitDossiers, Events = Events, DeclaredEarlier = DeclaredEarlier, NearTolerance = NearTolerance,
        BeyondTolerance = BeyondTolerance, EarlierMinutes = EarlierMinutes, Reissues = Reissues, Supplements = Supplements,
        SupplementsOutOfWindow = SupplementsOutOfWindow, Results = Results, ResultsLastHour = ResultsLastHour,
    };
}
