namespace OneStop.Persistence;

/// <summary>The database behind OneStop (configuration <c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>The embedded default: a SQLite file, migrated at start.</summary>
    Sqlite,

    /// <summary>PostgreSQL (Npgsql): the server database the tests use for real.</summary>
    PostgreSql,

    /// <summary>SQL Server: production. Migrated with an explicit command or the script in database/sqlserver.</summary>
    SqlServer,
}
