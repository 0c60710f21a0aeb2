using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using OneStop.Dossiers;

namespace OneStop.Jobs.Ledger;

/// <summary>
/// Loads the ledger's key ring (<see cref="LedgerOptions"/>) and the checkpoint store, and registers them. The keys
/// never sit in the database or its folder: a key file inside the database's folder is refused at start, because
/// a copy of that folder would carry both.
/// </summary>
public static class LedgerKeys
{
    /// <summary>
    /// Registers <see cref="LedgerKeyRing"/> and <see cref="CheckpointStore"/> (relative paths under <paramref name="contentRoot"/>).
    /// In the embedded default (<paramref name="embedded"/>) a key file is created when none is configured; none may be
    /// in <paramref name="databaseFolder"/>, the SQLite file's folder.
    /// </summary>
    public static IServiceCollection AddLedgerKeys(this IServiceCollection services, IConfiguration configuration, string contentRoot, bool embedded, string? databaseFolder)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(LedgerOptions.Section).Get<LedgerOptions>() ?? new LedgerOptions();
        services.AddSingleton(Load(options, contentRoot, embedded, databaseFolder));
        services.AddSingleton(new CheckpointStore(Path.GetFullPath(options.CheckpointFolder, contentRoot)));
        return services;
    }

    /// <summary>The ring from configuration or the key file.</summary>
    /// <exception cref="InvalidOperationException">No keys for a server database, a key file in the database folder, or a bad key file.</exception>
    public static LedgerKeyRing Load(LedgerOptions options, string contentRoot, bool embedded, string? databaseFolder)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Keys.Count > 0)
        {
            return Parse(string.Join('\n', options.Keys), "Ledger:Keys");
        }

        if (options.KeyFile is null && !embedded)
        {
            throw new InvalidOperationException("Ledger:KeyFile or Ledger:Keys is required for a server database: the ledger's keys are kept outside the database.");
        }

        var file = KeyFilePath(options, contentRoot);
        if (databaseFolder is not null && IsInside(file, Path.GetFullPath(databaseFolder)))
        {
            throw new InvalidOperationException($"The ledger key file {file} is inside the database folder {databaseFolder}: keep it elsewhere.");
        }

        if (!File.Exists(file))
        {
            if (!embedded)
            {
                throw new InvalidOperationException($"The ledger key file {file} does not exist.");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
#pragma warning disable RS0030 // The key's id is dated by the machine's clock before any IClock exists; only the id.
            File.WriteAllText(file, "# OneStop ledger keys: '<id> <base64>' a line, the last one signs new events. Keep a copy.\n" + LedgerKeyRing.NewKeyLine(SystemClock.Instance.GetCurrentInstant()) + "\n");
#pragma warning restore RS0030
        }

        return Parse(File.ReadAllText(file), file);
    }

    /// <summary>The key file in use: <see cref="LedgerOptions.KeyFile"/>, or the embedded default's <c>App_Keys/ledger.keys</c>.</summary>
    public static string KeyFilePath(LedgerOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Path.GetFullPath(options.KeyFile ?? Path.Combine("App_Keys", "ledger.keys"), contentRoot);
    }

    /// <summary>Adds a new current key to a key file (rotation); events sealed earlier keep verifying with their key.</summary>
    public static string Rotate(string file, Instant now)
    {
        var line = LedgerKeyRing.NewKeyLine(now);
        File.AppendAllText(file, line + "\n");
        return line.Split(' ')[0];
    }

    private static LedgerKeyRing Parse(string text, string source)
    {
        try
        {
            return LedgerKeyRing.Parse(text);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new InvalidOperationException($"{source}: {e.Message}", e);
        }
    }

    private static bool IsInside(string file, string folder)
    {
        var relative = Path.GetRelativePath(folder, file);
        return !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }
}
