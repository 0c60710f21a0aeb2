using NodaTime;

namespace OneStop.Calendar;

/// <summary>Dates as day numbers from <see cref="WorkingCalendar.MinDate"/>: the arrays' subscript.</summary>
/// <remarks>
/// Conversions go through small tables (the first day of each year, the month and day of each day of the year)
/// rather than calendar arithmetic: they sit on the deadline engine's hot path.
/// </remarks>
internal static class DayIndex
{
    /// <summary>1900-01-01 is this many days before 1970-01-01.</summary>
    internal const int UnixEpochIndex = 25567;

    private static readonly int MinYear = WorkingCalendar.MinDate.Year;
    private static readonly int MaxYear = WorkingCalendar.MaxDate.Year;

    /// <summary>Number of days in 1900-01-01..2199-12-31.</summary>
    internal static readonly int Count;

    // YearStart[y - 1900]: the day index of 1 January of year y, for y in 1900..2200.
    private static readonly int[] YearStart;

    // MonthDay[leap * 366 + dayOfYear - 1]: month * 32 + day of that day of the year.
    private static readonly short[] MonthDay;

    // DaysBeforeMonth[leap * 13 + month]: days of the year before the first of the month.
    private static readonly short[] DaysBeforeMonth;

    static DayIndex()
    {
        YearStart = new int[MaxYear - MinYear + 2];
        for (var y = MinYear + 1; y <= MaxYear + 1; y++)
        {
            YearStart[y - MinYear] = YearStart[y - MinYear - 1] + (DateTime.IsLeapYear(y - 1) ? 366 : 365);
        }

        Count = YearStart[^1];
        MonthDay = new short[2 * 366];
        DaysBeforeMonth = new short[2 * 13];
        foreach (var (leap, year) in new[] { (0, 2001), (1, 2000) })
        {
            var date = new LocalDate(year, 1, 1);
            for (var i = 0; date.Year == year; i++, date = date.PlusDays(1))
            {
                MonthDay[(leap * 366) + i] = (short)((date.Month * 32) + date.Day);
                if (date.Day == 1)
                {
                    DaysBeforeMonth[(leap * 13) + date.Month] = (short)i;
                }
            }
        }
    }

    /// <exception cref="ArgumentOutOfRangeException">The date is outside 1900–2199.</exception>
    internal static int Of(LocalDate date)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            date = date.WithCalendar(CalendarSystem.Iso);
        }

        var offset = date.Year - MinYear;
        if ((uint)offset > MaxYear - MinYear)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, "The working calendar covers 1900-01-01 to 2199-12-31.");
        }

        return YearStart[offset] + DaysBeforeMonth[(Leap(offset) * 13) + date.Month] + date.Day - 1;
    }

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

        return MinYear + offset;
    }

    internal static LocalDate ToDate(int index)
    {
        var year = YearOf(index);
        var offset = year - MinYear;
        var monthDay = MonthDay[(Leap(offset) * 366) + index - YearStart[offset]];
        return new LocalDate(year, monthDay >> 5, monthDay & 31);
    }

    // 1 for a leap year, 0 otherwise, from the year-start table (y - 1900 = offset).
    private static int Leap(int offset) => YearStart[offset + 1] - YearStart[offset] - 365;
}
