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

    internal static LocalDate ToDate(int index) => LocalDate.FromDateOnly(DateOnly.FromDayNumber(MinDayNumber + index));
}
