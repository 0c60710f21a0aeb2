namespace OneStop.Tests.Persistence;

/// <summary>The tests that share one <see cref="PostgresCluster"/>; they run one class at a time.</summary>
[CollectionDefinition("postgres")]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>;
