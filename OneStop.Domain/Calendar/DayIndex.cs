using NodaTime;

namespace OneStop.Calendar;

/// <summary>Dates as day numbers from <see cref="WorkingCalendar.MinDate"/>: the arrays' subscript.</summary>
internal static class DayIndex
{
    /// <summary>1900-01-01 is this many days before 1970-01-01.</summary>
    internal const int UnixEpochIndex = 25567;

    private static readonly int MinDayNumber = WorkingCalendar.MinDate.ToDateOnly().DayNumber;

    /// <summary>Number of days in 1900-01-01..2199-12-31.</summary>
    internal static readonly int Count = WorkingCalendar.MaxDate.ToDateOnly().DayNumber - MinDayNumber + 1;

    /// <exception cref="ArgumentOutOfRangeException">The date is outside 1900–2199.</exception>
    internal static int Of(LocalDate date)
    {
        var index = date.ToDateOnly().DayNumber - MinDayNumber;
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, "The working calendar covers 1900-01-01 to 2199-12-31.");
        }

        return index;
    }

    // YearStart[y - 1900]: the day index of 1 January of year y, for y in 1900..2200.
    private static readonly int[] YearStart = Enumerable.Range(WorkingCalendar.MinDate.Year, WorkingCalendar.MaxDate.Year - WorkingCalendar.MinDate.Year + 2)
        .Select(y => new LocalDate(y, 1, 1).ToDateOnly().DayNumber - MinDayNumber)
        .ToArray();

    /// <summary>The year of a day index, without building a date: an estimate corrected by the year-start table.</summary>
    internal static int YearOf(int index)
    {
        var offset = (int)(index * 400L / 146_097);
        if (offset + 1 < YearStart.Length && YearStart[offset + 1] <= index)
        {
            offset++;
        }
        else if (YearStart[offset] > index)
        {
            offset--;
        }

        return WorkingCalendar.MinDate.Year + offset;
    }

    internal static LocalDate ToDate(int index) => LocalDate.FromDateOnly(DateOnly.FromDayNumber(MinDayNumber + index));
}
