using Microsoft.EntityFrameworkCore;
using NodaTime;
using OneStop.Dossiers;
using OneStop.Persistence;

namespace OneStop.Agencies;

/// <summary>
/// Turns the free-text units of earlier versions into catalogue entries, at every start (idempotent: a second run
/// changes nothing). Per agency, the distinct spellings found in dossier rows, users and the ledger's hand-over
/// and supplement records are grouped by <see cref="UnitName.Key"/>; a group the catalogue does not know yet
/// becomes an entry named by its most frequent spelling (normalised), and every agency gets the desk's entry.
/// Users' units are then set to the catalogue's name; a dossier's row is set to it when only the spelling differs
/// (the row is compared with its ledger by key: <see cref="DossierRow.DifferencesFrom"/>). Events are never
/// rewritten: the catalogue maps their spellings when read (<see cref="UnitCatalogue.Find"/>).
/// </summary>
public static class UnitCatalogueMigration
{
    public static async Task<int> RunAsync(OneStopDbContext db, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            return await RunOnceAsync(db, now, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance starting at the same time added the same entries: its catalogue is ours.
            db.ChangeTracker.Clear();
            return await RunOnceAsync(db, now, cancellationToken);
        }
    }

    private static async Task<int> RunOnceAsync(OneStopDbContext db, Instant now, CancellationToken cancellationToken)
    {
        var spellings = new List<(Guid Agency, string Spelling, int Count)>();
        spellings.AddRange((await db.Dossiers.AsNoTracking().GroupBy(d => new { d.AgencyId, d.CurrentUnit })
            .Select(g => new { g.Key.AgencyId, g.Key.CurrentUnit, Count = g.Count() }).ToListAsync(cancellationToken))
            .Select(x => (x.AgencyId, x.CurrentUnit, x.Count)));
        spellings.AddRange((await db.Users.AsNoTracking().Where(u => u.Unit != null).GroupBy(u => new { u.AgencyId, u.Unit })
            .Select(g => new { g.Key.AgencyId, g.Key.Unit, Count = g.Count() }).ToListAsync(cancellationToken))
            .Select(x => (x.AgencyId, x.Unit!, x.Count)));
        spellings.AddRange((await (from h in db.Handovers.AsNoTracking() join d in db.Dossiers on h.DossierId equals d.Id
                                   group h by new { d.AgencyId, h.ToUnit } into g select new { g.Key.AgencyId, g.Key.ToUnit, Count = g.Count() })
            .ToListAsync(cancellationToken)).Select(x => (x.AgencyId, x.ToUnit, x.Count)));
        spellings.AddRange((await (from h in db.Handovers.AsNoTracking() join d in db.Dossiers on h.DossierId equals d.Id
                                   group h by new { d.AgencyId, h.FromUnit } into g select new { g.Key.AgencyId, g.Key.FromUnit, Count = g.Count() })
            .ToListAsync(cancellationToken)).Select(x => (x.AgencyId, x.FromUnit, x.Count)));
        spellings.AddRange((await (from r in db.SupplementRequests.AsNoTracking() join d in db.Dossiers on r.DossierId equals d.Id
                                   group r by new { d.AgencyId, r.Unit } into g select new { g.Key.AgencyId, g.Key.Unit, Count = g.Count() })
            .ToListAsync(cancellationToken)).Select(x => (x.AgencyId, x.Unit, x.Count)));

        var agencies = await db.Agencies.AsNoTracking().Select(a => a.Id).ToListAsync(cancellationToken);
        var existing = await db.AgencyUnits.ToListAsync(cancellationToken);
        var catalogue = new UnitCatalogue(existing);
        var added = new List<AgencyUnit>();
        foreach (var agency in agencies)
        {
            var found = spellings.Where(s => s.Agency == agency && UnitName.Key(s.Spelling).Length > 0)
                .Append((Agency: agency, Spelling: Dossier.DeskUnit, Count: int.MaxValue))
                .GroupBy(s => UnitName.Key(s.Spelling), StringComparer.Ordinal);
            foreach (var group in found)
            {
                if (catalogue.Find(agency, group.Key) is not null || added.Any(u => u.AgencyId == agency && u.Key == group.Key))
                {
                    continue;
                }

                // The spelling most rows use; on a tie one that starts with a capital, then the first in ordinal order.
                var name = group.GroupBy(s => UnitName.Normalise(s.Spelling), StringComparer.Ordinal)
                    .Select(g => (Name: g.Key, Count: g.Sum(s => (long)s.Count)))
                    .OrderByDescending(g => g.Count).ThenBy(g => char.IsUpper(g.Name[0]) ? 0 : 1).ThenBy(g => g.Name, StringComparer.Ordinal)
                    .First().Name;
                added.Add(new AgencyUnit(Guid.CreateVersion7(now.ToDateTimeOffset()), agency, name, now));
            }
        }

        if (added.Count > 0)
        {
            db.AgencyUnits.AddRange(added);
            await db.SaveChangesAsync(cancellationToken);
            catalogue = new UnitCatalogue(existing.Concat(added));
        }

        var changed = added.Count;
        foreach (var (agency, spelling) in spellings.Select(s => (s.Agency, s.Spelling)).Distinct())
        {
            if (catalogue.Find(agency, spelling) is not { } unit || unit.Name == spelling)
            {
                continue;
            }

            changed += await db.Users.Where(u => u.AgencyId == agency && u.Unit == spelling)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.Unit, unit.Name), cancellationToken);
            if (unit.Key == UnitName.Key(spelling))
            {
                changed += await db.Dossiers.Where(d => d.AgencyId == agency && d.CurrentUnit == spelling)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.CurrentUnit, unit.Name), cancellationToken);
            }
        }

        return changed;
    }
}
