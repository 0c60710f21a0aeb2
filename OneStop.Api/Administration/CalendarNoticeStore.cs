using Microsoft.EntityFrameworkCore;
using NodaTime;
using OneStop.Calendar;
using OneStop.Dossiers;
using OneStop.Jobs.Calendar;
using OneStop.Persistence;

namespace OneStop.Api.Administration;

/// <summary>
/// Appends calendar notices (a key that exists gets its next revision; rows are never changed) and makes the
/// working calendar follow them.
/// </summary>
/// <remarks>
/// The hook for everything that depends on the calendar: <see cref="WorkingCalendarProvider.Rebuild(IReadOnlyCollection{CalendarNoticeRecord})"/> raises
/// <see cref="WorkingCalendarProvider.Changed"/> with the calendars before and after. The restatement of open
/// dossiers' deadlines (domain: a provisional year is restated when its notice is entered) subscribes there in
/// this process; other processes (API instances, workers) see the change as a new revision of the calendar notice
/// table within <c>Calendar:PollSeconds</c> (<see cref="CalendarPolling"/>).
/// </remarks>
public sealed class CalendarNoticeStore(OneStopDbContext db, WorkingCalendarProvider calendars, CalendarRefreshJob refresh, IClock clock)
{
    /// <summary>Every stored revision, by key then revision.</summary>
    public async Task<List<CalendarNoticeRecord>> HistoryAsync(CancellationToken cancellationToken) =>
        (await db.CalendarNotices.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(r => r.Key, StringComparer.Ordinal).ThenBy(r => r.Revision).ToList();

    /// <summary>The highest revision of each key.</summary>
    public static List<CalendarNoticeRecord> InForce(IEnumerable<CalendarNoticeRecord> history) =>
        history.GroupBy(r => r.Key, StringComparer.Ordinal).Select(g => g.MaxBy(r => r.Revision)!).ToList();

    /// <summary>
    /// Stores the notices that differ from the revision in force (all in one transaction), then rebuilds the
    /// calendar once. A notice identical to the one in force is left alone: re-importing a file is harmless.
    /// </summary>
    /// <exception cref="DossierRuleException"><c>calendar-notice-conflict</c>: another administrator stored a revision of the same key meanwhile.</exception>
    public async Task<NoticeChanges> AppendAsync(IReadOnlyList<CalendarNotice> notices, string recordedBy, CancellationToken cancellationToken)
    {
        var keys = notices.Select(n => n.Key).ToList();
        var current = InForce(await db.CalendarNotices.AsNoTracking().Where(r => keys.Contains(r.Key)).ToListAsync(cancellationToken))
            .ToDictionary(r => r.Key, StringComparer.Ordinal);
        var now = clock.GetCurrentInstant();
        var changes = new NoticeChanges();
        foreach (var notice in notices)
        {
            if (!current.TryGetValue(notice.Key, out var record))
            {
                var added = new CalendarNoticeRecord(notice, 1, now, recordedBy);
                db.CalendarNotices.Add(added);
                changes.Added.Add(added);
            }
            else if (!CalendarNoticeRules.SameAs(record.ToNotice(), notice))
            {
                var corrected = new CalendarNoticeRecord(notice, record.Revision + 1, now, recordedBy);
                db.CalendarNotices.Add(corrected);
                changes.Corrected.Add(corrected);
            }
            else
            {
                changes.Unchanged.Add(record);
            }
        }

        if (changes.Added.Count + changes.Corrected.Count == 0)
        {
            return changes;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new DossierRuleException("calendar-notice-conflict", "Another revision of this notice was stored at the same time; reload and try again.");
        }

        await RebuildAsync(cancellationToken);
        return changes;
    }

    /// <summary>Rebuilds the working calendar from the notices in force; raises <see cref="WorkingCalendarProvider.Changed"/>.</summary>
    public async Task<WorkingCalendar> RebuildAsync(CancellationToken cancellationToken)
    {
        await refresh.RunAsync(cancellationToken);
        return calendars.Current;
    }
}
