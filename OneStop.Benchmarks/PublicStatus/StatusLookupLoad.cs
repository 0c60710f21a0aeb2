using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Persistence;

namespace OneStop.Benchmarks.PublicStatus;

/// <summary>
/// <c>status-lookup [seconds] [connections] [cache seconds]</c>: the citizen's lookup under load, side by side with a baseline in
/// the same run and the same host. The API host (SQLite file, demo data, the rate limit raised for this host only)
/// listens on Kestrel on loopback; 32 connections (default) request, in turn and twice over, for
/// <c>seconds</c> (default 10) each:
/// <list type="bullet">
/// <item><c>raw</c>: a plain endpoint that reads one row (status, appointment) by code with raw ADO.NET, the baseline;</item>
/// <item><c>json</c>: <c>GET /api/public/status/{code}</c>;</item>
/// <item><c>html</c>: <c>GET /tra-cuu/{code}</c>.</item>
/// </list>
/// Codes are drawn round-robin from the demo dossiers. It prints requests/s, p50 and p99 per endpoint and the
/// ratio to the baseline; target (issue 16): json and html at least 0.5× raw with p99 under 20 ms. The last
/// argument sets <c>PublicStatus:CacheSeconds</c> (default 5, as shipped; 0 measures every lookup from the database).
/// </summary>
internal static class StatusLookupLoad
{
    public const string Command = "status-lookup";

    public static async Task RunAsync(int seconds, int connections, int cacheSeconds)
    {
        await using var host = new LookupHost(cacheSeconds);
        var baseAddress = host.Start();
        var codes = host.Codes();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Host {baseAddress}, {codes.Count} codes, {connections} connections, {seconds} s per run, status cache {cacheSeconds} s, {Environment.ProcessorCount} cores."));

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress };
        var targets = new (string Name, Func<string, string> Path)[]
        {
            ("raw", c => "/bench/raw-row/" + Uri.EscapeDataString(c)),
            ("json", c => "/api/public/status/" + Uri.EscapeDataString(c)),
            ("html", c => "/tra-cuu/" + Uri.EscapeDataString(c)),
        };

        // Warm-up: every code through every endpoint once (JIT, connection pool, the status cache), then 2 s each.
        foreach (var (_, path) in targets)
        {
            foreach (var code in codes)
            {
                using var response = await client.GetAsync(new Uri(path(code), UriKind.Relative));
                response.EnsureSuccessStatusCode();
            }

            _ = await RunLoadAsync(client, codes, path, connections, TimeSpan.FromSeconds(2));
        }

        var results = targets.ToDictionary(t => t.Name, _ => new List<Sample>());
        for (var round = 0; round < 2; round++)
        {
            foreach (var (name, path) in targets)
            {
                results[name].Add(await RunLoadAsync(client, codes, path, connections, TimeSpan.FromSeconds(seconds)));
            }
        }

