using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using OneStop.Calendar;
using OneStop.Jobs.Calendar;
using OneStop.Jobs.Hosting;
using OneStop.Persistence;

namespace OneStop.Tests.Worker;

/// <summary>
/// A worker process (its own calendar, as OneStop.Worker builds it) sees a notice stored through the API within
/// its poll interval, and queues a restatement for it; a poll that finds nothing new rebuilds nothing.
/// </summary>
public sealed class CalendarPollingTests : IDisposable
{
    private static readonly LocalDate DayOff = new(2025, 3, 5);
    private readonly string _file = Path.Combine(Path.GetTempPath(), "onestop-poll-" + Guid.NewGuid().ToString("N") + ".db");
    private readonly WorkerApiFactory _api;

    public CalendarPollingTests() => _api = new WorkerApiFactory(new Dictionary<string, string?> { ["ConnectionStrings:OneStop"] = $"Data Source={_file}" });

    [Fact]
    public async Task Worker_NoticeStoredThroughTheApi_RebuildsItsCalendarWithinThePollIntervalAndQueuesARestatement()
    {
        _ = _api.Server;
        using var worker = await StartWorkerAsync(pollSeconds: 1);
        var calendars = worker.Services.GetRequiredService<WorkingCalendarProvider>();
        var refresh = worker.Services.GetRequiredService<CalendarRefreshJob>();
        Assert.True(calendars.Current.IsWorkingDay(DayOff));
        Assert.False(await refresh.PollAsync(CancellationToken.None));

        var admin = await _api.ClientForAsync("admin");
        using var stored = await admin.PostAsJsonAsync("/api/admin/calendar/notices", new
        {
            key = "2025-worker-poll",
            year = 2025,
            covers = Array.Empty<string>(),
            documentNumber = "Thông báo thử nghiệm",
            name = "Ngày nghỉ thử nghiệm",
            daysOff = new[] { DayOff.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
            makeUpWorkingDays = Array.Empty<string>(),
        });
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);

        var clock = Stopwatch.StartNew();
        while (calendars.Current.IsWorkingDay(DayOff))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), "The worker's calendar did not follow the stored notice within 4 s (poll every 1 s).");
            await Task.Delay(20);
        }

        // The rebuilt calendar is published before the restatement is queued: wait (bounded) for the queue too.
        var monitoring = worker.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        while (monitoring.EnqueuedCount("default") == 0 && clock.Elapsed < TimeSpan.FromSeconds(8))
        {
            await Task.Delay(20);
        }

        Assert.Equal(1, monitoring.EnqueuedCount("default"));
        Assert.False(await refresh.PollAsync(CancellationToken.None));
        await worker.StopAsync();
    }

    public void Dispose()
    {
        _api.Dispose();
        File.Delete(_file);
    }

    private async Task<IHost> StartWorkerAsync(int pollSeconds)
    {
        var connectionString = $"Data Source={_file}";
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Jobs:RunServer"] = "false",
            ["Calendar:PollSeconds"] = pollSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.Services.AddLogging();
        builder.Services.AddSingleton<IClock>(_api.Clock);
        builder.Services.AddSingleton(new PersonalDataCipher(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()));
        builder.Services.AddSingleton(TestLedgerKeys.Ring);
        builder.Services.AddOneStopDatabase(DatabaseProvider.Sqlite, connectionString);
        builder.Services.AddOptions<OfficeHoursOptions>();
        builder.Services.AddSingleton(_ => new WorkingCalendarProvider(CalendarNoticeFile.LoadSeed()));
        builder.Services.AddOneStopJobs(builder.Configuration, DatabaseProvider.Sqlite, connectionString);
        builder.Services.AddCalendarPolling();
        var host = builder.Build();
        await host.Services.GetRequiredService<CalendarRefreshJob>().RunAsync(CancellationToken.None);
        await host.StartAsync();
        return host;
    }
}
