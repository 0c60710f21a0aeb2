namespace OneStop.Calendar;

/// <summary>
/// Holds the current <see cref="WorkingCalendar"/> and swaps in a rebuilt one when notices change. Readers take
/// <see cref="Current"/> once per operation and keep a consistent calendar even while a rebuild happens.
/// </summary>
public sealed class WorkingCalendarProvider
{
    private volatile WorkingCalendar _current;

    /// <summary>Starts with a calendar built from the given notices.</summary>
    public WorkingCalendarProvider(IEnumerable<CalendarNotice> notices) => _current = WorkingCalendar.Build(notices);

    /// <summary>The calendar in force.</summary>
    public WorkingCalendar Current => _current;

    /// <summary>Raised after a rebuild with the calendars before and after.</summary>
    public event EventHandler<WorkingCalendarChangedEventArgs>? Changed;

    /// <summary>Rebuilds from a full set of notices and makes it current.</summary>
    public WorkingCalendar Rebuild(IEnumerable<CalendarNotice> notices) => Rebuild(notices, WorkingCalendar.SeedRevision);

    /// <summary>Rebuilds from the stored notice records, with their revision (<see cref="CalendarNoticeRecord.RevisionOf"/>).</summary>
    public WorkingCalendar Rebuild(IReadOnlyCollection<CalendarNoticeRecord> records) =>
        Rebuild(CalendarNoticeRecord.InForce(records), CalendarNoticeRecord.RevisionOf(records));

    /// <summary>Rebuilds from a full set of notices known as <paramref name="revision"/> and makes it current.</summary>
    public WorkingCalendar Rebuild(IEnumerable<CalendarNotice> notices, string revision)
    {
        var rebuilt = WorkingCalendar.Build(notices, revision);
        var before = Interlocked.Exchange(ref _current, rebuilt);
        Changed?.Invoke(this, new WorkingCalendarChangedEventArgs(before, rebuilt));
        return rebuilt;
    }
}

/// <summary>The calendars before and after a rebuild.</summary>
public sealed class WorkingCalendarChangedEventArgs(WorkingCalendar before, WorkingCalendar after) : EventArgs
{
    /// <summary>The calendar that was current.</summary>
    public WorkingCalendar Before { get; } = before;

    /// <summary>The calendar now current.</summary>
    public WorkingCalendar After { get; } = after;
}
