using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Calendar;
using OneStop.Persistence;

namespace OneStop.Jobs.Calendar;

/// <summary>
/// Keeps a process's calendar in step with the notices stored in the database: when the stored set differs from
/// the one last loaded, the calendar is rebuilt, which raises <see cref="WorkingCalendarProvider.Changed"/> (and,
/// where the jobs run, queues a restatement). A singleton: it remembers the set it loaded. Every rebuild from the
/// database goes through here (start, a notice stored by this instance, <see cref="CalendarPolling"/>, the
/// recurring job), so that one change rebuilds a process's calendar once.
/// </summary>
public sealed class CalendarRefreshJob(IServiceScopeFactory scopes, WorkingCalendarProvider calendars)
{
    private readonly Lock _gate = new();
    private string? _loaded;
    private int _revision = -1;

    /// <summary>
    /// The stored notices' revision: their row count. Notices are append-only (a correction is a new row, no row
    /// is changed or deleted), so every change raises the count, and counting is one cheap query.
    /// </summary>
    public static Task<int> RevisionAsync(OneStopDbContext db, CancellationToken cancellationToken) =>
        db.CalendarNotices.CountAsync(cancellationToken);

    /// <summary>Reloads the calendar when the stored revision differs from the one loaded; returns whether it was rebuilt.</summary>
    public async Task<bool> PollAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var revision = await RevisionAsync(scope.ServiceProvider.GetRequiredService<OneStopDbContext>(), cancellationToken);
        lock (_gate)
        {
            if (revision == _revision)
            {
                return false;
            }
        }

        return await RunAsync(cancellationToken);
    }

    /// <summary>Reads every stored notice and rebuilds when the set differs from the one loaded; returns whether it was rebuilt.</summary>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var records = await db.CalendarNotices.AsNoTracking().ToListAsync(cancellationToken);
        var fingerprint = string.Join('|', records.OrderBy(r => r.Key, StringComparer.Ordinal).ThenBy(r => r.Revision).Select(r => r.Id));
        lock (_gate)
        {
            _revision = records.Count;
            if (fingerprint == _loaded)
            {
                return false;
            }

            _loaded = fingerprint;

            // Under the lock, so that two refreshes that both saw a change cannot install their calendars out of order.
            calendars.Rebuild(records);
        }

        return true;
    }
}
