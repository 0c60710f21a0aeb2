using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace OneStop.Tests.Persistence;

/// <summary>
/// A throwaway PostgreSQL cluster for the tests of the <c>postgres</c> collection: <c>initdb</c> into a temp
/// folder, started with <c>pg_ctl</c> on a free port of 127.0.0.1, stopped and deleted at the end.
/// </summary>
/// <remarks>
/// PostgreSQL refuses to run as root: as uid 0 the binaries run as the <c>postgres</c> user through
/// <c>runuser</c>, with the folder handed to that user. Without the binaries the tests are skipped
/// (<see cref="PostgresFactAttribute"/>), except when <c>CI=true</c>: there the fixture fails the run.
/// </remarks>
public sealed class PostgresCluster : IAsyncLifetime
{
    private const string SystemUser = "postgres";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly Lazy<string?> BinDirectory = new(FindBinDirectory);

    private string? _root;
    private int _port;

    /// <summary>Whether tests must fail rather than skip when the server is missing.</summary>
    public static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the PostgreSQL tests are skipped here, or null when they run.</summary>
    public static string? SkipReason =>
        BinDirectory.Value is null && !IsCi
            ? "PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH or in /usr/lib/postgresql/*/bin; "
              + "install the postgresql package to run these tests (with CI=true they fail instead)."
            : null;

    private string DataDirectory => Path.Combine(Root, "data");

    private string Root => _root ?? throw new InvalidOperationException(
        "The PostgreSQL cluster is not running: " + (BinDirectory.Value is null ? "initdb/pg_ctl were not found." : "it failed to start."));

    /// <summary>The connection string of <paramref name="database"/> on this cluster (user postgres, trust auth).</summary>
    public string ConnectionString(string database)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        _ = Root;
        return new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = _port,
            Username = SystemUser,
            Database = database,
            Pooling = false,
            Timeout = 30,
        }.ConnectionString;
    }

    /// <summary>Creates a new, empty, uniquely named database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "onestop_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async Task InitializeAsync()
    {
        var bin = BinDirectory.Value;
        if (bin is null)
        {
            if (IsCi)
            {
                throw new InvalidOperationException(
                    "CI=true but the PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH or in /usr/lib/postgresql/*/bin.");
            }

            return;
        }

        var root = Path.Combine("/tmp", "onestop-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            if (RunsAsRoot())
            {
                // Only the postgres user may own the data folder; root can still delete it at the end.
                await RunAsync("chown", [SystemUser + ":", root], root, asServerUser: false);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            var data = Path.Combine(root, "data");
            if (!await TryInitDbAsync(bin, root, data, "C.UTF-8"))
            {
                // C.UTF-8 is not installed everywhere; plain C is.
                await RunAsync("rm", ["-rf", data], root, asServerUser: false);
                await InitDbAsync(bin, root, data, "C");
            }

            _port = FreePort();
            var options = string.Join(
                ' ',
                "-p " + _port.ToString(CultureInfo.InvariantCulture),
                "-k " + root,
                "-c listen_addresses=127.0.0.1",
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off");
            await RunAsync(
                Path.Combine(bin, "pg_ctl"),
                ["-D", data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "-o", options, "start"],
                root,
                asServerUser: true);
            _root = root;
            await WaitUntilReadyAsync();
        }
        catch
        {
            await StopAsync(bin, root);
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_root is { } root && BinDirectory.Value is { } bin)
        {
            _root = null;
            await StopAsync(bin, root);
        }
    }

    private static async Task StopAsync(string bin, string root)
    {
        var data = Path.Combine(root, "data");
        if (File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], root, asServerUser: true, throwOnFailure: false);
        }

        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<bool> TryInitDbAsync(string bin, string root, string data, string locale) =>
        await RunAsync(Path.Combine(bin, "initdb"), InitDbArguments(data, locale), root, asServerUser: true, throwOnFailure: false) == 0;

    private static Task<int> InitDbAsync(string bin, string root, string data, string locale) =>
        RunAsync(Path.Combine(bin, "initdb"), InitDbArguments(data, locale), root, asServerUser: true);

    private static string[] InitDbArguments(string data, string locale) =>
        ["-D", data, "-U", SystemUser, "--auth=trust", "-E", "UTF8", "--locale=" + locale, "--no-sync"];

    private async Task WaitUntilReadyAsync()
    {
        var started = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException) when (started.Elapsed < StartTimeout)
            {
                await Task.Delay(200);
            }
        }
    }

    /// <summary>Runs a program, as the postgres user when the tests run as root; returns its exit code.</summary>
    private static async Task<int> RunAsync(string program, IReadOnlyList<string> arguments, string workingDirectory, bool asServerUser, bool throwOnFailure = true)
    {
        var start = new ProcessStartInfo
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asServerUser && RunsAsRoot())
        {
            start.FileName = "runuser";
            foreach (var argument in (string[])["-u", SystemUser, "--", program])
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = program;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        // pg_ctl start leaves the server holding its own log file, not these pipes, so reading to the end returns.
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 && throwOnFailure)
        {
            var message = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"{start.FileName} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}.")
                .AppendLine().Append(await output).AppendLine().Append(await error);
            var log = Path.Combine(workingDirectory, "server.log");
            if (File.Exists(log))
            {
                message.AppendLine().Append(await File.ReadAllTextAsync(log));
            }

            throw new InvalidOperationException(message.ToString());
        }

        return process.ExitCode;
    }

    private static bool RunsAsRoot()
    {
        // /proc/self/status has "Uid:\treal\teffective\t...".
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
            if (line is not null)
            {
                var fields = line.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
                return fields.Length > 2 && fields[2] == "0";
            }
        }

        return string.Equals(Environment.UserName, "root", StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The folder holding initdb, pg_ctl and postgres: PATH first (symlinks resolved), then the newest /usr/lib/postgresql/*/bin.</summary>
    private static string? FindBinDirectory()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var initdb = Path.Combine(directory, "initdb");
            if (!IsFile(initdb) || !IsFile(Path.Combine(directory, "pg_ctl")))
            {
                continue;
            }

            // Wrappers such as /usr/local/bin/initdb link into the real bin folder, where postgres itself lives.
            var target = File.ResolveLinkTarget(initdb, returnFinalTarget: true)?.FullName ?? initdb;
            var real = Path.GetDirectoryName(target)!;
            if (HasServerBinaries(real))
            {
                return real;
            }

            if (HasServerBinaries(directory))
            {
                return directory;
            }
        }

        const string installs = "/usr/lib/postgresql";
        if (!Directory.Exists(installs))
        {
            return null;
        }

        return Directory.GetDirectories(installs)
            .Select(d => (Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1, Bin: Path.Combine(d, "bin")))
            .Where(d => HasServerBinaries(d.Bin))
            .OrderByDescending(d => d.Version)
            .Select(d => d.Bin)
            .FirstOrDefault();
    }

    private static bool HasServerBinaries(string directory) =>
        IsFile(Path.Combine(directory, "initdb")) && IsFile(Path.Combine(directory, "pg_ctl")) && IsFile(Path.Combine(directory, "postgres"));

    /// <summary>Whether <paramref name="path"/> is a file, or a link that leads to one (a dangling link is not).</summary>
    private static bool IsFile(string path) =>
        File.Exists(path) && (File.ResolveLinkTarget(path, returnFinalTarget: true) is not { } target || target.Exists);
}
