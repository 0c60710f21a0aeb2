using OneStop.Tests.Persistence;

namespace OneStop.Tests.Api;

/// <summary>The API host on a fresh database of the test PostgreSQL cluster, migrated at start.</summary>
public sealed class PostgresApiFactory(PostgresCluster cluster) : OneStopApiFactory
{
    private readonly Lazy<string> _connectionString = new(() => Task.Run(cluster.CreateDatabaseAsync).GetAwaiter().GetResult());

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "PostgreSql",
        ["Database:MigrateAtStart"] = "true",
        ["ConnectionStrings:OneStop"] = _connectionString.Value,
    };
}
