using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using Npgsql;
using OneStop.Jobs.Ledger;
using OneStop.Api.Demo;
using OneStop.Benchmarks.Hosting;
using OneStop.Calendar;
using OneStop.Deadlines;
using OneStop.Dossiers;
using OneStop.Jobs.Hosting;
using OneStop.Jobs.Lateness;
using OneStop.Lateness;
using OneStop.Persistence;

namespace OneStop.Benchmarks.Lateness;

/// <summary>
/// <c>dashboard-scale N [--postgres CONNECTION]</c>: the supervisor's dashboard at province scale, over HTTP against
/// the Release API in its own process.
/// <list type="number">
/// <item>The API starts on a fresh database (a SQLite file, or a new database of the given PostgreSQL server) with the
/// demo data, which makes the schema, the demo province and its supervisor; it is stopped.</item>
/// <item>N dossiers with realistic ledgers over the two years before now (<see cref="SyntheticDossiers"/>: through the
/// domain, sealed with the API's ledger key, in the demo's two communes and three of its procedures) are audited in
/// memory by the same audit as the API's and written with their events, records, stored outcomes and findings by
/// multi-row INSERTs (<see cref="BulkTables"/>), not through the API.</item>
/// <item>The API starts again on that database. Its working set is read after sign-in (idle), then sampled every
/// 20 ms while the 12-month summary of the province root (<c>GET /api/dashboard/summary</c>), the dashboard page
/// (<c>GET /giam-sat</c>) and the late list's page 2 are fetched, each once to warm up and 5 times timed (median).</item>
/// <item>Baseline, side by side: the same period's stored outcome rows read raw (every column, ADO.NET) by the
/// benchmark itself, median of 5.</item>
/// <item>The nightly audit (<see cref="LatenessAuditJob"/>, in-process as the worker runs it) of a day's changes:
/// the last completed run is recorded 24 hours before now.</item>
/// </list>
/// </summary>
internal static class DashboardScaleBenchmark
{
    public const string Command = "dashboard-scale";

    private const int Runs = 5;
    private static readonly string[] ProcedureCodes = ["1.000894.H99", "1.004227.H99", "1.004194.H99"];

