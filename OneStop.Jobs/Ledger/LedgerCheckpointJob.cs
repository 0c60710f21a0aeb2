using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using OneStop.Dossiers;
using OneStop.Jobs.Sla;
using OneStop.Persistence;

namespace OneStop.Jobs.Ledger;

/// <summary>
/// Anchors the heads of every chain outside the database: re-chains legacy ledgers first (<see cref="LedgerMigration"/>),
/// then writes a signed, dated checkpoint (<see cref="LedgerCheckpoint"/>) of each dossier's verified head to the
/// <see cref="CheckpointStore"/>. A head unchanged since the previous checkpoint is carried over; a changed one is
/// anchored only once its chain verifies from the previous head on, so a tampered chain is never blessed (the
/// previous head stays, and <c>verify</c> keeps failing). Safe to run twice: the second run writes the same heads.
/// </summary>
public sealed class LedgerCheckpointJob(IServiceScopeFactory scopes, IClock clock, LedgerKeyRing keys, CheckpointStore store, ILogger<LedgerCheckpointJob> logger)
{
    private const int Batch = 500;

    /// <summary>Writes a checkpoint; returns its file name.</summary>
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LedgerMigration>().RunAsync(cancellationToken);
        }

        var previousFile = store.Latest();
        var previous = store.LatestValid(keys);
        var carried = previous?.Heads.ToDictionary(h => h.DossierId) ?? [];
        var heads = new List<CheckpointHead>();
        var after = Guid.Empty;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var cursor = after;
            var rows = await db.Dossiers.AsNoTracking().Where(d => d.Id.CompareTo(cursor) > 0).OrderBy(d => d.Id).Take(Batch)
                .Select(d => new { d.Id, d.Code, d.EventCount, d.LastEventHash }).ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                break;
            }

            after = rows[^1].Id;
            var changed = rows.Where(r => !carried.TryGetValue(r.Id, out var h) || h.Count != r.EventCount || h.Hash != r.LastEventHash).Select(r => r.Id).ToList();
            var events = (await db.DossierEvents.AsNoTracking().Where(e => changed.Contains(e.DossierId)).ToListAsync(cancellationToken))
                .GroupBy(e => e.DossierId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Sequence).ToList());
            foreach (var row in rows)
            {
                carried.TryGetValue(row.Id, out var before);
                if (!changed.Contains(row.Id))
                {
                    heads.Add(before!);
                    continue;
                }

                var chain = events.GetValueOrDefault(row.Id) ?? [];
                var reachesBefore = before is null || chain.FirstOrDefault(e => e.Sequence == before.Count)?.Hash == before.Hash;
                if (chain.Count > 0 && reachesBefore && LedgerHash.FirstBroken(row.Id, chain, keys) is null)
                {
                    heads.Add(new CheckpointHead(row.Id, row.Code, chain[^1].Sequence, chain[^1].Hash));
                }
                else
                {
                    logger.LogError("The ledger of dossier {Code} does not verify; its head is not anchored again", row.Code);
                    if (before is not null)
                    {
                        heads.Add(before);
                    }
                }
            }
        }

        var checkpoint = LedgerCheckpoint.Create(clock.GetCurrentInstant(), heads, previousFile is { } file ? LedgerCheckpoint.FileHash(file.Content) : null, keys);
        var name = store.Write(checkpoint);
        logger.LogInformation("Ledger checkpoint {Name}: {Count} heads", name, heads.Count);
        return name;
    }
}

/// <summary>
/// Re-chains, once, every dossier whose ledger was written by the first (unkeyed) version (<see cref="LedgerRechain"/>),
/// each with a <see cref="DossierEventKind.LedgerRechained"/> event. A legacy chain that no longer verifies is left
/// alone and logged: it never verifies under a key, so the audit reports it.
/// </summary>
public sealed class LedgerMigration(OneStopDbContext db, IClock clock, LedgerKeyRing keys, ILogger<LedgerMigration> logger)
{
    /// <summary>Returns how many dossiers were re-chained.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var legacy = await db.DossierEvents.AsNoTracking().Where(e => e.KeyId == null).Select(e => e.DossierId).Distinct().ToListAsync(cancellationToken);
        var rechained = 0;
        foreach (var id in legacy)
        {
            db.ChangeTracker.Clear();
            var dossier = await db.Dossiers.SingleAsync(d => d.Id == id, cancellationToken);
            var events = await db.DossierEvents.Where(e => e.DossierId == id).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
            if (LedgerRechain.Rechain(dossier, events, keys, DossierAction.Now(SlaCheckJob.Actor, clock.GetCurrentInstant())))
            {
                await db.SaveChangesAsync(cancellationToken);
                rechained++;
            }
            else
            {
                logger.LogError("The legacy ledger of dossier {Code} does not verify: it is not re-chained", dossier.Code);
            }
        }

        return rechained;
    }
}
