using NodaTime;
using OneStop.Calendar;

namespace OneStop.Deadlines;

/// <summary>
/// Turns an acceptance instant and a processing time into a deadline, and measures working time, against one
/// <see cref="WorkingCalendar"/>. Every operation is a handful of array reads (no walk over days). Thread-safe.
/// </summary>
/// <remarks>
/// <para>Domain rule 3 (Decree 61/2018 art. 18 for dossiers accepted before 1 July 2025; Decree 118/2025 art. 18(2)
/// as amended by Decree 309/2026 art. 9 after; a procedure may set its own cut-off, <see cref="CutOffRule"/>): counting starts at acceptance when that is inside a session
/// of a working day and not after the cut-off; otherwise at the start of the next session that is (the first
/// session of the next working day after the cut-off or on a non-working day). The cut-off itself is still in
/// time: 15:00:00 counts from that day, 15:00:01 does not.</para>
/// <para>Instants are counted to the second; fractions of a second are dropped.</para>
/// </remarks>
public sealed class DeadlineCalculator(WorkingCalendar calendar)
{
    private const int SecondsPerCalendarDay = 86_400;

    /// <summary>The calendar this calculator counts against.</summary>
    public WorkingCalendar Calendar { get; } = calendar ?? throw new ArgumentNullException(nameof(calendar));

    /// <summary>The deadline of a dossier accepted at <paramref name="acceptedAt"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A bad processing time, or a date outside 1900–2199.</exception>
    /// <remarks>
    /// Counting positions are (working-day ordinal, working seconds into that day). The counting start and the
    /// usual units are computed without branches on the acceptance time, so random inputs cost what sorted ones do.
    /// </remarks>
    public Deadline Compute(Instant acceptedAt, ProcessingTime time, OfficeHours hours, CountingMode mode)
    {
        ArgumentNullException.ThrowIfNull(hours);
        time.Validate();
        var index = Calendar.Index;
        var (startDay, startOrdinal, startWorked) = CountingStart(LocalDayOf(acceptedAt, nameof(acceptedAt)), hours);
        var startSecond = hours.SecondWhenResumed(startWorked);
        var perDay = hours.SecondsPerDay;
        int dueDay;
        int dueSecond;

        switch (time.Unit)
        {
            case DurationUnit.WorkingDays when mode == CountingMode.WorkingHours:
                if (time.Amount == 0)
                {
                    (dueDay, dueSecond) = (startDay, startSecond);
                    break;
                }

                // N whole days of session time: the same point of the day N working days on, so no division.
                // From a day's start that point is the close of the (N-1)-th day after.
                var fromDayStart = BranchFree.Less(startWorked, 1);
                dueDay = index.WorkingDayAt(startOrdinal + time.Amount - fromDayStart);
                dueSecond = hours.SecondWhenWorked(BranchFree.Choose(fromDayStart, perDay, startWorked));
                break;

            case DurationUnit.WorkingHours:
                var add = time.Amount * 3600L;
                if (add == 0)
                {
                    (dueDay, dueSecond) = (startDay, startSecond);
                    break;
                }

                var target = (long)startOrdinal * perDay + startWorked + add;
                var lastOrdinal = (target - 1) / perDay;
                dueDay = index.WorkingDayAt(checked((int)lastOrdinal));
                dueSecond = hours.SecondWhenWorked((int)(target - lastOrdinal * perDay));
                break;

            case DurationUnit.WorkingDays:
                // Civil Code art. 147: the counting day is day 0; the period ends with the N-th working day after.
                (dueDay, dueSecond) = (index.WorkingDayAt(startOrdinal + time.Amount), hours.LastSessionEnd);
                break;

            case DurationUnit.SameDay:
                (dueDay, dueSecond) = (startDay, hours.LastSessionEnd);
                break;

            default:
                // Calendar days: the end of counting day + N, moved to the next working day when it is not one.
                var end = (long)startDay + time.Amount;
                if (end >= DayIndex.Count)
                {
                    throw new ArgumentOutOfRangeException(nameof(time), time, "The result falls outside the working calendar (1900–2199).");
                }

                (dueDay, dueSecond) = (index.FirstWorkingDayFrom((int)end), hours.LastSessionEnd);
                break;
        }

        return new Deadline(
            FromLocalSecond(startDay, startSecond),
            FromLocalSecond(dueDay, dueSecond),
            index.StatusBetween(startDay, dueDay));
    }

