using NodaTime;
using OneStop.Dossiers;

namespace OneStop.Lateness;

/// <summary>One ledger event cited as evidence: its sequence, kind, actor, and recorded and declared times.</summary>
public sealed record LedgerEvidence(int Sequence, DossierEventKind Kind, string Actor, Instant RecordedAt, Instant OccurredAt)
{
    public static LedgerEvidence From(DossierEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new LedgerEvidence(e.Sequence, e.Kind, e.Actor, e.RecordedAt, e.OccurredAt);
    }
}
