using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using NodaTime;

namespace OneStop.Calendar;

/// <summary>
/// Cumulative working days per date over 1900–2199, so that adding and measuring working days is two array
/// reads rather than a walk over days. Immutable and thread-safe.
/// </summary>
/// <remarks>About 110,000 days: two <c>int</c> arrays, under 1 MB together.</remarks>
public sealed class WorkingTimeIndex
{
    // _workingBefore[i]: working days strictly before day i; length Count + 1.
    private readonly int[] _workingBefore;

    // _workingDay[k]: the day index of the k-th working day (0-based).
    private readonly int[] _workingDay;

    // _provisional[i]: 1 when day i's year is provisional (not every holiday period has its notice).
    private readonly byte[] _provisional;

    // _yearStatus[y - 1900]: the status of each year.
    private readonly CalendarStatus[] _yearStatus;

    internal WorkingTimeIndex(DayKind[] kinds, CalendarStatus[] yearStatus)
    {
        _yearStatus = yearStatus;
        _provisional = new byte[kinds.Length];
        for (var i = 0; i < kinds.Length; i++)
        {
            _provisional[i] = yearStatus[DayIndex.YearOf(i) - WorkingCalendar.MinDate.Year] == CalendarStatus.Provisional ? (byte)1 : (byte)0;
        }

        _workingBefore = new int[kinds.Length + 1];
        var working = new List<int>(kinds.Length * 5 / 7);
        for (var i = 0; i < kinds.Length; i++)
        {
            var isWorking = kinds[i].IsWorking();
            _workingBefore[i + 1] = _workingBefore[i] + (isWorking ? 1 : 0);
            if (isWorking)
            {
                working.Add(i);
            }
        }

        _workingDay = working.ToArray();
    }

    /// <summary>Bytes held by the index's arrays.</summary>
    public long SizeInBytes => ((_workingBefore.LongLength + _workingDay.LongLength) * sizeof(int)) + _provisional.LongLength;

    /// <summary>Working days in [<paramref name="from"/>, <paramref name="to"/>); negative when reversed.</summary>
    public int WorkingDaysBetween(LocalDate from, LocalDate to) =>
        _workingBefore[DayIndex.Of(to)] - _workingBefore[DayIndex.Of(from)];

    /// <summary>
    /// The <paramref name="days"/>-th working day after <paramref name="date"/> (which need not be one);
    /// 0 gives the first working day on or after it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The result would fall after 2199.</exception>
    public LocalDate AddWorkingDays(LocalDate date, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        // The working days before a date are also the ordinal of the first working day on or after it.
        return DayIndex.ToDate(WorkingDayAt(_workingBefore[DayIndex.Of(date)] + days));
    }

    /// <summary>
    /// Provisional when any year from the first day's to the last day's is: two byte reads for spans within a
    /// year or two adjacent years, a walk over the years in between otherwise.
    /// </summary>
    internal CalendarStatus StatusBetween(int firstDay, int lastDay)
    {
        if ((_provisional[firstDay] | _provisional[lastDay]) != 0)
        {
            return CalendarStatus.Provisional;
        }

        if (lastDay - firstDay <= 366)
        {
            return CalendarStatus.Official;
        }

        for (var year = DayIndex.YearOf(firstDay) + 1; year < DayIndex.YearOf(lastDay); year++)
        {
            if (_yearStatus[year - WorkingCalendar.MinDate.Year] == CalendarStatus.Provisional)
            {
                return CalendarStatus.Provisional;
            }
        }

        return CalendarStatus.Official;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool IsWorking(int day) => _workingBefore[day + 1] != _workingBefore[day];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int WorkingBefore(int day) => _workingBefore[day];

    /// <summary>The day index of the working day with a 0-based ordinal.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int WorkingDayAt(int ordinal)
    {
        if ((uint)ordinal >= (uint)_workingDay.Length)
        {
            ThrowOutsideCalendar();
        }

        return _workingDay[ordinal];
    }

    // Kept out of line so that the lookups above stay small enough to inline.
    [DoesNotReturn]
    private static void ThrowOutsideCalendar() =>
        throw new ArgumentOutOfRangeException("ordinal", "The result falls outside the working calendar (1900–2199).");

    /// <summary>The first working day strictly after a day.</summary>
    internal int NextWorkingDay(int day) => WorkingDayAt(_workingBefore[day + 1]);
}
