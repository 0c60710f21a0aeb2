using Hangfire;
using Microsoft.Extensions.Hosting;
using OneStop.Calendar;

namespace OneStop.Jobs.Calendar;

/// <summary>Queues a restatement whenever the calendar in force is rebuilt (a notice added or corrected).</summary>
public sealed class CalendarChangeListener(WorkingCalendarProvider calendars, IBackgroundJobClient jobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        calendars.Changed += OnChanged;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        calendars.Changed -= OnChanged;
        return Task.CompletedTask;
    }

    private void OnChanged(object? sender, WorkingCalendarChangedEventArgs e) =>
        jobs.Enqueue<RestatementJob>(job => job.RunAsync(CancellationToken.None));
}
