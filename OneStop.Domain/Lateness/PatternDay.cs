using NodaTime;

namespace OneStop.Lateness;

/// <summary>
/// The stored daily rollup of the patterns (<see cref="DossierActorPattern"/>) of FINISHED dossiers, per agency, office
/// day the dossier ended on, actor and unit, so that the patterns of a period add up days instead of reading every
/// per-actor row of the period (issue 15). Derived data, as <see cref="OutcomeDay"/>: the rows of an (agency, day) are
/// recomputed from the stored per-actor rows whenever one of the day's outcomes is written, never incremented.
/// </summary>
/// <remarks>
/// <para>"Dossiers" does not add up over finer groups: a dossier an actor handled in two units is one dossier of the
/// actor. So each row carries <see cref="ActorDossiers"/>, the dossiers in which this unit is the actor's first (by
/// ordinal name), and <see cref="UnitDossiers"/>, the dossiers in which this actor is the unit's first: summed per
/// actor, resp. per unit, they count each dossier once. A dossier ends on one day, so days add up.</para>
/// <para>The rule that says what per-actor rows contribute is written once, in <c>PatternRollup.Tally</c>.</para>
/// </remarks>
public sealed class PatternDay
{
    private PatternDay()
    {
    }

    public PatternDay(Guid agencyId, Instant day, string agencyElectronicId, string actor, string unit)
    {
        AgencyId = agencyId;
        Day = day;
        AgencyElectronicId = agencyElectronicId;
        Actor = actor;
        Unit = unit;
    }

    public long Id { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>The start of the office day the dossiers ended on (00:00 Asia/Ho_Chi_Minh).</summary>
    public Instant Day { get; private set; }

    public string AgencyElectronicId { get; private set; } = string.Empty;

    public string Actor { get; private set; } = string.Empty;

    public string Unit { get; private set; } = string.Empty;

    /// <summary>Dossiers of the day in which <see cref="Unit"/> is the actor's first unit.</summary>
    public int ActorDossiers { get; set; }

    /// <summary>Dossiers of the day in which <see cref="Actor"/> is the unit's first actor.</summary>
    public int UnitDossiers { get; set; }

    public int Events { get; set; }

    public int DeclaredEarlier { get; set; }

    public int NearTolerance { get; set; }

    public int BeyondTolerance { get; set; }

    public long EarlierMinutes { get; set; }

    public int Reissues { get; set; }

    public int Supplements { get; set; }

    public int SupplementsOutOfWindow { get; set; }

    public int Results { get; set; }

    public int ResultsLastHour { get; set; }
}
