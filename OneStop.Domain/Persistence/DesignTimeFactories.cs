using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OneStop.Persistence;

// Used by `dotnet ef` only (database/regenerate.sh): the connection strings are placeholders and the cipher key
// does not shape the schema.

/// <summary>Design-time SQLite context.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteOneStopDbContext>
{
    public SqliteOneStopDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteOneStopDbContext>().UseSqlite("Data Source=design.db").Options, DesignTime.Cipher, DesignTime.LedgerKeys);
}

/// <summary>Design-time PostgreSQL context.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresOneStopDbContext>
{
    public PostgresOneStopDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresOneStopDbContext>().UseNpgsql("Host=localhost;Database=onestop").Options, DesignTime.Cipher, DesignTime.LedgerKeys);
}

/// <summary>Design-time SQL Server context.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerOneStopDbContext>
{
    public SqlServerOneStopDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerOneStopDbContext>().UseSqlServer("Server=localhost;Database=OneStop;Trusted_Connection=True").Options, DesignTime.Cipher, DesignTime.LedgerKeys);
}

internal static class DesignTime
{
    public static readonly PersonalDataCipher Cipher = new(new byte[32]);

    public static readonly OneStop.Dossiers.LedgerKeyRing LedgerKeys = new([new("design", new byte[32])], "design");
}
