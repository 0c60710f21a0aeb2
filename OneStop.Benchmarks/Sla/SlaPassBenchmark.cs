using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;
using OneStop.Agencies;
using OneStop.Calendar;
using OneStop.Deadlines;
using OneStop.Dossiers;
using OneStop.Jobs.Hosting;
using OneStop.Jobs.Sla;
using OneStop.Persistence;
using OneStop.Procedures;
using OneStop.Sla;

namespace OneStop.Benchmarks.Sla;

/// <summary>
/// <c>sla-pass N [postgres CONNECTION]</c>: seeds N open dossiers of 5 working days by bulk SQL into a fresh
/// SQLite file, or into the given empty PostgreSQL database (94% on track with their next check in the future,
/// 5% whose due-soon point has come, 1% due-soon ones past their due), then times one SLA pass and a quiet pass
/// after it, with the process's CPU time and peak working set.
/// </summary>
internal static class SlaPassBenchmark
{
    // Wednesday 14 May 2025, 10:00 in Hà Nội: the instant of the passes.
    private static readonly Instant PassAt = OfficeTime.ToInstant(new LocalDateTime(2025, 5, 14, 10, 0));

    public static async Task RunAsync(int count, string? postgres = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "onestop-sla-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var provider = postgres is null ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSql;
        var connectionString = postgres ?? $"Data Source={Path.Combine(folder, "onestop.db")}";
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IClock>(new FixedClock(PassAt))
            .AddSingleton(new PersonalDataCipher(RandomNumberGenerator.GetBytes(32)))
            .AddSingleton(new OneStop.Dossiers.LedgerKeyRing([new("bench", RandomNumberGenerator.GetBytes(32))], "bench"))
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
            await SeedAsync(serviceProvider, count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded {count:N0} dossiers ({provider}) in {seeding.Elapsed.TotalSeconds:F1} s"));

            var job = serviceProvider.GetRequiredService<SlaCheckJob>();
            GC.Collect();
            var before = Process.GetCurrentProcess().WorkingSet64;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var (gen0, gen2, paused) = (GC.CollectionCount(0), GC.CollectionCount(2), GC.GetTotalPauseDuration());
            var pass = Stopwatch.StartNew();
            var first = await job.RunAsync(CancellationToken.None);
            pass.Stop();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            (gen0, gen2, paused) = (GC.CollectionCount(0) - gen0, GC.CollectionCount(2) - gen2, GC.GetTotalPauseDuration() - paused);
            var peak = Process.GetCurrentProcess().PeakWorkingSet64;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"SLA pass: {pass.Elapsed.TotalSeconds:F2} s ({cpu.TotalSeconds:F2} s CPU), {first.Checked:N0} dossiers checked, {first.Transitions:N0} transitions, {first.Notices:N0} notices; working set {before / 1048576} MB before, peak {peak / 1048576} MB; {gen0} gen-0 and {gen2} gen-2 collections, {paused.TotalSeconds:F2} s paused"));

            var quiet = Stopwatch.StartNew();
            var second = await job.RunAsync(CancellationToken.None);
            quiet.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Quiet pass: {quiet.Elapsed.TotalMilliseconds:F1} ms, {second.Checked} dossiers checked"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task SeedAsync(IServiceProvider provider, int count)
    {
        var calculator = new DeadlineCalculator(provider.GetRequiredService<WorkingCalendarProvider>().Current);
        var hours = OfficeHours.Default;
        var time = new ProcessingTime(5, DurationUnit.WorkingDays);
        Guid templateId;
        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            await db.Database.MigrateAsync();
            var agency = new Agency(Guid.NewGuid(), "Ủy ban nhân dân phường Benchmark", "000.00.99.H99", null);
            var procedure = new Procedure(Guid.NewGuid(), "1.000894.H99", "Đăng ký kết hôn", "Hộ tịch");
            var version = new ProcedureVersion(Guid.NewGuid(), procedure.Id, 1, Instant.FromUtc(2016, 1, 1, 0, 0), time, [], [], 0m);
            procedure.AddVersion(version);
            db.Agencies.Add(agency);
            db.Procedures.Add(procedure);
            var registration = new DossierRegistration("TEMPLATE", 0, agency.Id, version.Id, time, CountingMode.WorkingHours, Channel.Counter,
                new Person("Nguyễn Văn Mẫu", "001190012345", "0912345678", "Hà Nội", null), null, []);
            var template = Dossier.Register(registration, DossierAction.Now("bench", PassAt), calculator, hours);
            db.Dossiers.Add(template);
            await db.SaveChangesAsync();
            templateId = template.Id;
        }

