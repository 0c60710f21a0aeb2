using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using OneStop.Agencies;
using OneStop.Api.Demo;
using OneStop.Calendar;
using OneStop.Deadlines;
using OneStop.Dossiers;
using OneStop.Jobs.Hosting;
using OneStop.Jobs.Lateness;
using OneStop.Jobs.Ledger;
using OneStop.Lateness;
using OneStop.Persistence;
using OneStop.Procedures;

namespace OneStop.Benchmarks.Lateness;

/// <summary>
/// <c>dashboard-summary N [baseline-runs] [postgres CONNECTION]</c>: seeds N dossiers with realistic ledgers
/// (<see cref="SyntheticDossiers"/>) over two years in a province of two communes, three procedures and three
/// departments, through the domain (sealed, keyed ledgers) into a fresh SQLite file or the given empty PostgreSQL
/// database; builds the stored outcomes by draining the refresh queue their events filled; then times the 12-month
/// summary of the province root from the stored outcomes (SQL aggregates, median of 5) and, side by side, the old
/// path that replays every ledger (<see cref="LatenessService.AuditSubtreeAsync"/>, median of
/// <c>baseline-runs</c>, default 3; 0 skips it), with the bytes each allocates and the process's working set.
/// </summary>
internal static class DashboardSummaryBenchmark
{
    public const string Command = "dashboard-summary";

    // Monday 15 December 2025, 10:00 in Hà Nội: the instant of the summaries; two years of dossiers before it.
    private static readonly Instant Now = OfficeTime.ToInstant(new LocalDateTime(2025, 12, 15, 10, 0));

