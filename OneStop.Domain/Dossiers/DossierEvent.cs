using NodaTime;

namespace OneStop.Dossiers;

/// <summary>
/// One entry of a dossier's append-only ledger. <see cref="RecordedAt"/> is the server's time;
/// <see cref="OccurredAt"/> what the actor declares (earlier for paper that arrives late, never later).
/// Each event carries the keyed hash of the one before (<see cref="LedgerHash"/>), so that an edit of the database breaks the chain.
/// </summary>
public sealed class DossierEvent
{
    private DossierEvent()
    {
    }

    internal DossierEvent(Guid dossierId, int sequence, DossierEventKind kind, string actor, Instant recordedAt, Instant occurredAt, string details, string previousHash)
    {
        DossierId = dossierId;
        Sequence = sequence;
        Kind = kind;
        Actor = actor;
        RecordedAt = recordedAt;
        OccurredAt = occurredAt;
        Details = details;
        PreviousHash = previousHash;
        Hash = LedgerHash.Unkeyed(this);
    }

    public long Id { get; private set; }

    public Guid DossierId { get; private set; }

    /// <summary>1, 2, ... per dossier, without gaps.</summary>
    public int Sequence { get; private set; }

    public DossierEventKind Kind { get; private set; }

    /// <summary>The user name, or "system" for the worker.</summary>
    public string Actor { get; private set; } = string.Empty;

    public Instant RecordedAt { get; private set; }

    public Instant OccurredAt { get; private set; }

    /// <summary>Canonical JSON: keys sorted, values strings.</summary>
    public string Details { get; private set; } = "{}";

    public string PreviousHash { get; private set; } = string.Empty;

    public string Hash { get; private set; } = string.Empty;

    /// <summary>The ledger key the hash is computed with (<see cref="LedgerKeyRing"/>); null only on a legacy, unkeyed event.</summary>
    public string? KeyId { get; private set; }

    /// <summary>Seals the event under a key, after the given previous hash (<see cref="LedgerHash.Seal"/>).</summary>
    internal void Seal(string keyId, string previousHash, LedgerKeyRing keys)
    {
        KeyId = keyId;
        PreviousHash = previousHash;
        Hash = LedgerHash.Of(this, keys);
    }
}
