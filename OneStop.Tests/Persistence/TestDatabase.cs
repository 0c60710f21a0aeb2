using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OneStop.Persistence;

namespace OneStop.Tests.Persistence;

/// <summary>
/// A fresh, empty database for one test (a SQLite file in the temp folder, or a new database on the
/// <see cref="PostgresCluster"/>), and contexts on it that share one personal-data key.
/// </summary>
internal sealed class TestDatabase : IDisposable
{
    /// <summary>A fixed test key: 32 bytes 1..32.</summary>
    public static readonly PersonalDataCipher Cipher = new([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);

    private readonly Func<OneStopDbContext> _create;
    private readonly string? _file;

    private TestDatabase(Func<OneStopDbContext> create, string? file)
    {
        _create = create;
        _file = file;
    }

    /// <summary>An empty SQLite file; deleted on dispose.</summary>
    public static TestDatabase Sqlite()
    {
        var file = Path.Combine(Path.GetTempPath(), "onestop-test-" + Guid.NewGuid().ToString("N") + ".db");
        // No pooling, so that no open handle outlives the test and the file can be deleted.
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
        return new TestDatabase(
            () => new SqliteOneStopDbContext(new DbContextOptionsBuilder<SqliteOneStopDbContext>().UseSqlite(connectionString).Options, Cipher, TestLedgerKeys.Ring),
            file);
    }

    /// <summary>A new empty database on the cluster; it goes away with the cluster.</summary>
    public static async Task<TestDatabase> PostgresAsync(PostgresCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var connectionString = await cluster.CreateDatabaseAsync();
        return new TestDatabase(
            () => new PostgresOneStopDbContext(new DbContextOptionsBuilder<PostgresOneStopDbContext>().UseNpgsql(connectionString).Options, Cipher, TestLedgerKeys.Ring),
            null);
    }

    /// <summary>A new context: each one has its own change tracker, as two requests would.</summary>
    public OneStopDbContext NewContext() => _create();

    /// <summary>Applies the provider's migrations.</summary>
    public async Task<TestDatabase> MigrateAsync()
    {
        await using var context = NewContext();
        await context.Database.MigrateAsync();
        return this;
    }

    public void Dispose()
    {
        if (_file is not null && File.Exists(_file))
        {
            File.Delete(_file);
        }
    }
}
