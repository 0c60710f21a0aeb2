namespace OneStop.Dossiers;

/// <summary>
/// Verifies one dossier's ledger three ways: the keyed chain (<see cref="LedgerHash"/>), the row against the replay
/// of its events (<see cref="DossierProjection"/>), and the chain's head against the latest signed checkpoint
/// (<see cref="LedgerCheckpoint"/>), so that a rewrite older than the checkpoint is caught even by someone who holds
/// the key. The <c>verify</c> endpoint and the audit's <c>LedgerTampered</c> both use it: one rule in one place.
/// </summary>
public static class LedgerVerification
{
    /// <summary>Checks the events (sequence order) against the keys, the row (when given) and the checkpoint's head (when given).</summary>
    public static LedgerCheck Verify(Guid dossierId, IReadOnlyList<DossierEvent> events, DossierRow? row, CheckpointHead? checkpoint, LedgerKeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(keys);
        var broken = LedgerHash.FirstBrokenEvent(dossierId, events, keys);
        var differences = row?.DifferencesFrom(DossierProjection.Replay(events)) ?? [];
        CheckpointMismatch? mismatch = null;
        if (checkpoint is { Count: > 0 } head)
        {
            var anchored = events.FirstOrDefault(e => e.Sequence == head.Count);
            if (anchored is null || anchored.Hash != head.Hash)
            {
                mismatch = new CheckpointMismatch(head, anchored);
            }
        }

        return new LedgerCheck(broken?.Sequence, broken?.Event, differences, mismatch);
    }
}

/// <summary>What <see cref="LedgerVerification"/> found; <see cref="Valid"/> when nothing.</summary>
/// <param name="BrokenAt">The first sequence where the chain breaks.</param>
/// <param name="BrokenEvent">The event found there: the edited one, or the one after a deleted event.</param>
/// <param name="RowDifferences">Columns of the row the events do not support.</param>
/// <param name="Checkpoint">The checkpoint's head that the ledger no longer reaches.</param>
public sealed record LedgerCheck(int? BrokenAt, DossierEvent? BrokenEvent, IReadOnlyList<RowDifference> RowDifferences, CheckpointMismatch? Checkpoint)
{
    public bool Valid => BrokenAt is null && RowDifferences.Count == 0 && Checkpoint is null;
}

/// <summary>The checkpoint anchored <see cref="Head"/>; the ledger's event at that sequence is <see cref="Found"/> (null: gone).</summary>
public sealed record CheckpointMismatch(CheckpointHead Head, DossierEvent? Found);
