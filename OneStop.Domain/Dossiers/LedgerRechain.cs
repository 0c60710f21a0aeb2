namespace OneStop.Dossiers;

/// <summary>
/// The one-time migration of a ledger chained by the first version (plain SHA-256, <see cref="LedgerHash.Unkeyed"/>)
/// to the keyed chain: when the legacy chain still verifies, every event is sealed again under the current key in
/// its order, and a <see cref="DossierEventKind.LedgerRechained"/> event records the legacy head and the key. A legacy
/// chain that does not verify is left as it is: it will never verify under a key, so the audit reports it.
/// </summary>
public static class LedgerRechain
{
    /// <summary>Whether the events (in sequence order) include one not sealed under a key.</summary>
    public static bool IsLegacy(IReadOnlyList<DossierEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events.Any(e => e.KeyId is null);
    }

    /// <summary>Re-chains a dossier's legacy ledger (tracked events, in sequence order). Returns false when it does not verify.</summary>
    public static bool Rechain(Dossier dossier, IReadOnlyList<DossierEvent> events, LedgerKeyRing keys, DossierAction action)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(keys);
        if (!LegacyChainHolds(dossier, events))
        {
            return false;
        }

        var legacyHead = dossier.LastEventHash;
        dossier.SetHead(LedgerHash.Seal(events, LedgerHash.Genesis(dossier.Id), keys));
        dossier.Record(DossierEventKind.LedgerRechained, action, EventDetails.Of(
            ("legacyHead", legacyHead),
            ("events", events.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("keyId", keys.CurrentKeyId)));
        return true;
    }

    private static bool LegacyChainHolds(Dossier dossier, IReadOnlyList<DossierEvent> events)
    {
        var previous = LedgerHash.Genesis(dossier.Id);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.KeyId is not null || e.Sequence != i + 1 || e.PreviousHash != previous || e.Hash != LedgerHash.Unkeyed(e))
            {
                return false;
            }

            previous = e.Hash;
        }

        return events.Count == dossier.EventCount && previous == dossier.LastEventHash;
    }
}
