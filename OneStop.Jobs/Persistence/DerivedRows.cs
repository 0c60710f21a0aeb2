using Microsoft.EntityFrameworkCore;
using OneStop.Persistence;

namespace OneStop.Jobs.Persistence;

/// <summary>
/// Writes derived rows (stored outcomes, findings, patterns, daily rollups), recomputed by the thousand a night from the
/// ledgers, in the context's current transaction: set-based (<see cref="BulkRows"/>) where the provider has it, since
/// EF's per-entity pipeline cost more than the database did; else (SQL Server) tracked and saved, which also saves
/// whatever else the caller has pending, as any save would. Either way none of the rows stays tracked.
/// </summary>
internal static class DerivedRows
{
    /// <summary>Inserts new rows.</summary>
    public static async Task InsertAsync<T>(OneStopDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (BulkRows.Serves(db))
        {
            await new BulkRows(db).InsertAsync(rows, skipDuplicates: false, cancellationToken);
            return;
        }

        db.Set<T>().AddRange(rows);
        await SaveAndForgetAsync(db, rows, cancellationToken);
    }

    /// <summary>Writes every column of untracked rows that exist (keyed by their primary key).</summary>
    public static async Task UpdateAsync<T>(OneStopDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (BulkRows.Serves(db))
        {
            await new BulkRows(db).UpdateAsync(rows, cancellationToken);
            return;
        }

        db.Set<T>().UpdateRange(rows);
        await SaveAndForgetAsync(db, rows, cancellationToken);
    }

    private static async Task SaveAndForgetAsync<T>(OneStopDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        await db.SaveChangesAsync(cancellationToken);
        foreach (var row in rows)
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }
}
