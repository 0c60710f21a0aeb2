using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Calendar;
using OneStop.Persistence;

namespace OneStop.Jobs.Calendar;

/// <summary>
/// Keeps a worker process's calendar in step with the notices stored by the API: when the stored set differs
/// from the one last loaded, the calendar is rebuilt, which raises <see cref="WorkingCalendarProvider.Changed"/>
/// and so queues a restatement. A singleton: it remembers the set it loaded.
/// </summary>
public sealed class CalendarRefreshJob(IServiceScopeFactory scopes, WorkingCalendarProvider calendars)
{
    private readonly Lock _gate = new();
    private string? _loaded;

    /// <summary>Returns whether the calendar was rebuilt.</summary>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var records = await db.CalendarNotices.AsNoTracking().ToListAsync(cancellationToken);
        var fingerprint = string.Join('|', records.OrderBy(r => r.Key, StringComparer.Ordinal).ThenBy(r => r.Revision).Select(r => r.Id));
        lock (_gate)
        {
            if (fingerprint == _loaded)
            {
                return false;
            }

            _loaded = fingerprint;
        }

        calendars.Rebuild(records);
        return true;
    }
}
