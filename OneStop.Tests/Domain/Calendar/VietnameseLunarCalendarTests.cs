using NodaTime;
using NodaTime.Text;
using OneStop.Calendar;

namespace OneStop.Tests.Domain.Calendar;

public class VietnameseLunarCalendarTests
{
    [Theory]
    [InlineData(1900, "1900-01-31")] // first Tết of the supported range
    [InlineData(1945, "1945-02-13")] // Tết Ất Dậu, the year of independence
    [InlineData(1968, "1968-01-29")] // Tết Mậu Thân: 29 Jan in Vietnam (UTC+7), 30 Jan in China
    [InlineData(1985, "1985-01-21")] // China says 20 Feb: at UTC+8 the leap month falls before Tết
    [InlineData(2000, "2000-02-05")] // ordinary year, no UTC+7/UTC+8 difference
    [InlineData(2007, "2007-02-17")] // China says 18 Feb: the new moon is before midnight at UTC+7 only
    [InlineData(2020, "2020-01-25")] // early Tết, in a year with a leap 4th month
    [InlineData(2023, "2023-01-22")] // Tết before a leap 2nd month
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")] // late Tết after the leap 6th month of 2025
    [InlineData(2027, "2027-02-06")]
    [InlineData(2030, "2030-02-02")] // China says 3 Feb
    [InlineData(2100, "2100-02-09")] // 2100 is not a Gregorian leap year
    public void NewYear_KnownYear_ReturnsTet(int lunarYear, string expected)
    {
        Assert.Equal(Date(expected), VietnameseLunarCalendar.NewYear(lunarYear));
        Assert.Equal(new LunarDate(lunarYear, 1, 1, false), VietnameseLunarCalendar.ToLunar(Date(expected)));
    }

    [Theory]
    [InlineData(1984, null)] // China's 1984 has a leap 10th month; Vietnam's has none...
    [InlineData(1985, 2)] // ...and puts it after Tết 1985 instead, hence Tết a month apart
    [InlineData(2004, 2)]
    [InlineData(2006, 7)]
    [InlineData(2009, 5)]
    [InlineData(2012, 4)]
    [InlineData(2014, 9)]
    [InlineData(2017, 6)]
    [InlineData(2020, 4)]
    [InlineData(2023, 2)]
    [InlineData(2024, null)] // a 12-month year
    [InlineData(2025, 6)]
    [InlineData(2026, null)]
    [InlineData(2031, 3)] // a leap 3rd month: Hùng Kings' day stays in the regular month
    [InlineData(2033, 11)] // the rare leap 11th month, in December 2033 but still lunar year 2033
    public void LeapMonth_KnownYear_ReturnsLeapMonth(int lunarYear, int? expected) =>
        Assert.Equal(expected, VietnameseLunarCalendar.LeapMonth(lunarYear));

    [Theory]
    [InlineData(2016, "2016-04-16")]
    [InlineData(2017, "2017-04-06")] // leap 6th month later in the year does not move it
    [InlineData(2018, "2018-04-25")]
    [InlineData(2019, "2019-04-14")]
    [InlineData(2020, "2020-04-02")] // leap 4th month follows it
    [InlineData(2021, "2021-04-21")]
    [InlineData(2022, "2022-04-10")]
    [InlineData(2023, "2023-04-29")] // the leap 2nd month pushes it to late April
    [InlineData(2024, "2024-04-18")]
    [InlineData(2025, "2025-04-07")]
    [InlineData(2026, "2026-04-26")]
    public void ToSolar_HungKingsDay_ReturnsOfficialHoliday(int lunarYear, string expected) =>
        Assert.Equal(Date(expected), VietnameseLunarCalendar.ToSolar(lunarYear, 3, 10));

