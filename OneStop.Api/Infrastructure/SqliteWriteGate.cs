using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OneStop.Persistence;

namespace OneStop.Api.Infrastructure;

/// <summary>
/// SQLite has one writer at a time. A write transaction that finds the file locked gets SQLITE_BUSY, and
/// Microsoft.Data.Sqlite then blocks its thread for 150 ms before trying again (until the command timeout): with
/// thirty clerks registering at once, most of a registration's time went to those sleeps, and the blocked threads
/// starved the rest of the server. The registrations of this process therefore take their turn here, waiting
/// without a thread, and find the file free. Other writers (another process on the same file, the jobs) still
/// meet the busy handling, which keeps them correct; the gate only orders this process's registrations. A
/// no-op on a server database, where transactions run in parallel.
/// </summary>
public sealed class SqliteWriteGate
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>Waits for this process's turn to write on SQLite (at once on a server database); dispose to give it back.</summary>
    public async ValueTask<IDisposable?> EnterAsync(OneStopDbContext db, CancellationToken cancellationToken)
    {
        if (db is not SqliteOneStopDbContext)
        {
            return null;
        }

        await _turn.WaitAsync(cancellationToken);
        return new Turn(_turn);
    }

    /// <summary>
    /// Puts a SQLite file in write-ahead-log mode (kept in the file): readers no longer block the writer nor the
    /// writer them, and a commit appends to the log with one sync instead of rewriting pages through a rollback
    /// journal. Durability is unchanged (synchronous stays FULL: a commit is on disk when it answers). An
    /// in-memory database stays as it is.
    /// </summary>
    public static async Task UseWriteAheadLogAsync(OneStopDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db is SqliteOneStopDbContext && db.Database.GetDbConnection() is SqliteConnection connection
            && new SqliteConnectionStringBuilder(connection.ConnectionString) is { DataSource: { Length: > 0 } file, Mode: not SqliteOpenMode.Memory }
            && file != ":memory:")
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }
    }

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                turn.Release();
            }
        }
    }
}
