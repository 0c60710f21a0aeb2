using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime.Text;

namespace OneStop.Dossiers;

/// <summary>
/// The ledger's chain. An event's hash is HMAC-SHA256, under the key its <see cref="DossierEvent.KeyId"/> names, of
/// its canonical text (<see cref="Canonical"/>: dossier id, sequence, kind, actor, recorded and declared times, details,
/// previous hash and key id, one a line). The first event's previous hash is the dossier's id, so that events cannot
/// be moved between dossiers either.
/// </summary>
/// <remarks>
/// The first version chained plain SHA-256 over the same fields without the key id (<see cref="Unkeyed"/>): anyone who
/// could write the database could recompute it. Such events are re-chained once under a key
/// (<see cref="LedgerRechain"/>); after that an event without a known key never verifies.
/// </remarks>
public static class LedgerHash
{
    /// <summary>The text an event's hash is computed over.</summary>
    public static string Canonical(DossierEvent e) => Fields(e) + "\n" + (e.KeyId ?? string.Empty);

    /// <summary>The keyed hash an event must carry.</summary>
    public static string Of(DossierEvent e, LedgerKeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(keys);
        return keys.Mac(e.KeyId ?? string.Empty, Canonical(e));
    }

    /// <summary>
    /// The first version's hash: SHA-256 over the fields without the key id. Used for an event not yet sealed, and
    /// to check a legacy chain before it is re-chained.
    /// </summary>
    public static string Unkeyed(DossierEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Fields(e))));
    }

    // The event's fields one a line, as both versions of the recipe hash them (the keyed one adds the key id).
    private static string Fields(DossierEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return string.Join(
            '\n',
            e.DossierId.ToString("N"),
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.Kind.ToString(),
            e.Actor,
            InstantPattern.ExtendedIso.Format(e.RecordedAt),
            InstantPattern.ExtendedIso.Format(e.OccurredAt),
            e.Details,
            e.PreviousHash);
    }

    /// <summary>The previous hash of a dossier's first event.</summary>
    public static string Genesis(Guid dossierId) => dossierId.ToString("N");

    /// <summary>
    /// Checks a dossier's events in sequence order: sequences 1..n without gaps, each sealed with a key of the ring,
    /// each hash recomputes, each previous hash is the hash before. Returns the first broken sequence, or null.
    /// </summary>
    public static int? FirstBroken(Guid dossierId, IEnumerable<DossierEvent> events, LedgerKeyRing keys) =>
        FirstBrokenEvent(dossierId, events, keys)?.Sequence;

    /// <summary>
    /// Like <see cref="FirstBroken"/>, with the event found where the chain breaks: the edited event, or the one after
    /// a deleted event (its sequence or previous hash no longer matches); null event when the ledger just ends early.
    /// </summary>
    public static (int Sequence, DossierEvent? Event)? FirstBrokenEvent(Guid dossierId, IEnumerable<DossierEvent> events, LedgerKeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(keys);
        var expectedPrevious = Genesis(dossierId);
        var expectedSequence = 1;
        foreach (var e in events)
        {
            if (e.Sequence != expectedSequence || e.DossierId != dossierId || e.PreviousHash != expectedPrevious
                || !keys.Knows(e.KeyId) || e.Hash != Of(e, keys))
            {
                return (expectedSequence, e);
            }

            expectedPrevious = e.Hash;
            expectedSequence++;
        }

        return null;
    }

    /// <summary>
    /// Seals events appended in memory, in order, under the ring's current key: each gets the key id, the hash before
    /// it and its keyed hash. Returns the last hash (the dossier's new head).
    /// </summary>
    public static string Seal(IEnumerable<DossierEvent> events, string previousHash, LedgerKeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(keys);
        var previous = previousHash;
        foreach (var e in events)
        {
            e.Seal(keys.CurrentKeyId, previous, keys);
            previous = e.Hash;
        }

        return previous;
    }
}
