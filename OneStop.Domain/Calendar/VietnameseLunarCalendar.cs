using System.Globalization;
using NodaTime;

namespace OneStop.Calendar;

/// <summary>
/// Vietnam's lunisolar calendar (âm lịch), by Hồ Ngọc Đức's astronomical algorithm at UTC+7.
/// </summary>
/// <remarks>
/// <para>
/// A month starts on the local day of the new moon. Month 11 contains the winter solstice. When
/// 13 new moons begin between two months 11, the leap month is the first month after month 11
/// that contains no major solar term; it takes the number of the month before it.
/// </para>
/// <para>
/// This is not .NET's <c>ChineseLunisolarCalendar</c>, which computes at UTC+8: the two
/// disagree in some years (Tết 2007 is 17 February in Vietnam, 18 February in China; in 1985 the
/// leap month differs and Tết is 21 January in Vietnam, 20 February in China).
/// </para>
/// <para>
/// Supported: every ISO date from <see cref="MinDate"/> to <see cref="MaxDate"/> inclusive, and
/// the lunar dates that fall in it. Month starts are computed once, on first use, into a table;
/// conversions are then a binary search or a lookup. All members are thread-safe.
/// </para>
/// </remarks>
public static class VietnameseLunarCalendar
{
    /// <summary>Vietnam's civil time zone in hours; the calendar has used it since 1968.</summary>
    private const double TimeZone = 7.0;

    /// <summary>First Gregorian year whose month-11 start opens the table (before <see cref="MinDate"/>).</summary>
    private const int FirstSpanYear = 1898;

    /// <summary>Last Gregorian year whose month-11 start is in the table (after <see cref="MaxDate"/>).</summary>
    private const int LastSpanYear = 2200;

    /// <summary>First lunar year whose Tết is in range.</summary>
    private const int MinLunarYear = 1900;

    /// <summary>Last lunar year whose Tết is in range.</summary>
    private const int MaxLunarYear = 2199;

    /// <summary>The earliest supported date, 1900-01-01 (lunar 1/12/1899).</summary>
    public static LocalDate MinDate => new(1900, 1, 1);

    /// <summary>The latest supported date, 2199-12-31.</summary>
    public static LocalDate MaxDate => new(2199, 12, 31);

