using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using OneStop.Calendar;
using OneStop.Dossiers;
using OneStop.Jobs.Hosting;
using OneStop.Jobs.Notifications;
using OneStop.Jobs.Sla;
using OneStop.Persistence;
using OneStop.Sla;
using OneStop.Tests.Persistence;

namespace OneStop.Tests.Worker;

/// <summary>
/// Two worker processes (two hosts, each a Hangfire server) on one PostgreSQL database and job storage work
/// through a backlog together. The 10,000-dossier figure is for the benchmark; 2,000 keep this test
/// under a minute on the CI machine.
/// </summary>
[Collection("postgres")]
public sealed class ScaleOutTests(PostgresCluster cluster)
{
    private const int Backlog = 2_000;

    // The workers' warnings and errors (Hangfire's fetch and execution retries among them), shown when jobs stall.
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _log = new();

    [PostgresFact]
    public async Task TwoWorkers_OneBacklog_RecordEveryTransitionAndNoticeExactlyOnce()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        using var api = new WorkerApiFactory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["Database:MigrateAtStart"] = "true",
            ["ConnectionStrings:OneStop"] = connectionString,
        });
        await api.SeedAsync(Backlog);
        api.MoveClockTo(2025, 3, 10, 10, 0);

        using var first = await StartWorkerAsync(connectionString, api.Clock);
        using var second = await StartWorkerAsync(connectionString, api.Clock);
        await RunEverywhereAsync<SlaCheckJob>([first, second], job => job.RunAsync(CancellationToken.None));
        await RunEverywhereAsync<OutboxDispatchJob>([first, second], job => job.RunAsync(CancellationToken.None));

        var moves = await api.WithDbAsync(db => db.DossierEvents.Where(e => e.Kind == DossierEventKind.SlaStateChanged)
            .GroupBy(e => e.DossierId).Select(g => g.Count()).ToListAsync());
        Assert.Equal(Backlog, moves.Count);
        Assert.All(moves, count => Assert.Equal(2, count));
        Assert.Equal(Backlog, await api.WithDbAsync(db => db.Dossiers.CountAsync(d => d.SlaState == SlaState.Overdue)));

        var notices = await api.WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());
        Assert.Equal(notices.Count, notices.Select(n => (n.DossierId, n.Kind, n.Threshold)).Distinct().Count());
        Assert.Single(notices.GroupBy(n => n.DossierId).Select(g => g.Count()).Distinct());
        Assert.All(notices, n => Assert.Equal(1, n.Attempts));
        Assert.All(notices, n => Assert.NotNull(n.SentAt));

        await first.StopAsync();
        await second.StopAsync();
    }

    // Enqueues the job three times on each worker and waits for all six to finish.
    private async Task RunEverywhereAsync<T>(IHost[] workers, System.Linq.Expressions.Expression<Func<T, Task>> call)
    {
        var ids = new List<string>();
        for (var round = 0; round < 3; round++)
        {
            ids.AddRange(workers.Select(w => w.Services.GetRequiredService<IBackgroundJobClient>().Enqueue(call)));
        }

        var storage = workers[0].Services.GetRequiredService<JobStorage>();
        var deadline = Task.Delay(TimeSpan.FromSeconds(240));
        while (true)
        {
            using var connection = storage.GetConnection();
            var states = ids.Select(id => connection.GetStateData(id)?.Name).ToList();
            Assert.DoesNotContain("Failed", states);
            if (states.All(s => s == "Succeeded"))
            {
                return;
            }

            Assert.False(deadline.IsCompleted, "The jobs did not finish in 240 s: " + string.Join(", ", states) + Environment.NewLine + string.Join(Environment.NewLine, _log.TakeLast(40)));
            await Task.Delay(200);
        }
    }

    private async Task<IHost> StartWorkerAsync(string clusterConnectionString, IClock clock)
    {
        // The cluster's strings turn pooling off (so that test databases drop cleanly); a worker pools, as in production.
        var connectionString = new Npgsql.NpgsqlConnectionStringBuilder(clusterConnectionString) { Pooling = true }.ConnectionString;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Jobs:WorkerCount"] = "3",
            ["Sla:BatchSize"] = "200",
        });
        builder.Services.AddLogging(logging => logging.AddProvider(new QueueLogger(_log)));
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(new PersonalDataCipher(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()));
        builder.Services.AddSingleton(TestLedgerKeys.Ring);
        builder.Services.AddSingleton(new OneStop.Jobs.Ledger.CheckpointStore(Path.Combine(Path.GetTempPath(), "onestop-checkpoints-" + Guid.NewGuid().ToString("N"))));
        builder.Services.AddOneStopDatabase(DatabaseProvider.PostgreSql, connectionString);
        builder.Services.AddOptions<OfficeHoursOptions>();
        builder.Services.AddSingleton(_ => new WorkingCalendarProvider(CalendarNoticeFile.LoadSeed()));
        builder.Services.AddOneStopJobs(builder.Configuration, DatabaseProvider.PostgreSql, connectionString);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private sealed class QueueLogger(System.Collections.Concurrent.ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel}: {formatter(state, exception)} {exception?.GetType().Name}: {exception?.Message}");

        public void Dispose()
        {
        }
    }
}
