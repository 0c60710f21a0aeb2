using NodaTime;

namespace OneStop.Calendar;

/// <summary>
/// The statutory holidays of a year by law period, before any government notice.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>1 January, 30 April, 1 May and 2 September: every year.</item>
/// <item>Tết: the last day of the old lunar year and lunar 1/1–1/3 (4 days) until the 2012 Labour Code took
/// effect in May 2013; the last day and 1/1–1/4 (5 days) from Tết 2014. The Prime Minister picks the real days
/// each year; these are the provisional days used until a notice says otherwise.</item>
/// <item>Hùng Kings' day, lunar 3/10 in the regular (not leap) 3rd month: from 2007.</item>
/// <item>National Day's second day, from 2021 (Labour Code 2019 art. 112): the weekday next to 2 September
/// that joins a weekend; when both or neither do, 1 September.</item>
/// </list>
/// Compensatory days are not here: they depend on the other days off and are set by <see cref="WorkingCalendar"/>.
/// </remarks>
public static class StatutoryHolidayRules
{
    private const int HungKingsFirstYear = 2007;
    private const int FiveDayTetFirstYear = 2014;
    private const int TwoDayNationalDayFirstYear = 2021;

    /// <summary>The holiday periods that exist in a year under the law in force then.</summary>
    public static IReadOnlyList<HolidayPeriod> PeriodsOf(int year) =>
        year >= HungKingsFirstYear
            ? [HolidayPeriod.NewYear, HolidayPeriod.LunarNewYear, HolidayPeriod.HungKings, HolidayPeriod.ReunificationAndLabour, HolidayPeriod.NationalDay]
            : [HolidayPeriod.NewYear, HolidayPeriod.LunarNewYear, HolidayPeriod.ReunificationAndLabour, HolidayPeriod.NationalDay];

    /// <summary>The statutory holidays of a Gregorian year, in date order. Tết is the one that begins in that year.</summary>
    public static IReadOnlyList<StatutoryHoliday> For(int year)
    {
        var days = new List<StatutoryHoliday>(12)
        {
            new(new LocalDate(year, 1, 1), HolidayPeriod.NewYear, "Tết Dương lịch"),
        };

        var tet = VietnameseLunarCalendar.NewYear(year);
        days.Add(new(tet.PlusDays(-1), HolidayPeriod.LunarNewYear, "Tết Nguyên đán (ngày cuối năm âm lịch)"));
        var tetDays = year >= FiveDayTetFirstYear ? 4 : 3;
        for (var i = 0; i < tetDays; i++)
        {
            days.Add(new(tet.PlusDays(i), HolidayPeriod.LunarNewYear, $"Tết Nguyên đán (mùng {i + 1})"));
        }

        if (year >= HungKingsFirstYear)
        {
            days.Add(new(VietnameseLunarCalendar.ToSolar(year, 3, 10), HolidayPeriod.HungKings, "Giỗ Tổ Hùng Vương"));
        }

        days.Add(new(new LocalDate(year, 4, 30), HolidayPeriod.ReunificationAndLabour, "Ngày Chiến thắng"));
        days.Add(new(new LocalDate(year, 5, 1), HolidayPeriod.ReunificationAndLabour, "Ngày Quốc tế Lao động"));

        var nationalDay = new LocalDate(year, 9, 2);
        days.Add(new(nationalDay, HolidayPeriod.NationalDay, "Quốc khánh"));
        if (year >= TwoDayNationalDayFirstYear)
        {
            days.Add(new(SecondNationalDay(nationalDay), HolidayPeriod.NationalDay, "Quốc khánh (ngày liền kề)"));
        }

        days.Sort((a, b) => a.Date.CompareTo(b.Date));
        return days;
    }

    /// <summary>
    /// The day next to 2 September that is also off from 2021: of 1 and 3 September, the weekday that joins a
    /// weekend (1 September joins when 31 August or 2 September is a weekend day; 3 September when 4 September
    /// is); when only one is a weekday, that one; otherwise 1 September.
    /// </summary>
    internal static LocalDate SecondNationalDay(LocalDate nationalDay)
    {
        var before = nationalDay.PlusDays(-1);
        var after = nationalDay.PlusDays(1);
        var beforeIsWeekday = !IsWeekend(before);
        var afterIsWeekday = !IsWeekend(after);
        if (beforeIsWeekday != afterIsWeekday)
        {
            return beforeIsWeekday ? before : after;
        }

        var beforeJoins = IsWeekend(before.PlusDays(-1)) || IsWeekend(nationalDay);
        var afterJoins = IsWeekend(after.PlusDays(1));
        return afterJoins && !beforeJoins ? after : before;
    }

    /// <summary>Saturday and Sunday: the weekly rest days of state bodies (Decision 188/1999/QĐ-TTg).</summary>
    public static bool IsWeekend(LocalDate date) =>
        date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;
}