    /// <summary>Converts an ISO date to its Vietnamese lunar date.</summary>
    /// <param name="date">The date; one in another calendar system is first converted to ISO.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is before <see cref="MinDate"/> or after <see cref="MaxDate"/>.</exception>
    public static LunarDate ToLunar(LocalDate date)
    {
        var iso = date.WithCalendar(CalendarSystem.Iso);
        if (iso < MinDate || iso > MaxDate)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, OutOfRangeMessage);
        }

        var dayNumber = LunarAstronomy.JulianDayNumber(iso.Year, iso.Month, iso.Day);
        var index = Array.BinarySearch(MonthTable.Starts, dayNumber);
        if (index < 0)
        {
            index = ~index - 1;
        }

        var label = MonthTable.Labels[index];
        return new LunarDate(LabelYear(label), LabelMonth(label), dayNumber - MonthTable.Starts[index] + 1, LabelIsLeap(label));
    }

    /// <summary>Converts a Vietnamese lunar date to its ISO date.</summary>
    /// <param name="lunarYear">The lunar year (see <see cref="LunarDate.Year"/>).</param>
    /// <param name="lunarMonth">The month, 1..12.</param>
    /// <param name="lunarDay">The day, 1 to the length of that month (29 or 30).</param>
    /// <param name="isLeapMonth">True for the leap month that follows regular month <paramref name="lunarMonth"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The date does not exist (month outside 1..12, a leap month the year does not have, day 30 of
    /// a 29-day month), or it falls outside <see cref="MinDate"/>..<see cref="MaxDate"/>; the
    /// exception names the offending parameter (<paramref name="lunarYear"/> for the range).
    /// </exception>
    public static LocalDate ToSolar(int lunarYear, int lunarMonth, int lunarDay, bool isLeapMonth = false)
    {
        if (lunarYear < FirstSpanYear + 1 || lunarYear > LastSpanYear)
        {
            throw new ArgumentOutOfRangeException(nameof(lunarYear), lunarYear, OutOfRangeMessage);
        }

        if (lunarMonth is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(lunarMonth), lunarMonth, "A lunar month is numbered 1 to 12.");
        }

        var leapMonth = MonthTable.LeapMonths[lunarYear - MonthTable.FirstYear];
        if (isLeapMonth && leapMonth != lunarMonth)
        {
            throw new ArgumentOutOfRangeException(
                nameof(isLeapMonth),
                isLeapMonth,
                string.Create(CultureInfo.InvariantCulture, $"Lunar year {lunarYear} has no leap month {lunarMonth}."));
        }

        var index = MonthTable.YearStarts[lunarYear - MonthTable.FirstYear] + lunarMonth - 1;
        if (leapMonth != 0 && (lunarMonth > leapMonth || isLeapMonth))
        {
            index++;
        }

        var start = MonthTable.Starts[index];
        var length = MonthTable.Starts[index + 1] - start;
        if (lunarDay < 1 || lunarDay > length)
        {
            throw new ArgumentOutOfRangeException(
                nameof(lunarDay),
                lunarDay,
                string.Create(CultureInfo.InvariantCulture, $"Lunar month {lunarMonth}{(isLeapMonth ? " (leap)" : "")} of {lunarYear} has {length} days."));
        }

        var date = ToLocalDate(start + lunarDay - 1);
        if (date < MinDate || date > MaxDate)
        {
            throw new ArgumentOutOfRangeException(nameof(lunarYear), lunarYear, OutOfRangeMessage);
        }

        return date;
    }

    /// <summary>The leap month of a lunar year (it follows the regular month with that number), or null if the year has 12 months.</summary>
    /// <param name="lunarYear">The lunar year, 1900..2199.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lunarYear"/> is outside 1900..2199.</exception>
    public static int? LeapMonth(int lunarYear)
    {
        CheckLunarYear(lunarYear);
        var leapMonth = MonthTable.LeapMonths[lunarYear - MonthTable.FirstYear];
        return leapMonth == 0 ? null : leapMonth;
    }

    /// <summary>Tết Nguyên Đán: the ISO date of lunar 1/1 of <paramref name="lunarYear"/>.</summary>
    /// <param name="lunarYear">The lunar year, 1900..2199.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lunarYear"/> is outside 1900..2199.</exception>
    public static LocalDate NewYear(int lunarYear)
    {
        CheckLunarYear(lunarYear);
        return ToLocalDate(MonthTable.Starts[MonthTable.YearStarts[lunarYear - MonthTable.FirstYear]]);
    }

    private const string OutOfRangeMessage = "The Vietnamese lunar calendar is supported from 1900-01-01 to 2199-12-31.";

    private static void CheckLunarYear(int lunarYear)
    {
        if (lunarYear is < MinLunarYear or > MaxLunarYear)
        {
            throw new ArgumentOutOfRangeException(nameof(lunarYear), lunarYear, "Lunar years 1900 to 2199 are supported.");
        }
    }

    private static LocalDate ToLocalDate(int julianDayNumber)
    {
        var (year, month, day) = LunarAstronomy.GregorianDate(julianDayNumber);
        return new LocalDate(year, month, day);
    }

    // A month label packs year, month and leap flag in one int: (year << 5) | (month << 1) | leap.
    private static int Label(int year, int month, bool isLeap) => (year << 5) | (month << 1) | (isLeap ? 1 : 0);

    private static int LabelYear(int label) => label >> 5;

    private static int LabelMonth(int label) => (label >> 1) & 0xF;

    private static bool LabelIsLeap(int label) => (label & 1) != 0;

    /// <summary>
    /// Every lunar month from month 11 of 1898 to month 10 of 2201, built once on first use
    /// (the CLR runs a static constructor exactly once, thread-safely).
    /// </summary>
    private static class MonthTable
    {
        /// <summary>First lunar year whose months are all in the table.</summary>
        public const int FirstYear = FirstSpanYear + 1;

        /// <summary>Julian day number of each month's first day, plus one past the last month's end.</summary>
        public static readonly int[] Starts;

        /// <summary>Packed (year, month, leap) of each month; see <see cref="Label"/>.</summary>
        public static readonly int[] Labels;

        /// <summary>Per lunar year from <see cref="FirstYear"/>, the index of its month 1.</summary>
        public static readonly int[] YearStarts;

        /// <summary>Per lunar year from <see cref="FirstYear"/>, its leap month or 0.</summary>
        public static readonly byte[] LeapMonths;

        static MonthTable()
        {
            var starts = new List<int>(3800);
            var labels = new List<int>(3800);
            var yearCount = LastSpanYear - FirstYear + 1;
            var yearStarts = new int[yearCount];
            var leapMonths = new byte[yearCount];

            var month11 = LunarAstronomy.LunarMonth11(FirstSpanYear, TimeZone);
            for (var year = FirstSpanYear; year <= LastSpanYear; year++)
            {
                var nextMonth11 = LunarAstronomy.LunarMonth11(year + 1, TimeZone);
                var k = LunarAstronomy.NewMoonIndex(month11);

                // Offset from month 11 of the leap month; none when only 12 months fit.
                var leapOffset = nextMonth11 - month11 > 365 ? LunarAstronomy.LeapMonthOffset(month11, TimeZone) : int.MaxValue;
                var offset = 0;
                for (var start = month11; start < nextMonth11; start = LunarAstronomy.NewMoonDay(k + ++offset, TimeZone))
                {
                    var month = (offset < leapOffset ? offset + 11 : offset + 10) % 12;
                    month = month == 0 ? 12 : month;
                    var isLeap = offset == leapOffset;

                    // Months 11 and 12 (and a leap 11 or 12) end the lunar year that began before this solstice.
                    var lunarYear = month >= 11 && offset < 4 ? year : year + 1;
                    if (month == 1 && !isLeap && lunarYear >= FirstYear && lunarYear - FirstYear < yearCount)
                    {
                        yearStarts[lunarYear - FirstYear] = starts.Count;
                    }

                    if (isLeap && lunarYear >= FirstYear && lunarYear - FirstYear < yearCount)
                    {
                        leapMonths[lunarYear - FirstYear] = (byte)month;
                    }

                    starts.Add(start);
                    labels.Add(Label(lunarYear, month, isLeap));
                }

                if (offset is not (12 or 13) || LunarAstronomy.NewMoonDay(k + offset, TimeZone) != nextMonth11)
                {
                    throw new InvalidOperationException(
                        string.Create(CultureInfo.InvariantCulture, $"Lunar year table is inconsistent after month 11 of {year}."));
                }

                month11 = nextMonth11;
            }

            starts.Add(month11);
            Starts = [.. starts];
            Labels = [.. labels];
            YearStarts = yearStarts;
            LeapMonths = leapMonths;
        }
    }
}
