using OneStop.Jobs.Lateness;

namespace OneStop.Tests.Api.Lateness;

/// <summary>The pattern rollup's rule: sums per (agency, actor, unit) whose dossier counts add up per actor and per unit without counting a dossier twice.</summary>
public sealed class PatternRollupTests
{
    private static readonly Guid First = Guid.NewGuid();
    private static readonly Guid Second = Guid.NewGuid();

    [Fact]
    public void Tally_ActorInTwoUnitsAndUnitWithTwoActors_CountsEachDossierOncePerActorAndPerUnit()
    {
        // Dossier 1: "an" in units A and B, "binh" in A. Dossier 2: "an" in B.
        var tallies = PatternRollup.Tally([Row(First, "an", "B", events: 2), Row(First, "binh", "A", events: 1), Row(First, "an", "A", events: 3), Row(Second, "an", "B", events: 4)]);

        Assert.Equal(3, tallies.Count);
        Assert.Equal(2, tallies.Where(t => t.Actor == "an").Sum(t => t.ActorDossiers));
        Assert.Equal(1, tallies.Where(t => t.Actor == "binh").Sum(t => t.ActorDossiers));
        Assert.Equal(1, tallies.Where(t => t.Unit == "A").Sum(t => t.UnitDossiers));
        Assert.Equal(2, tallies.Where(t => t.Unit == "B").Sum(t => t.UnitDossiers));
        Assert.Equal(9, tallies.Where(t => t.Actor == "an").Sum(t => t.Events));
        var anInB = tallies.Single(t => t.Actor == "an" && t.Unit == "B");
        Assert.Equal(6, anInB.Events);
        // The first unit of "an" in dossier 1 is A (ordinal): B carries only dossier 2 for the actor.
        Assert.Equal(1, anInB.ActorDossiers);
    }

    [Fact]
    public void Tally_SplitBetweenTwoCalls_AddsUpAsOneWhenEachDossierIsWhole()
    {
        PatternRow[] rows = [Row(First, "an", "A", events: 1), Row(First, "an", "B", events: 1), Row(Second, "an", "A", events: 5)];

        var whole = PatternRollup.Tally(rows).Select(t => t with { Unit = "*" }).Aggregate((x, y) => x.Plus(y));
        var split = PatternRollup.Tally(rows[..2]).Concat(PatternRollup.Tally(rows[2..])).Select(t => t with { Unit = "*" }).Aggregate((x, y) => x.Plus(y));

        Assert.Equal(whole, split);
        Assert.Equal(2, split.ActorDossiers);
        Assert.Equal(7, split.Events);
    }

    private static PatternRow Row(Guid dossier, string actor, string unit, int events) =>
        new(dossier, "H01", actor, unit, events, DeclaredEarlier: 0, NearTolerance: 0, BeyondTolerance: 0, EarlierMinutes: 0, Reissues: 0, Supplements: 0,
            SupplementsOutOfWindow: 0, Results: 0, ResultsLastHour: 0);
}
