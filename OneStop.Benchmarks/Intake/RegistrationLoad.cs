using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using OneStop.Api.Demo;
using OneStop.Benchmarks.Hosting;
using OneStop.Persistence;

namespace OneStop.Benchmarks.Intake;

/// <summary>
/// <c>registrations [--postgres CONNECTION] [--seconds S] [--clients 1,8,32] [--api DLL] [--databases sqlite,postgres] [--first-warmup 15]</c>: starts the API (the
/// Release build of OneStop.Api, or the given OneStop.Api.dll, e.g. an earlier version's; its own process, demo data) on a fresh SQLite file and, when given, a fresh database of
/// the PostgreSQL server, and a plain one-row EF insert endpoint (<see cref="PlainInsertServer"/>, its own process)
/// on the same database. For each number of concurrent clients (all the demo clerk of one agency, so every
/// registration draws from the same two counters) it runs registrations, then plain inserts, for S seconds each
/// after a warm-up, and prints requests/s, p50/p99 latency, failures, the server process's CPU time per request and
/// the ratio of the two rates. The machine's
/// load average is printed before and after each database.
/// </summary>
internal static class RegistrationLoad
{
    public const string Command = "registrations";

    private static readonly byte[] RegistrationBody = JsonSerializer.SerializeToUtf8Bytes(new
    {
        procedureCode = "1.000894.H99",
        applicant = new { fullName = "Nguyễn Thị Hồng Nhung", idNumber = "001190012345", phone = "0912345678", address = "Phường Đống Đa, Hà Nội" },
        documents = new[] { new { name = "Tờ khai đăng ký kết hôn", originals = 1, copies = 0 } },
        channel = "Counter",
    });

    public static async Task RunAsync(string[] args)
    {
        var postgres = Option(args, "--postgres");
        var seconds = int.Parse(Option(args, "--seconds") ?? "10", CultureInfo.InvariantCulture);
        ApiDll = Option(args, "--api");
        FirstWarmupSeconds = int.Parse(Option(args, "--first-warmup") ?? "15", CultureInfo.InvariantCulture);
        var clients = (Option(args, "--clients") ?? "1,8,32").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
        Console.WriteLine($"Registrations beside a plain one-row EF insert; {seconds} s per measure after a {Warmup.TotalSeconds:F0} s warm-up ({FirstWarmupSeconds} s for each server first); {Environment.ProcessorCount} cores.");
        Console.WriteLine("| database | clients | registrations/s | p50 / p99 | failed | server CPU each | plain insert/s | p50 / p99 | failed | server CPU each | ratio |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        var databases = (Option(args, "--databases") ?? "sqlite,postgres").Split(',');
        if (databases.Contains("sqlite", StringComparer.OrdinalIgnoreCase))
        {
            await RunDatabaseAsync(DatabaseProvider.Sqlite, null, clients, seconds);
        }

        if (postgres is not null && databases.Contains("postgres", StringComparer.OrdinalIgnoreCase))
        {
            await RunDatabaseAsync(DatabaseProvider.PostgreSql, postgres, clients, seconds);
        }
    }

    // The first unmeasured round for each server (--first-warmup S): longer on a loaded machine, where the JIT takes
    // longer to finish tiering up the API's hot code.
    private static int FirstWarmupSeconds { get; set; } = 15;

    private static TimeSpan Warmup => TimeSpan.FromSeconds(3);

    private static string? ApiDll { get; set; }

    private static async Task RunDatabaseAsync(DatabaseProvider provider, string? server, int[] clientCounts, int seconds)
    {
        var folder = Path.Combine(Path.GetTempPath(), "onestop-intake-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = "onestop_bench_" + Guid.NewGuid().ToString("N")[..12];
        string connectionString;
        if (server is null)
        {
            connectionString = $"Data Source={Path.Combine(folder, "onestop.db")}";
        }
        else
        {
            await using (var admin = new NpgsqlConnection(server))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
                await create.ExecuteNonQueryAsync();
            }

            connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        }

        Console.Error.WriteLine($"{provider}: load average before {LoadAverage()}");
        var apiUrl = $"http://127.0.0.1:{ServerProcess.FreePort()}";
        var plainUrl = $"http://127.0.0.1:{ServerProcess.FreePort()}";
        using var api = StartApi(provider, connectionString, apiUrl, folder);
        using var plain = StartSelf([PlainInsertServer.Command, provider.ToString(), connectionString, plainUrl]);
        try
        {
            await ServerProcess.WaitUntilUpAsync(apiUrl + "/dang-nhap", api, 1200);
            await ServerProcess.WaitUntilUpAsync(plainUrl + "/", plain, 1200);

            // The servers' JIT tiers up hot code for a while after start (much longer for the API, and longer on a
            // loaded machine): a first unmeasured round of both, so that the measures see steady state.
            using (var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 8 })
            using (var http = new HttpClient(handler))
            {
                var token = await SignInAsync(http, apiUrl);
                await LoadAsync(http, 8, FirstWarmupSeconds, () => Registration(apiUrl, token), api);
                await LoadAsync(http, 8, FirstWarmupSeconds, () => new HttpRequestMessage(HttpMethod.Post, plainUrl + "/plain"), plain);
            }

            foreach (var clients in clientCounts)
            {
                using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
                using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
                var token = await SignInAsync(http, apiUrl);
                var registrations = await LoadAsync(http, clients, seconds, () => Registration(apiUrl, token), api);
                var inserts = await LoadAsync(http, clients, seconds, () => new HttpRequestMessage(HttpMethod.Post, plainUrl + "/plain"), plain);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {provider} | {clients} | {registrations.Rate:F0} | {registrations.P50:F0} / {registrations.P99:F0} ms | {registrations.Failed} of {registrations.Count + registrations.Failed} | {registrations.CpuMs:F2} ms | {inserts.Rate:F0} | {inserts.P50:F0} / {inserts.P99:F0} ms | {inserts.Failed} | {inserts.CpuMs:F2} ms | {registrations.Rate / inserts.Rate:F3} |"));
            }
        }
        finally
        {
            ServerProcess.Stop(api);
            ServerProcess.Stop(plain);
            Console.Error.WriteLine($"{provider}: load average after {LoadAverage()}");
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            if (server is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var admin = new NpgsqlConnection(server);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }
        }
    }