    // Years with a leap 3rd month (computed by the algorithm; China has a leap 3rd month in the same years).
    // Domain rule: Hùng Kings' day is 10/3 of the regular month, never of the leap month.
    [Theory]
    [InlineData(1955, "1955-04-02", "1955-05-01")]
    [InlineData(1993, "1993-04-01", "1993-05-01")]
    [InlineData(2031, "2031-04-01", "2031-04-30")] // regular month 3 of 2031 has 29 days
    public void ToSolar_LeapThirdMonthYear_HungKingsDayIsInRegularMonth(int lunarYear, string regular, string leap)
    {
        Assert.Equal(3, VietnameseLunarCalendar.LeapMonth(lunarYear));
        var regularDay = VietnameseLunarCalendar.ToSolar(lunarYear, 3, 10);
        var leapDay = VietnameseLunarCalendar.ToSolar(lunarYear, 3, 10, isLeapMonth: true);
        Assert.Equal(Date(regular), regularDay);
        Assert.Equal(Date(leap), leapDay);

        // The leap month starts the day after the regular month ends: one lunar month later.
        var regularMonthLength = Period.DaysBetween(
            VietnameseLunarCalendar.ToSolar(lunarYear, 3, 1),
            VietnameseLunarCalendar.ToSolar(lunarYear, 3, 1, isLeapMonth: true));
        Assert.Equal(regularDay.PlusDays(regularMonthLength), leapDay);
        Assert.Equal(new LunarDate(lunarYear, 3, 10, false), VietnameseLunarCalendar.ToLunar(regularDay));
        Assert.Equal(new LunarDate(lunarYear, 3, 10, true), VietnameseLunarCalendar.ToLunar(leapDay));
    }

    [Theory]
    [InlineData("1900-01-01", 1899, 12, 1, false)] // MinDate: lunar year 1899 still runs
    [InlineData("1900-01-30", 1899, 12, 30, false)] // last day before Tết 1900, a 30-day month
    [InlineData("2007-02-16", 2006, 12, 29, false)] // Tết eve: the new moon is 23:14 on 17 Feb at UTC+7 but 00:14 on 18 Feb at UTC+8
    [InlineData("2023-03-22", 2023, 2, 1, true)] // first day of the leap 2nd month
    [InlineData("2024-04-08", 2024, 2, 30, false)] // the new moon at 01:21 UTC+7 on 9 Apr starts month 3 the next day
    [InlineData("2033-12-22", 2033, 11, 1, true)] // leap 11th month, after the Gregorian year has nearly ended
    [InlineData("2034-02-18", 2033, 12, 30, false)] // months 11 and 12 belong to the lunar year before Tết
    [InlineData("2199-12-31", 2199, 11, 14, false)] // MaxDate
    public void ToLunar_KnownDate_ReturnsLunarDate(string date, int year, int month, int day, bool isLeapMonth)
    {
        var expected = new LunarDate(year, month, day, isLeapMonth);
        Assert.Equal(expected, VietnameseLunarCalendar.ToLunar(Date(date)));
        Assert.Equal(Date(date), VietnameseLunarCalendar.ToSolar(year, month, day, isLeapMonth));
    }

    [Fact]
    public void ToSolar_EveryDateInRange_RoundTripsToLunar()
    {
        for (var date = VietnameseLunarCalendar.MinDate; date <= VietnameseLunarCalendar.MaxDate; date = date.PlusDays(1))
        {
            var lunar = VietnameseLunarCalendar.ToLunar(date);
            var back = VietnameseLunarCalendar.ToSolar(lunar.Year, lunar.Month, lunar.Day, lunar.IsLeapMonth);
            if (back != date)
            {
                Assert.Fail($"{date:uuuu-MM-dd} -> {lunar} -> {back:uuuu-MM-dd}");
            }
        }
    }

