using Microsoft.EntityFrameworkCore;
using OneStop.Persistence;

namespace OneStop.Api.Search;

/// <summary>
/// At start, gives the dossiers saved before the search index existed (their name column is null) their folded names
/// and blind-index entries, in batches; a no-op once every row has them. This is the one place rows are decrypted for
/// the index: the search itself never decrypts.
/// </summary>
public sealed class DossierSearchBackfill(OneStopDbContext db, PersonalDataCipher cipher, ILogger<DossierSearchBackfill> logger)
{
    private const int Batch = 500;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var done = 0;
        // Keyset by id: each batch reads on from the last one (no index on the name column; without the key every batch
        // scanned the rows already indexed again, quadratic over a large table).
        Guid? last = null;
        while (true)
        {
            var pending = db.Dossiers.Where(d => EF.Property<string?>(d, DossierSearchIndex.NameProperty) == null);
            if (last is { } after)
            {
                pending = pending.Where(d => d.Id > after);
            }

            var dossiers = await pending.OrderBy(d => d.Id).Take(Batch).ToListAsync(cancellationToken);
            if (dossiers.Count == 0)
            {
                break;
            }

            var ids = dossiers.Select(d => d.Id).ToList();
            last = ids[^1];
            db.DossierBlindIndex.RemoveRange(await db.DossierBlindIndex.Where(e => ids.Contains(e.DossierId)).ToListAsync(cancellationToken));
            foreach (var dossier in dossiers)
            {
                DossierSearchIndex.Write(db, dossier, cipher.BlindIndex);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            done += dossiers.Count;
        }

        if (done > 0)
        {
            logger.LogInformation("Indexed {Count} dossier(s) saved before the search index for search.", done);
        }

        return done;
    }
}