    public static async Task RunAsync(string[] args)
    {
        var count = int.Parse(args[0], CultureInfo.InvariantCulture);
        var server = Option(args, "--postgres");
        // --keep DIR: the seeded database (and its keys) stays in DIR; --reuse DIR measures it again without seeding.
        // --night-hours H: the nightly audit covers the last H hours' changes (24); --nightly-only: only that audit.
        var keep = Option(args, "--keep") ?? Option(args, "--reuse");
        var reuse = Option(args, "--reuse") is not null;
        var provider = server is null ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSql;
        // The benchmark is its own composition root: its "now" is the machine's, as the API it starts reads it.
#pragma warning disable RS0030
        var now = SystemClock.Instance.GetCurrentInstant();
#pragma warning restore RS0030
        var folder = keep ?? Path.Combine(Path.GetTempPath(), "onestop-dashboard-scale-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var kept = Path.Combine(folder, "bench-keys.txt");
        var database = reuse ? File.ReadAllLines(kept)[2] : "onestop_dash_" + Guid.NewGuid().ToString("N")[..12];
        var connectionString = $"Data Source={Path.Combine(folder, "onestop.db")}";
        if (server is not null && reuse)
        {
            connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        }
        else if (server is not null)
        {
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
            connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        }

        var ledgerKey = reuse ? Convert.FromBase64String(File.ReadAllLines(kept)[0]) : RandomNumberGenerator.GetBytes(32);
        var personalKey = reuse ? Convert.FromBase64String(File.ReadAllLines(kept)[1]) : RandomNumberGenerator.GetBytes(32);
        if (keep is not null && !reuse)
        {
            await File.WriteAllLinesAsync(kept, [Convert.ToBase64String(ledgerKey), Convert.ToBase64String(personalKey), database]);
        }

        var api = new ApiProcess(provider, connectionString, folder, ledgerKey, personalKey);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dashboard-scale {count:N0} on {provider}; {Environment.ProcessorCount} cores; load average {LoadAverage()}"));
        try
        {
            if (!reuse)
            {
                using var first = api.Start();
                await ServerProcess.WaitUntilUpAsync(api.Url + "/dang-nhap", first, 2400);
                ServerProcess.Stop(first);
            }
            else
            {
                now = Instant.FromUnixTimeTicks(long.Parse(File.ReadAllLines(kept)[3], CultureInfo.InvariantCulture));
            }

            var services = Services(provider, connectionString, folder, ledgerKey, personalKey, now);
            await using (services)
            {
                if (!reuse)
                {
                    var seeding = Stopwatch.StartNew();
                    var (dossiers, events) = await SeedAsync(services, count, now);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"Seeded {dossiers:N0} dossiers ({events:N0} events), audited and stored with their outcomes in {seeding.Elapsed.TotalSeconds:F0} s; load average {LoadAverage()}"));
                    // As autovacuum leaves a table loaded long ago: statistics, and on PostgreSQL the visibility map that
                    // lets an index-only scan skip the table (a bulk load leaves it empty).
                    await ExecuteAsync(services, provider == DatabaseProvider.PostgreSql ? "VACUUM (ANALYZE)" : "ANALYZE");
                    if (keep is not null)
                    {
                        await File.AppendAllLinesAsync(kept, [now.ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture)]);
                    }
                }

                var today = OfficeTime.ToLocal(now).Date;
                var from = today.PlusMonths(-12).PlusDays(1);
                if (!args.Contains("--nightly-only"))
                {
                    await HttpAsync(api, from, today);
                    await RawAsync(services, OfficeTime.ToInstant(from.AtMidnight()), OfficeTime.ToInstant(today.PlusDays(1).AtMidnight()));
                }

                var hours = int.Parse(Option(args, "--night-hours") ?? "24", CultureInfo.InvariantCulture);
                await NightlyAsync(services, now, hours);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (keep is null)
            {
                Directory.Delete(folder, recursive: true);
            }

            if (server is not null && keep is null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var admin = new NpgsqlConnection(server);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }
        }
    }

    private static ServiceProvider Services(DatabaseProvider provider, string connectionString, string folder, byte[] ledgerKey, byte[] personalKey, Instant now)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IClock>(new FixedClock(now))
            .AddSingleton(new PersonalDataCipher(personalKey))
            .AddSingleton(new LedgerKeyRing([new("bench", ledgerKey)], "bench"))
            .AddSingleton(new CheckpointStore(Path.Combine(folder, "checkpoints-bench")))
            .AddOneStopDatabase(provider, connectionString)
            .AddSingleton(_ => new WorkingCalendarProvider(CalendarNoticeFile.LoadSeed()));
        services.AddOptions<OfficeHoursOptions>();
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables("ONESTOP_").Build();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddOneStopJobServices(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>Generates, audits at now and bulk-writes the dossiers, 2,000 at a time.</summary>
    private static async Task<(int Dossiers, long Events)> SeedAsync(IServiceProvider services, int count, Instant now)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<OneStopDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.Id == DemoData.DongDaId || a.Id == DemoData.HoaBinhId).OrderBy(a => a.ElectronicId).ToListAsync();
        var procedures = await db.Procedures.AsNoTracking().Include(p => p.Versions).Where(p => ProcedureCodes.Contains(p.Code)).ToListAsync();
        var versions = procedures.OrderBy(p => p.Code, StringComparer.Ordinal).Select(p => p.Versions.OrderByDescending(v => v.Number).First()).ToList();
        var names = procedures.ToDictionary(p => p.Id, p => (p.Code, p.Name));
        var deadlines = sp.GetRequiredService<AgencyDeadlines>();
        var keys = sp.GetRequiredService<LedgerKeyRing>();
        var history = new CalendarHistory(await db.CalendarNotices.AsNoTracking().ToListAsync(), deadlines.Calculator);
        var audit = new LatenessAudit(deadlines.Calculator, sp.GetRequiredService<IOptions<AuditSettings>>().Value, keys);
        var bulk = new BulkTables(db);
        var blind = sp.GetRequiredService<PersonalDataCipher>().BlindIndex;
        var dossiers = 0;
        long events = 0;
        var flushing = new Stopwatch();
        var auditing = new Stopwatch();
        // Two stages on the two cores: generation, sealing and the audit on one thread, the bulk writer on the other,
        // 2,000 dossiers a batch between them.
        var batches = System.Threading.Channels.Channel.CreateBounded<List<Seeded>>(new System.Threading.Channels.BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(async () =>
        {
            try
            {
                var batch = new List<Seeded>(2000);
                foreach (var (dossier, agency) in SyntheticDossiers.Generate(deadlines, agencies, versions, count, 2026, now - Duration.FromDays(730), now))
                {
                    var sealedEvents = dossier.TakePendingEvents(keys);
                    var hours = deadlines.HoursOf(agency);
                    var (code, name) = names[versions.Single(v => v.Id == dossier.ProcedureVersionId).ProcedureId];
                    auditing.Start();
                    var audited = new AuditedDossier(dossier.Code, agency.ElectronicId, agency.Name, code, name, hours, audit.Audit(DossierLedger.Of(dossier, sealedEvents), hours, now, history));
                    auditing.Stop();
                    var outcome = new DossierOutcome(audited, agency.Id, agency.Path, now);
                    batch.Add(new Seeded(dossier, sealedEvents, outcome,
                        audited.Audit.Findings.Select(f => new LatenessFinding(dossier.Id, audited.Audit.AuditVersion, now, f)).ToList(),
                        DossierActorPattern.Of(outcome, audited.Audit).ToList()));
                    if (batch.Count == 2000)
                    {
                        await batches.Writer.WriteAsync(batch);
                        batch = new List<Seeded>(2000);
                    }
                }

                await batches.Writer.WriteAsync(batch);
                batches.Writer.Complete();
            }
            catch (Exception e)
            {
                batches.Writer.Complete(e);
            }
        });
        await foreach (var batch in batches.Reader.ReadAllAsync())
        {
            foreach (var s in batch)
            {
                db.Dossiers.Add(s.Dossier);
                // The search columns and blind-index entries as a save writes them (else the API's first start backfills them).
                DossierSearchIndex.Write(db, s.Dossier, blind);
                db.DossierEvents.AddRange(s.Events);
                db.Set<DossierOutcome>().Add(s.Outcome);
                db.Set<LatenessFinding>().AddRange(s.Findings);
                db.Set<DossierActorPattern>().AddRange(s.Patterns);
                events += s.Events.Count;
            }

            var before = dossiers;
            dossiers += batch.Count;
            flushing.Start();
            await bulk.FlushAsync(CancellationToken.None);
            flushing.Stop();
            if (dossiers / 50_000 != before / 50_000)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {dossiers:N0} seeded: writing {flushing.Elapsed.TotalSeconds:F0} s, generating and auditing {auditing.Elapsed.TotalSeconds:F0} s so far; load average {LoadAverage()}"));
            }
        }

        await producer;

        // The daily rollup of the finished dossiers, built by the product's own recompute (OutcomeRollup), not a copy of its rule.
        var rolling = Stopwatch.StartNew();
        await sp.GetRequiredService<OutcomeRollup>().RebuildAsync(CancellationToken.None);
        var rolled = await db.Set<OutcomeDay>().CountAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  daily rollup rebuilt from the outcomes in {rolling.Elapsed.TotalSeconds:F0} s ({rolled:N0} rows)"));
        return (dossiers, events);
    }

    private sealed record Seeded(Dossier Dossier, IReadOnlyList<DossierEvent> Events, DossierOutcome Outcome, List<LatenessFinding> Findings, List<DossierActorPattern> Patterns);

    private static async Task ExecuteAsync(IServiceProvider services, string sql)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().Database.ExecuteSqlRawAsync(sql);
    }

    private static async Task HttpAsync(ApiProcess api, LocalDate from, LocalDate to)
    {
        using var process = api.Start();
        try
        {
            await ServerProcess.WaitUntilUpAsync(api.Url + "/dang-nhap", process, 2400);
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
            using (var login = await http.PostAsJsonAsync(api.Url + "/api/auth/login", new { userName = "giamsat", password = DemoData.Password }))
            {
                login.EnsureSuccessStatusCode();
                using var body = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.RootElement.GetProperty("accessToken").GetString());
            }

            // The page signs in with the cookie (the sign-in form and its antiforgery token), as a browser does.
            using var pages = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() }) { Timeout = TimeSpan.FromMinutes(10) };
            var form = await pages.GetStringAsync(api.Url + "/dang-nhap");
            var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
            using (var signIn = await pages.PostAsync(api.Url + "/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = "giamsat", ["password"] = DemoData.Password, ["__RequestVerificationToken"] = token,
            })))
            {
                signIn.EnsureSuccessStatusCode();
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
            var idle = Rss(process);
            var query = $"agency=000.00.00.H99&from={Iso(from)}&to={Iso(to)}";
            using var sampling = new CancellationTokenSource();
            var peak = idle;
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peak = Math.Max(peak, Rss(process));
                    await Task.Delay(20);
                }
            });
            Console.WriteLine($"API idle working set after sign-in: {idle / 1048576} MB. 12 months {Iso(from)} to {Iso(to)}, province root, median of {Runs} after one warm-up:");
            Console.WriteLine("| request | median s | runs s | bytes |");
            Console.WriteLine("| --- | --- | --- | --- |");
            string? summary = null;
            async Task TimeAsync(string name, string url)
            {
                var times = new List<double>();
                long bytes = 0;
                for (var i = 0; i <= Runs; i++)
                {
                    var watch = Stopwatch.StartNew();
                    var page = url.StartsWith("/giam-sat", StringComparison.Ordinal);
                    using var response = await (page ? pages : http).GetAsync(api.Url + url);
                    var content = await response.Content.ReadAsByteArrayAsync();
                    watch.Stop();
                    if (!response.IsSuccessStatusCode || (page && response.RequestMessage?.RequestUri?.AbsolutePath != "/giam-sat"))
                    {
                        throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {Encoding.UTF8.GetString(content)}");
                    }

                    bytes = content.Length;
                    if (url.StartsWith("/api/dashboard/summary", StringComparison.Ordinal))
                    {
                        summary ??= Encoding.UTF8.GetString(content);
                    }

                    if (i > 0)
                    {
                        times.Add(watch.Elapsed.TotalSeconds);
                    }
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {times.Order().ElementAt(times.Count / 2):F3} | {string.Join(", ", times.Select(t => t.ToString("F3", CultureInfo.InvariantCulture)))} | {bytes:N0} |"));
            }

            await TimeAsync("GET /api/dashboard/summary", "/api/dashboard/summary?" + query);
            await TimeAsync("GET /giam-sat (page)", "/giam-sat?" + query);
            await TimeAsync("GET /api/dashboard/late?page=2", "/api/dashboard/late?page=2&" + query);
            Console.WriteLine($"API working set: idle {idle / 1048576} MB, peak during the requests {peak / 1048576} MB, above idle {(peak - idle) / 1048576} MB");

            // A supervisor looking back: the first quarter of last year, judged at its end (its dossiers then in progress
            // that moved on since are replayed to that instant). Timed after the 12 months' figures, with its own peak.
            var year = to.Year - 1;
            await TimeAsync($"GET /api/dashboard/summary, {year}-Q1", $"/api/dashboard/summary?agency=000.00.00.H99&from={year}-01-01&to={year}-03-31");
            await sampling.CancelAsync();
            await sampler;
            Console.WriteLine($"API working set: peak with the past quarter {peak / 1048576} MB, above idle {(peak - idle) / 1048576} MB");
            using var totals = JsonDocument.Parse(summary!);
            var t = totals.RootElement.GetProperty("totals");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Summary: {t.GetProperty("received").GetInt32() + t.GetProperty("carriedOver").GetInt32():N0} dossiers in the period, {totals.RootElement.GetProperty("lateTotal").GetInt32():N0} late, {totals.RootElement.GetProperty("paperDiffersTotal").GetInt32():N0} masked"));
        }
        finally
        {
            ServerProcess.Stop(process);
        }
    }

    /// <summary>The baseline: the period's stored outcomes of the subtree read raw, every column, no aggregate.</summary>
    private static async Task RawAsync(IServiceProvider services, Instant from, Instant to)
    {
        var times = new List<double>();
        long rows = 0;
        for (var i = 0; i <= Runs; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var watch = Stopwatch.StartNew();
            DbConnection connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            var pFrom = command.CreateParameter();
            command.CommandText = RawSql(db, out var fromName, out var toName);
            pFrom.ParameterName = fromName;
            pFrom.Value = from.ToDateTimeUtc();
            var pTo = command.CreateParameter();
            pTo.ParameterName = toName;
            pTo.Value = to.ToDateTimeUtc();
            command.Parameters.Add(pFrom);
            command.Parameters.Add(pTo);
            rows = 0;
            await using (var reader = await command.ExecuteReaderAsync())
            {
                var values = new object[reader.FieldCount];
                while (await reader.ReadAsync())
                {
                    reader.GetValues(values);
                    rows++;
                }
            }

            watch.Stop();
            if (i > 0)
            {
                times.Add(watch.Elapsed.TotalSeconds);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| baseline: the period's {rows:N0} stored outcome rows read raw (benchmark process) | {times.Order().ElementAt(times.Count / 2):F3} | {string.Join(", ", times.Select(t => t.ToString("F3", CultureInfo.InvariantCulture)))} | |"));
    }

    private static string RawSql(OneStopDbContext db, out string from, out string to)
    {
        var postgres = db.Database.ProviderName!.Contains("Npgsql", StringComparison.Ordinal);
        from = postgres ? "@from" : "$from";
        to = postgres ? "@to" : "$to";
        return $"SELECT * FROM \"DossierOutcome\" WHERE \"AcceptedAt\" < {to} AND (\"EndAt\" IS NULL OR \"EndAt\" >= {from})";
    }

    /// <summary>The nightly audit of the changes of the last <paramref name="hours"/> hours (the last completed run is recorded then).</summary>
    private static async Task NightlyAsync(IServiceProvider services, Instant now, int hours)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            await db.Set<LatenessAuditRun>().ExecuteDeleteAsync();
            var last = new LatenessAuditRun(now - Duration.FromHours(hours), LatenessAudit.Version);
            last.Complete(now - Duration.FromHours(hours) + Duration.FromMinutes(30), 0, 0);
            db.Set<LatenessAuditRun>().Add(last);
            await db.SaveChangesAsync();
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var watch = Stopwatch.StartNew();
            var run = await scope.ServiceProvider.GetRequiredService<LatenessAuditJob>().RunAsync(CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Nightly audit of the last {hours} hours' changes: {run.DossierCount:N0} dossiers, {run.FindingCount:N0} findings, {watch.Elapsed.TotalSeconds:F1} s"));
        }
    }

    private static long Rss(Process process)
    {
        foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    private static string Iso(LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }

    /// <summary>The Release API in its own process on the benchmark's database, with its keys.</summary>
    private sealed class ApiProcess(DatabaseProvider provider, string connectionString, string folder, byte[] ledgerKey, byte[] personalKey)
    {
        public string Url { get; } = $"http://127.0.0.1:{ServerProcess.FreePort()}";

        public Process Start()
        {
            var dll = Path.Combine(RepositoryRoot(), "OneStop.Api", "bin", "Release", "net10.0", "OneStop.Api.dll");
            if (!File.Exists(dll))
            {
                throw new FileNotFoundException("Build the API in Release first: dotnet build -c Release OneStop.Api", dll);
            }

            var start = new ProcessStartInfo("dotnet", [dll]) { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
            var environment = start.Environment;
            environment["ASPNETCORE_URLS"] = Url;
            environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            environment["ASPNETCORE_CONTENTROOT"] = folder;
            environment["Database__Provider"] = provider.ToString();
            environment["Database__MigrateAtStart"] = "true";
            environment["ConnectionStrings__OneStop"] = connectionString;
            environment["PersonalData__Key"] = Convert.ToBase64String(personalKey);
            environment["Ledger__Keys__0"] = "bench " + Convert.ToBase64String(ledgerKey);
            environment["Demo__Enabled"] = "true";
            environment["Jobs__RunServer"] = "false";
            environment["Documents__PublicBaseUrl"] = Url;
            environment["AllowedHosts"] = "127.0.0.1;localhost";
            environment["Logging__LogLevel__Default"] = "Warning";
            return ServerProcess.Drain(Process.Start(start)!);
        }

        private static string RepositoryRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "OneStop.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new DirectoryNotFoundException("OneStop.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
