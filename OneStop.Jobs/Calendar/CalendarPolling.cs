using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OneStop.Jobs.Calendar;

/// <summary>
/// Section <c>Calendar</c>: how often each process (every API instance, every worker) asks the database whether
/// the calendar notices changed. A notice stored through one instance is in force on every other within
/// <see cref="PollSeconds"/> plus one query and a rebuild (about 2 ms).
/// </summary>
public sealed class CalendarPollingOptions
{
    public const string Section = "Calendar";

    /// <summary>Seconds between two polls; 0 turns polling off (a single instance, or tests that refresh by hand).</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 3600)]
    public int PollSeconds { get; set; } = 5;
}

/// <summary>
/// Polls the calendar notices' revision (<see cref="CalendarRefreshJob.PollAsync"/>) on a timer, so that a day off
/// or a correction entered on one instance reaches every instance within a bounded time. Polling works alike on
/// SQLite, PostgreSQL and SQL Server; the query is a row count over a table of a few dozen rows. A failed poll
/// (database unreachable) is logged and the next one tries again.
/// </summary>
public sealed class CalendarPolling(CalendarRefreshJob refresh, IOptions<CalendarPollingOptions> options, ILogger<CalendarPolling> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = options.Value.PollSeconds;
        if (seconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await refresh.PollAsync(stoppingToken))
                {
                    logger.LogInformation("Calendar notices changed in the database: the working calendar was rebuilt.");
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Polling the calendar notices failed; trying again in {Seconds} s.", seconds);
            }
        }
    }
}