    /// <summary>
    /// Working time from <paramref name="from"/> to <paramref name="to"/>: time inside sessions of working days.
    /// Negative when <paramref name="to"/> is earlier (how early a step finished).
    /// </summary>
    public WorkingDuration WorkingTimeBetween(Instant from, Instant to, OfficeHours hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        return new WorkingDuration(PositionOf(LocalDayOf(to, nameof(to)), hours) - PositionOf(LocalDayOf(from, nameof(from)), hours), hours.SecondsPerDay);
    }

    /// <summary>
    /// The instant at which <paramref name="workingSeconds"/> of working time have passed after
    /// <paramref name="from"/> (for step budgets). From a moment outside sessions, time starts at the next session.
    /// </summary>
    public Instant AddWorkingTime(Instant from, long workingSeconds, OfficeHours hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentOutOfRangeException.ThrowIfNegative(workingSeconds);
        var position = PositionOf(LocalDayOf(from, nameof(from)), hours);
        if (workingSeconds == 0)
        {
            return from;
        }

        var target = position + workingSeconds;
        var lastOrdinal = (target - 1) / hours.SecondsPerDay;
        return FromLocalSecond(
            Calendar.Index.WorkingDayAt(checked((int)lastOrdinal)),
            hours.SecondWhenWorked((int)(target - lastOrdinal * hours.SecondsPerDay)));
    }

    /// <summary>
    /// Where counting starts, as its day, the day's working-day ordinal and the working seconds into it: acceptance
    /// itself when it is on a working day, not after the cut-off and before the day's last session ends; otherwise
    /// the start of the first working day after (0 seconds in). A time between sessions gives the next session's start.
    /// </summary>
    private (int Day, int Ordinal, int Worked) CountingStart((int Day, int Second) accepted, OfficeHours hours)
    {
        var (day, second) = accepted;
        var index = Calendar.Index;
        var worked = hours.WorkedBefore(second);
        var isWorking = index.WorkingFlag(day);
        var today = isWorking & BranchFree.LessOrEqual(second, hours.CutOffSecond) & BranchFree.Less(worked, hours.SecondsPerDay);

        // The working days before a day are the ordinal of the first working day on or after it.
        var ordinal = index.WorkingBefore(day) + (isWorking & (today ^ 1));
        return (index.FirstWorkingDayFrom(day + (today ^ 1)), ordinal, worked & -today);
    }

    // Working seconds from the calendar's first day to a local time: the working days before it, then the day's own.
    private long PositionOf((int Day, int Second) local, OfficeHours hours)
    {
        var index = Calendar.Index;
        var worked = index.IsWorking(local.Day) ? hours.WorkedBefore(local.Second) : 0;
        return (long)index.WorkingBefore(local.Day) * hours.SecondsPerDay + worked;
    }

    // The office local day and second of the day of an instant, which must fall inside the calendar.
    private static (int Day, int Second) LocalDayOf(Instant instant, string name)
    {
        var (day, second) = OfficeTime.ToLocalDay(instant);
        if ((ulong)day >= (ulong)DayIndex.Count)
        {
            throw new ArgumentOutOfRangeException(name, instant, "The working calendar covers 1900-01-01 to 2199-12-31.");
        }

        return ((int)day, second);
    }

    private static Instant FromLocalSecond(int day, int second) =>
        OfficeTime.FromLocalSecond((long)day * SecondsPerCalendarDay + second);
}