    private static HttpRequestMessage Registration(string apiUrl, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, apiUrl + "/api/dossiers") { Content = new ByteArrayContent(RegistrationBody) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    /// <summary>Clients in a closed loop: a warm-up, then the measured window; a non-2xx answer is a failure.</summary>
    private static async Task<LoadResult> LoadAsync(HttpClient http, int clients, int seconds, Func<HttpRequestMessage> request, Process server)
    {
        var measuring = false;
        var stop = false;
        var latencies = new List<double>[clients];
        var failures = new int[clients];
        var workers = Enumerable.Range(0, clients).Select(i => Task.Run(async () =>
        {
            latencies[i] = new List<double>(100_000);
            while (!Volatile.Read(ref stop))
            {
                var started = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    using var message = request();
                    using var response = await http.SendAsync(message);
                    ok = response.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    ok = false;
                }

                if (Volatile.Read(ref measuring))
                {
                    if (ok)
                    {
                        latencies[i].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                    else
                    {
                        failures[i]++;
                    }
                }
            }
        })).ToList();
        await Task.Delay(Warmup);
        server.Refresh();
        var cpu = server.TotalProcessorTime;
        var window = Stopwatch.StartNew();
        Volatile.Write(ref measuring, true);
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        Volatile.Write(ref measuring, false);
        window.Stop();
        server.Refresh();
        cpu = server.TotalProcessorTime - cpu;
        Volatile.Write(ref stop, true);
        await Task.WhenAll(workers);
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(all.Length / window.Elapsed.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.99), all.Length, failures.Sum(), cpu.TotalMilliseconds / Math.Max(1, all.Length));
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static async Task<string> SignInAsync(HttpClient http, string apiUrl)
    {
        using var response = await http.PostAsJsonAsync(apiUrl + "/api/auth/login", new { userName = "motcua", password = DemoData.Password });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }

    private static Process StartApi(DatabaseProvider provider, string connectionString, string url, string folder)
    {
        var dll = Path.GetFullPath(ApiDll ?? Path.Combine(RepositoryRoot(), "OneStop.Api", "bin", "Release", "net10.0", "OneStop.Api.dll"));
        var apiFolder = Path.GetDirectoryName(dll)!;
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("Build the API in Release first: dotnet build -c Release OneStop.Api", dll);
        }

        var start = new ProcessStartInfo("dotnet", [dll]) { WorkingDirectory = apiFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        var environment = start.Environment;
        environment["ASPNETCORE_URLS"] = url;
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["ASPNETCORE_CONTENTROOT"] = folder;
        environment["Database__Provider"] = provider.ToString();
        environment["Database__MigrateAtStart"] = "true";
        environment["ConnectionStrings__OneStop"] = connectionString;
        environment["PersonalData__Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        environment["Ledger__Keys__0"] = "bench " + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        environment["Demo__Enabled"] = "true";
        environment["Jobs__RunServer"] = "false";
        environment["Documents__PublicBaseUrl"] = url;
        environment["AllowedHosts"] = "127.0.0.1;localhost";
        environment["Logging__LogLevel__Default"] = "Warning";
        return ServerProcess.Drain(Process.Start(start)!);
    }

    private static Process StartSelf(string[] args)
    {
        var self = Environment.ProcessPath!;
        var start = self.EndsWith("dotnet", StringComparison.Ordinal)
            ? new ProcessStartInfo(self, [typeof(RegistrationLoad).Assembly.Location, .. args])
            : new ProcessStartInfo(self, args);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        return ServerProcess.Drain(Process.Start(start)!);
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OneStop.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("OneStop.sln not found above " + AppContext.BaseDirectory);
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>Requests/s, latency percentiles, successes, failures, and the server process's CPU per success.</summary>
    private sealed record LoadResult(double Rate, double P50, double P99, int Count, int Failed, double CpuMs);
}
