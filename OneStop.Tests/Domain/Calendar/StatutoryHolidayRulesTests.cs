using NodaTime;
using NodaTime.Text;
using OneStop.Calendar;

namespace OneStop.Tests.Domain.Calendar;

public sealed class StatutoryHolidayRulesTests
{
    [Theory]
    [InlineData(2021, "2021-09-03")] // 2/9 Thursday: Friday joins the weekend (as announced)
    [InlineData(2022, "2022-09-01")] // 2/9 Friday: 3/9 is Saturday, so Thursday 1/9 (as announced)
    [InlineData(2023, "2023-09-01")] // 2/9 Saturday: Friday 1/9 (as announced)
    [InlineData(2024, "2024-09-03")] // 2/9 Monday: 1/9 is Sunday, so Tuesday 3/9 (as announced)
    [InlineData(2025, "2025-09-01")] // 2/9 Tuesday: Monday 1/9 joins the weekend (as announced)
    [InlineData(2026, "2026-09-01")] // 2/9 Wednesday: neither joins, so 1/9 (as announced)
    [InlineData(2029, "2029-09-03")] // 2/9 Sunday: Monday 3/9 is the only weekday next to it
    public void SecondNationalDay_ByWeekday_FollowsTheRule(int year, string expected)
    {
        var days = StatutoryHolidayRules.For(year).Where(h => h.Period == HolidayPeriod.NationalDay).Select(h => h.Date);

        Assert.Equal(new[] { new LocalDate(year, 9, 2), Date(expected) }.Order(), days.Order());
    }

    [Theory]
    [InlineData(2020, 1)] // Labour Code 2012: one day
    [InlineData(2021, 2)] // Labour Code 2019: two days
    public void For_NationalDayDays_DependOnTheLawPeriod(int year, int expected)
    {
        Assert.Equal(expected, StatutoryHolidayRules.For(year).Count(h => h.Period == HolidayPeriod.NationalDay));
    }

    [Theory]
    [InlineData(2006, 0)] // Hùng Kings' day is a holiday from 2007
    [InlineData(2007, 1)]
    public void For_HungKingsDay_FromTwoThousandSeven(int year, int expected)
    {
        Assert.Equal(expected, StatutoryHolidayRules.For(year).Count(h => h.Period == HolidayPeriod.HungKings));
    }

    [Theory]
    [InlineData(2013, 4)] // Tết 2013 (10/02) came before the 2012 Labour Code took effect in May 2013
    [InlineData(2014, 5)]
    public void For_TetDays_DependOnTheLawPeriod(int year, int expected)
    {
        Assert.Equal(expected, StatutoryHolidayRules.For(year).Count(h => h.Period == HolidayPeriod.LunarNewYear));
    }

    [Fact]
    public void For_TetTwoThousandThirty_StartsOnTheVietnameseNewYear()
    {
        // 2030: Vietnamese Tết is 2 Feb; the Chinese calendar (UTC+8) says 3 Feb.
        var tet = StatutoryHolidayRules.For(2030).Where(h => h.Period == HolidayPeriod.LunarNewYear).Select(h => h.Date).ToList();

        Assert.Equal(Date("2030-02-01"), tet.Min());
        Assert.Equal(Date("2030-02-05"), tet.Max());
    }

    [Fact]
    public void For_LeapThirdMonthYear_PutsHungKingsDayInTheRegularMonth()
    {
        // 2031 has a leap 3rd month; Hùng Kings' day is 10/3 of the regular month: 1 April, not 30 April.
        Assert.Equal(Date("2031-04-01"), StatutoryHolidayRules.For(2031).Single(h => h.Period == HolidayPeriod.HungKings).Date);
    }

    private static LocalDate Date(string iso) => LocalDatePattern.Iso.Parse(iso).Value;
}
