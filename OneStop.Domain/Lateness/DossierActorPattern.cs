using NodaTime;

namespace OneStop.Lateness;

/// <summary>
/// One dossier's <see cref="ActorPattern"/> for one actor in one unit, stored beside the dossier's outcome
/// (<see cref="DossierOutcome"/>) and replaced with it whenever the outcome is refreshed, so that the patterns per
/// clerk and per unit are SQL aggregates over an index, never a replay. It carries the outcome's period keys
/// (<see cref="AcceptedAt"/>, <see cref="CountedUntil"/>): a period counts the patterns of the dossiers it handles,
/// as the dashboard counts the dossiers themselves.
/// </summary>
public sealed class DossierActorPattern
{
    private DossierActorPattern()
    {
    }

    public long Id { get; private set; }

    public Guid DossierId { get; private set; }

    public Guid AgencyId { get; private set; }

    public string AgencyElectronicId { get; private set; } = string.Empty;

    public string Code { get; private set; } = string.Empty;

    /// <summary>The user name of the actor (the ledger's <c>Actor</c>).</summary>
    public string Actor { get; private set; } = string.Empty;

    /// <summary>The unit holding the dossier when the actor acted.</summary>
    public string Unit { get; private set; } = string.Empty;

    public Instant AcceptedAt { get; private set; }

    /// <summary>The outcome's <see cref="DossierOutcome.CountedUntil"/>.</summary>
    public Instant CountedUntil { get; private set; }

    public int Events { get; private set; }

    public int DeclaredEarlier { get; private set; }

    public int NearTolerance { get; private set; }

    public int BeyondTolerance { get; private set; }

    public long EarlierMinutes { get; private set; }

    public int Reissues { get; private set; }

    public int Supplements { get; private set; }

    public int SupplementsOutOfWindow { get; private set; }

    public int Results { get; private set; }

    public int ResultsLastHour { get; private set; }

    /// <summary>The rows of one audited dossier, keyed as its stored outcome (the one place they are made).</summary>
    public static IEnumerable<DossierActorPattern> Of(DossierOutcome outcome, AuditResult audit)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(audit);
        return audit.Patterns.Select(p => new DossierActorPattern
        {
            DossierId = outcome.DossierId, AgencyId = outcome.AgencyId, AgencyElectronicId = outcome.AgencyElectronicId, Code = outcome.Code,
            Actor = p.Actor.Length > 256 ? p.Actor[..256] : p.Actor, Unit = p.Unit.Length > 200 ? p.Unit[..200] : p.Unit,
            AcceptedAt = outcome.AcceptedAt, CountedUntil = outcome.CountedUntil,
            Events = p.Events, DeclaredEarlier = p.DeclaredEarlier, NearTolerance = p.NearTolerance, BeyondTolerance = p.BeyondTolerance,
            EarlierMinutes = p.EarlierMinutes, Reissues = p.Reissues, Supplements = p.Supplements, SupplementsOutOfWindow = p.SupplementsOutOfWindow,
            Results = p.Results, ResultsLastHour = p.ResultsLastHour,
        });
    }
}