    [Fact]
    public void ToLunar_ConsecutiveDays_AdvanceByOneDayOrToNextMonth()
    {
        var monthsPerYear = new Dictionary<int, int>();
        var leapMonthsPerYear = new Dictionary<int, int>();
        var previous = VietnameseLunarCalendar.ToLunar(VietnameseLunarCalendar.MinDate);
        for (var date = VietnameseLunarCalendar.MinDate.PlusDays(1); date <= VietnameseLunarCalendar.MaxDate; date = date.PlusDays(1))
        {
            var current = VietnameseLunarCalendar.ToLunar(date);
            if (current.Day != 1)
            {
                if (current != previous with { Day = previous.Day + 1 } || current.Day > 30)
                {
                    Assert.Fail($"{date:uuuu-MM-dd}: {previous} -> {current}");
                }

                previous = current;
                continue;
            }

            // A new month: the previous one had 29 or 30 days, and the new one is the leap copy
            // of the previous month, or the next month number (month 1 starting a new year).
            var expectedIfRegular = previous.Month == 12
                ? new LunarDate(previous.Year + 1, 1, 1, false)
                : new LunarDate(previous.Year, previous.Month + 1, 1, false);
            var expectedIfLeap = new LunarDate(previous.Year, previous.Month, 1, true);
            var advanced = current == expectedIfRegular || (!previous.IsLeapMonth && current == expectedIfLeap);
            if (previous.Day is not (29 or 30) || !advanced)
            {
                Assert.Fail($"{date:uuuu-MM-dd}: {previous} -> {current}");
            }

            monthsPerYear[current.Year] = monthsPerYear.GetValueOrDefault(current.Year) + 1;
            if (current.IsLeapMonth)
            {
                leapMonthsPerYear[current.Year] = current.Month;
            }

            previous = current;
        }

        // Lunar years 1900..2198 lie wholly in range.
        for (var year = 1900; year <= 2198; year++)
        {
            var leapMonth = leapMonthsPerYear.TryGetValue(year, out var month) ? month : (int?)null;
            Assert.Equal(leapMonth is null ? 12 : 13, monthsPerYear[year]);
            Assert.Equal(leapMonth, VietnameseLunarCalendar.LeapMonth(year));
        }
    }

    [Theory]
    [InlineData("1899-12-31")] // the day before MinDate
    [InlineData("2200-01-01")] // the day after MaxDate
    public void ToLunar_OutOfRange_ThrowsArgumentOutOfRange(string date)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToLunar(Date(date)));
        Assert.Equal("date", exception.ParamName);
    }

    [Theory]
    [InlineData(2024, 1, 30, false, "lunarDay")] // month 1 of 2024 has 29 days
    [InlineData(2006, 12, 30, false, "lunarDay")] // 29 days at UTC+7; China's month has 30
    [InlineData(2024, 2, 31, false, "lunarDay")] // no month has 31 days
    [InlineData(2024, 2, 0, false, "lunarDay")]
    [InlineData(2024, 4, 1, true, "isLeapMonth")] // 2024 has no leap month
    [InlineData(2025, 5, 1, true, "isLeapMonth")] // 2025's leap month is the 6th, not the 5th
    [InlineData(2025, 13, 1, false, "lunarMonth")] // the leap month is not numbered 13
    [InlineData(2025, 0, 1, false, "lunarMonth")]
    [InlineData(1899, 11, 1, false, "lunarYear")] // exists, but before 1900-01-01
    [InlineData(2199, 11, 15, false, "lunarYear")] // exists, but 2200-01-01
    [InlineData(1800, 1, 1, false, "lunarYear")]
    [InlineData(2300, 1, 1, false, "lunarYear")]
    public void ToSolar_ImpossibleOrOutOfRangeDate_ThrowsNamingParameter(
        int lunarYear, int lunarMonth, int lunarDay, bool isLeapMonth, string parameter)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(
            () => VietnameseLunarCalendar.ToSolar(lunarYear, lunarMonth, lunarDay, isLeapMonth));
        Assert.Equal(parameter, exception.ParamName);
    }

    [Theory]
    [InlineData(1899)] // Tết 1899 is before MinDate
    [InlineData(2200)] // Tết 2200 is after MaxDate
    public void NewYearAndLeapMonth_YearOutOfRange_ThrowArgumentOutOfRange(int lunarYear)
    {
        Assert.Equal("lunarYear", Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.NewYear(lunarYear)).ParamName);
        Assert.Equal("lunarYear", Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.LeapMonth(lunarYear)).ParamName);
    }

    [Fact]
    public void MinDateAndMaxDate_Always_Span1900To2199()
    {
        Assert.Equal(new LocalDate(1900, 1, 1), VietnameseLunarCalendar.MinDate);
        Assert.Equal(new LocalDate(2199, 12, 31), VietnameseLunarCalendar.MaxDate);
        Assert.Equal(VietnameseLunarCalendar.MinDate, VietnameseLunarCalendar.ToSolar(1899, 12, 1));
    }

    private static LocalDate Date(string iso) => LocalDatePattern.Iso.Parse(iso).Value;
}
