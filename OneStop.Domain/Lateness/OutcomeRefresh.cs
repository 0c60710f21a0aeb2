using NodaTime;

namespace OneStop.Lateness;

/// <summary>
/// A dossier whose stored outcome (<see cref="DossierOutcome"/>) must be recomputed: queued by the context in the same
/// transaction as the dossier's new events, drained by the worker within seconds and by every dashboard read before it
/// counts, so that the counts never lag the ledger.
/// </summary>
public sealed class OutcomeRefresh
{
    private OutcomeRefresh()
    {
    }

    public OutcomeRefresh(Guid dossierId, Instant queuedAt)
    {
        DossierId = dossierId;
        QueuedAt = queuedAt;
    }

    public long Id { get; private set; }

    public Guid DossierId { get; private set; }

    public Instant QueuedAt { get; private set; }
}
