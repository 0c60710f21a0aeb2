using System.Security.Cryptography;
using OneStop.Jobs.Ledger;
using OneStop.Persistence;

namespace OneStop.Api.Infrastructure;

/// <summary>
/// Chooses the database from configuration: <c>Database:Provider</c> (Sqlite, PostgreSql, SqlServer; default
/// Sqlite) and <c>ConnectionStrings:OneStop</c> (default: the file <c>App_Data/onestop.db</c> under the content
/// root). The personal-data key comes from <c>PersonalData:Key</c> (base64 of 32 bytes); the embedded default
/// creates <c>App_Data/personal-data.key</c> once when none is configured. The blind index of id numbers and phones
/// is keyed by <c>PersonalData:IndexKey</c> (base64 of 32 bytes) when configured, else by a key derived from the
/// personal-data key (<see cref="PersonalDataBlindIndex.DerivedFrom"/>): neither is ever in the database. The Data Protection key ring (cookies,
/// antiforgery, bearer tokens) is kept in the same database (<see cref="DataProtectionSetup"/>). The ledger's keys
/// (<see cref="LedgerKeys"/>) are never in the database's folder.
/// </summary>
public static class DatabaseSetup
{
    public static DatabaseProvider AddDatabase(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var provider = builder.Configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var appData = Path.Combine(builder.Environment.ContentRootPath, "App_Data");
        var connectionString = builder.Configuration.GetConnectionString("OneStop");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider != DatabaseProvider.Sqlite)
            {
                throw new InvalidOperationException($"ConnectionStrings:OneStop is required for Database:Provider={provider}.");
            }

            Directory.CreateDirectory(appData);
            connectionString = $"Data Source={Path.Combine(appData, "onestop.db")}";
        }

        var personalDataKey = PersonalDataKey(builder.Configuration, provider, appData);
        builder.Services.AddSingleton(new PersonalDataCipher(personalDataKey, IndexKey(builder.Configuration)));
        builder.Services.AddLedgerKeys(builder.Configuration, builder.Environment.ContentRootPath, embedded: provider == DatabaseProvider.Sqlite, DatabaseFolder(provider, connectionString));

        // The receipt's check value is keyed from the same secret: every instance of an installation shares it.
        builder.Services.AddSingleton(new OneStop.Api.PublicStatus.ReceiptCheck(personalDataKey));
        builder.Services.AddOneStopDatabase(provider, connectionString);
        builder.Services.AddSingleton<SqliteWriteGate>();
        builder.Services.AddSharedDataProtection(personalDataKey);
        return provider;
    }

    /// <summary>The SQLite file's folder (no ledger key may be kept there); null for a server database.</summary>
    private static string? DatabaseFolder(DatabaseProvider provider, string connectionString) =>
        provider == DatabaseProvider.Sqlite && new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource is { Length: > 0 } file && file != ":memory:"
            ? Path.GetDirectoryName(Path.GetFullPath(file))
            : null;

    /// <summary>
    /// <c>PersonalData:IndexKey</c>, or null to derive the index key. Changing it makes every stored entry unfindable
    /// until the index is rebuilt: set it once, before the first dossier, on every API instance and worker alike.
    /// </summary>
    public static byte[]? IndexKey(IConfiguration configuration) =>
        configuration["PersonalData:IndexKey"] is { Length: > 0 } configured ? Convert.FromBase64String(configured) : null;

    private static byte[] PersonalDataKey(IConfiguration configuration, DatabaseProvider provider, string appData)
    {
        if (configuration["PersonalData:Key"] is { Length: > 0 } configured)
        {
            return Convert.FromBase64String(configured);
        }

        if (provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException("PersonalData:Key (base64 of 32 random bytes) is required for a server database.");
        }

        Directory.CreateDirectory(appData);
        var keyFile = Path.Combine(appData, "personal-data.key");
        if (!File.Exists(keyFile))
        {
            File.WriteAllText(keyFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }

        return Convert.FromBase64String(File.ReadAllText(keyFile).Trim());
    }
}