        // Three groups by acceptance: each group's dossiers share their instants (the index still ranges over all).
        var groups = new[]
        {
            (Share: 0.94, Accepted: PassAt - Duration.FromDays(1), State: SlaState.OnTrack, Due: false),
            (Share: 0.05, Accepted: PassAt - Duration.FromHours((6 * 24) + 2), State: SlaState.OnTrack, Due: true),
            (Share: 0.01, Accepted: PassAt - Duration.FromDays(9), State: SlaState.DueSoon, Due: true),
        };
        await using var seedScope = provider.CreateAsyncScope();
        var context = seedScope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var sqlite = context is SqliteOneStopDbContext;
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        var columns = new List<string>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = sqlite
                ? "SELECT name FROM pragma_table_info('Dossiers')"
                : "SELECT column_name FROM information_schema.columns WHERE table_name = 'Dossiers' ORDER BY ordinal_position";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }

        string Sql(Instant instant) => sqlite
            ? "'" + instant.ToDateTimeUtc().ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.') + "'"
            : "'" + InstantPattern.ExtendedIso.Format(instant) + "'::timestamptz";

        var next = 0;
        foreach (var group in groups)
        {
            var n = group == groups[^1] ? count - next : (int)(count * group.Share);
            var deadline = calculator.Compute(group.Accepted, time, hours, CountingMode.WorkingHours);
            var budget = calculator.WorkingTimeBetween(deadline.CountingStartsAt, deadline.DueAt, hours).Seconds;
            var dueSoonAt = calculator.AddWorkingTime(deadline.CountingStartsAt, budget - SlaThresholds.Default.DueSoonMargin(budget, hours.SecondsPerDay) + 1, hours);
            var nextCheck = group.State == SlaState.DueSoon ? deadline.DueAt + Duration.FromSeconds(1) : dueSoonAt;
            var values = new Dictionary<string, string>
            {
                ["Id"] = sqlite
                    ? "printf('%08X-0000-7000-8000-%012X', i, i)"
                    : "(lpad(to_hex(i), 8, '0') || '-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid",
                ["Code"] = "'BENCH-' || i",
                ["TrackingNumber"] = "i",
                ["AcceptedAt"] = Sql(group.Accepted),
                ["CountingStartsAt"] = Sql(deadline.CountingStartsAt),
                ["StatutoryDueAt"] = Sql(deadline.DueAt),
                ["AppointmentAt"] = Sql(deadline.DueAt),
                ["SlaState"] = $"'{group.State}'",
                ["NextSlaCheckAt"] = Sql(nextCheck),
            };
            var select = string.Join(", ", columns.Select(c => values.TryGetValue(c, out var v) ? v : $"t.\"{c}\""));
            var template = sqlite ? $"'{templateId.ToString().ToUpperInvariant()}'" : $"'{templateId}'::uuid";
            var numbers = sqlite
                ? $"(WITH RECURSIVE seq(i) AS (SELECT {next + 1} UNION ALL SELECT i + 1 FROM seq WHERE i < {next + n}) SELECT i FROM seq)"
                : $"(SELECT generate_series({next + 1}, {next + n}) AS i)";
            await using var insert = connection.CreateCommand();
            insert.CommandText = $"""
                INSERT INTO "Dossiers" ({string.Join(", ", columns.Select(c => $"\"{c}\""))})
                SELECT {select} FROM {numbers} AS seq, "Dossiers" t WHERE t."Id" = {template}
                """;
            insert.CommandTimeout = 0;
            await insert.ExecuteNonQueryAsync();
            next += n;
        }

        await using var cleanup = connection.CreateCommand();
        cleanup.CommandText = $"""UPDATE "Dossiers" SET "NextSlaCheckAt" = NULL WHERE "Code" = 'TEMPLATE'; ANALYZE;""";
        cleanup.CommandTimeout = 0;
        await cleanup.ExecuteNonQueryAsync();
    }

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