        var baseline = Combine(results["raw"]);
        Console.WriteLine();
        Console.WriteLine("| endpoint | requests/s | p50 ms | p99 ms | × raw | errors |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, _) in targets)
        {
            var s = Combine(results[name]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {s.Rate:N0} | {s.P50:N2} | {s.P99:N2} | {s.Rate / baseline.Rate:N2} | {s.Errors} |"));
        }
    }

    private static async Task<Sample> RunLoadAsync(HttpClient client, IReadOnlyList<string> codes, Func<string, string> path, int connections, TimeSpan duration)
    {
        var latencies = new List<double>[connections];
        var errors = 0;
        var next = -1;
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, connections).Select(async w =>
        {
            var mine = latencies[w] = new List<double>(1 << 14);
            while (Stopwatch.GetTimestamp() < end)
            {
                var code = codes[(int)((uint)Interlocked.Increment(ref next) % (uint)codes.Count)];
                var before = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(new Uri(path(code), UriKind.Relative), HttpCompletionOption.ResponseContentRead);
                mine.Add(Stopwatch.GetElapsedTime(before).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }).ToArray();
        await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var all = latencies.SelectMany(l => l).ToArray();
        return new Sample(all, elapsed, errors);
    }

    private static Summary Combine(List<Sample> samples)
    {
        var all = samples.SelectMany(s => s.Latencies).Order().ToArray();
        var rate = all.Length / samples.Sum(s => s.Seconds);
        return new Summary(rate, Percentile(all, 0.50), Percentile(all, 0.99), samples.Sum(s => s.Errors));
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private sealed record Sample(double[] Latencies, double Seconds, int Errors);

    private sealed record Summary(double Rate, double P50, double P99, int Errors);

    /// <summary>
    /// The API host as shipped, on Kestrel, with the benchmark's baseline endpoint added in front of its pipeline
    /// (a startup filter: the product itself has no such endpoint) and the rate limit raised for this host only.
    /// </summary>
    private sealed class LookupHost : WebApplicationFactory<Program>
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "onestop-lookup-bench-" + Guid.NewGuid().ToString("N"));
        private readonly int _cacheSeconds;

        public LookupHost(int cacheSeconds)
        {
            _cacheSeconds = cacheSeconds;
            UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        }

        private string ConnectionString => $"Data Source={Path.Combine(_folder, "onestop.db")}";

        public Uri Start()
        {
            StartServer();
            return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        }

        public List<string> Codes()
        {
            using var scope = Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            return db.Dossiers.AsNoTracking().Where(d => d.Status != OneStop.Dossiers.DossierStatus.Withdrawn)
                .OrderBy(d => d.Code).Select(d => d.Code).Take(500).ToList();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            Directory.CreateDirectory(_folder);
            builder.UseEnvironment("Benchmark");
            builder.UseSetting("ConnectionStrings:OneStop", ConnectionString);
            builder.UseSetting("PersonalData:Key", Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()));
            builder.UseSetting("Ledger:Keys:0", "bench " + Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray()));
            builder.UseSetting("Demo:Enabled", "true");
            builder.UseSetting("Jobs:RunServer", "false");
            builder.UseSetting("Documents:PublicBaseUrl", "http://localhost");
            builder.UseSetting("AllowedHosts", "127.0.0.1;localhost");
            builder.UseSetting("PublicStatus:PermitPerMinute", "100000000");
            builder.UseSetting("PublicStatus:CacheSeconds", _cacheSeconds.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
            var connectionString = ConnectionString;
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new RawRowEndpoint(connectionString)));
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open: the temp folder is cleaned by the OS.
            }
        }
    }

    /// <summary>The baseline: <c>/bench/raw-row/{code}</c>, behind the app's middleware, reads one dossier row with raw ADO.NET and writes two fields as JSON.</summary>
    private sealed class RawRowEndpoint(string connectionString) : IStartupFilter
    {
        // After the app's own pipeline: the baseline passes the same middleware (exception handler, static files,
        // rate limiter, authentication, authorization, antiforgery) and answers where no endpoint of the app matched.
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/bench/raw-row", branch => branch.Run(async context =>
            {
                var code = Uri.UnescapeDataString(context.Request.Path.Value!.TrimStart('/'));
                await using var connection = new SqliteConnection(connectionString);
                await connection.OpenAsync(context.RequestAborted);
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT \"Status\", \"AppointmentAt\" FROM \"Dossiers\" WHERE \"Code\" = $code";
                command.Parameters.AddWithValue("$code", code);
                await using var reader = await command.ExecuteReaderAsync(context.RequestAborted);
                if (!await reader.ReadAsync(context.RequestAborted))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }

                var status = reader.GetString(0);
                var appointment = reader.GetValue(1).ToString();
                await context.Response.WriteAsJsonAsync(new { code, status, appointment }, context.RequestAborted);
            }));
        };
    }
}