    public static async Task RunAsync(string[] args)
    {
        var count = int.Parse(args[0], CultureInfo.InvariantCulture);
        var baselineRuns = args.Length > 1 && args[1] != "postgres" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var postgres = args.SkipWhile(a => a != "postgres").Skip(1).FirstOrDefault();
        var folder = Path.Combine(Path.GetTempPath(), "onestop-dashboard-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var provider = postgres is null ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSql;
        var connectionString = postgres ?? $"Data Source={Path.Combine(folder, "onestop.db")}";
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IClock>(new FixedClock(Now))
            .AddSingleton(new PersonalDataCipher(RandomNumberGenerator.GetBytes(32)))
            .AddSingleton(new LedgerKeyRing([new("bench", RandomNumberGenerator.GetBytes(32))], "bench"))
            .AddSingleton(new CheckpointStore(Path.Combine(folder, "checkpoints")))
            .AddOneStopDatabase(provider, connectionString)
            .AddSingleton(_ => new WorkingCalendarProvider(CalendarNoticeFile.LoadSeed()));
        services.AddOptions<OfficeHoursOptions>();
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables("ONESTOP_").Build();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddOneStopJobServices(configuration);
        await using var serviceProvider = services.BuildServiceProvider();
        try
        {
            var seeding = Stopwatch.StartNew();
            var province = await SeedAsync(serviceProvider, count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded {count:N0} dossiers ({provider}) in {seeding.Elapsed.TotalSeconds:F1} s"));

            var building = Stopwatch.StartNew();
            await using (var scope = serviceProvider.CreateAsyncScope())
            {
                var refreshed = await scope.ServiceProvider.GetRequiredService<LatenessService>().DrainRefreshesAsync(CancellationToken.None);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Stored outcomes built for {refreshed:N0} dossiers in {building.Elapsed.TotalSeconds:F1} s"));
            }

            var to = OfficeTime.ToInstant(OfficeTime.ToLocal(Now).Date.PlusDays(1).AtMidnight());
            var from = OfficeTime.ToInstant(OfficeTime.ToLocal(Now).Date.PlusMonths(-12).PlusDays(1).AtMidnight());
            LatenessSummary? stored = null;
            var storedTimes = await TimeAsync(5, serviceProvider, async sp => stored = await sp.GetRequiredService<OutcomeIndicators>().SummariseAsync(province, from, to, CancellationToken.None));
            Report("stored outcomes (SQL aggregates)", storedTimes, stored!);
            if (baselineRuns > 0)
            {
                LatenessSummary? replayed = null;
                var replayTimes = await TimeAsync(baselineRuns, serviceProvider, async sp =>
                {
                    var audited = await sp.GetRequiredService<LatenessService>().AuditSubtreeAsync(province, to, CancellationToken.None);
                    replayed = new LatenessIndicators().Summarise(audited, from, to);
                });
                Report("baseline: replay every ledger", replayTimes, replayed!);
                Console.WriteLine(replayed!.Totals == stored!.Totals ? "Totals equal." : "TOTALS DIFFER.");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Report(string name, List<(double Seconds, long Allocated, long WorkingSet)> runs, LatenessSummary summary)
    {
        var median = runs.Select(r => r.Seconds).Order().ElementAt(runs.Count / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: median {median:F3} s of {runs.Count} ({string.Join(", ", runs.Select(r => r.Seconds.ToString("F3", CultureInfo.InvariantCulture)))}); allocated {runs.Max(r => r.Allocated) / 1048576.0:F1} MB per summary; working set after {runs.Max(r => r.WorkingSet) / 1048576} MB; "
            + $"{summary.Totals.Received + summary.Totals.CarriedOver:N0} dossiers in the period, {summary.LateTotal:N0} late, {summary.PaperDiffersTotal:N0} masked"));
    }

    private static async Task<List<(double, long, long)>> TimeAsync(int runs, IServiceProvider provider, Func<IServiceProvider, Task> run)
    {
        var times = new List<(double, long, long)>();
        for (var i = 0; i < runs; i++)
        {
            await using var scope = provider.CreateAsyncScope();
            GC.Collect();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            await run(scope.ServiceProvider);
            watch.Stop();
            times.Add((watch.Elapsed.TotalSeconds, GC.GetTotalAllocatedBytes(precise: true) - allocated, Process.GetCurrentProcess().WorkingSet64));
        }

        return times;
    }

    private static async Task<string> SeedAsync(IServiceProvider provider, int count)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        await db.Database.MigrateAsync();
        var province = new Agency(Guid.NewGuid(), "Ủy ban nhân dân tỉnh Benchmark", "000.00.00.H99", null);
        var communes = new[]
        {
            new Agency(Guid.NewGuid(), "Ủy ban nhân dân phường Một", "000.01.99.H99", province),
            new Agency(Guid.NewGuid(), "Ủy ban nhân dân phường Hai", "000.02.99.H99", province),
        };
        var versions = new List<ProcedureVersion>();
        foreach (var (code, name, days) in new[] { ("1.000894.H99", "Đăng ký kết hôn", 5), ("1.001193.H99", "Đăng ký khai sinh", 3), ("1.004227.H99", "Cấp giấy phép xây dựng", 15) })
        {
            var procedure = new Procedure(Guid.NewGuid(), code, name, "Hộ tịch");
            var version = new ProcedureVersion(Guid.NewGuid(), procedure.Id, 1, Instant.FromUtc(2016, 1, 1, 0, 0), new ProcessingTime(days, DurationUnit.WorkingDays), [], [], 0m);
            procedure.AddVersion(version);
            db.Procedures.Add(procedure);
            versions.Add(version);
        }

        db.Agencies.Add(province);
        db.Agencies.AddRange(communes);
        await db.SaveChangesAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await SyntheticDossiers.SeedAsync(
            db, scope.ServiceProvider.GetRequiredService<AgencyDeadlines>(), communes, versions, count, 2025, Now - Duration.FromDays(730), Now,
            CancellationToken.None, batch: 1000, progress: n => { if (n % 50_000 == 0) { Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {n:N0} seeded")); } });
        return province.Path;
    }

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
