using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using OneStop.Calendar;

namespace OneStop.Tests.Domain.Calendar;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Seeded = WorkingCalendar.Build(CalendarNoticeFile.LoadSeed());
    private static readonly WorkingCalendar RulesOnly = WorkingCalendar.Build([]);

    public static TheoryData<int> AnnouncedYears() => new() { 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026 };

    [Theory]
    [MemberData(nameof(AnnouncedYears))]
    public void YearOf_SeededNotices_ReproducesTheAnnouncedDaysOffAndMakeUpDays(int year)
    {
        var announced = AnnouncedDays.Year(year);

        var calendar = Seeded.YearOf(year);

        Assert.Equal(announced.WeekdayDaysOff, calendar.DaysOff.Select(d => d.Date).ToList());
        Assert.Equal(announced.MakeUpWorkingDays, calendar.MakeUpWorkingDays.Select(d => d.Date).ToList());
        Assert.Equal(CalendarStatus.Official, calendar.Status);
    }

    [Theory]
    // 2025 by the rules alone: Tết is 29/01 (last day 28/01); lunar 1/4 falls on Saturday 01/02, so Monday 03/02 is off.
    [InlineData(2025, "2025-01-01 2025-01-28 2025-01-29 2025-01-30 2025-01-31 2025-02-03 2025-04-07 2025-04-30 2025-05-01 2025-09-01 2025-09-02")]
    // 2022: 1/1 is a Saturday, compensated on Monday 03/01, as the real notice did.
    [InlineData(2022, "2022-01-03 2022-01-31 2022-02-01 2022-02-02 2022-02-03 2022-02-04 2022-04-11 2022-05-02 2022-05-03 2022-09-01 2022-09-02")]
    // 2023: Tết's last day and 1/1 fall on the weekend (21–22/01): 26 and 27/01 off; Hùng Kings' day on Saturday
    // 29/04 and 30/4 on Sunday chain past 1/5 to Tuesday 02/05 and Wednesday 03/05.
    [InlineData(2023, "2023-01-02 2023-01-23 2023-01-24 2023-01-25 2023-01-26 2023-01-27 2023-05-01 2023-05-02 2023-05-03 2023-09-01 2023-09-04")]
    // 2012, before the 2012 Labour Code took effect: Tết is 4 days (22–25/01; 22/01 a Sunday, so 26/01 off); Hùng Kings' day on Saturday 31/03 gives Monday 02/04.
    [InlineData(2012, "2012-01-02 2012-01-23 2012-01-24 2012-01-25 2012-01-26 2012-04-02 2012-04-30 2012-05-01 2012-09-03")]
    public void YearOf_NoNotice_ComputesProvisionalDaysFromTheRules(int year, string expected)
    {
        var calendar = RulesOnly.YearOf(year);

        Assert.Equal(ParseDates(expected), calendar.DaysOff.Select(d => d.Date).ToList());
        Assert.Empty(calendar.MakeUpWorkingDays);
        Assert.Equal(CalendarStatus.Provisional, calendar.Status);
    }

    [Theory]
    [InlineData("2025-04-26", DayKind.MakeUpWorkingDay)] // worked Saturday in exchange for Friday 02/05/2025
    [InlineData("2025-05-02", DayKind.Swap)]
    [InlineData("2025-01-01", DayKind.Holiday)]
    [InlineData("2023-05-02", DayKind.Compensatory)] // for Hùng Kings' day on Saturday 29/04/2023
    [InlineData("2026-08-31", DayKind.Swap)] // swapped with Saturday 22/08/2026
    [InlineData("2026-08-22", DayKind.MakeUpWorkingDay)]
    [InlineData("2018-12-31", DayKind.Swap)] // belongs to the Tết Dương lịch 2019 notice
    [InlineData("2026-11-24", DayKind.Working)] // Ngày Văn hóa Việt Nam: not a legal holiday in the seed
    public void KindOf_SeededNotices_LabelsTheDay(string date, DayKind expected)
    {
        Assert.Equal(expected, Seeded.KindOf(Date(date)));
    }

    [Fact]
    public void IsWorkingDay_MakeUpSaturday_IsTrue()
    {
        Assert.True(Seeded.IsWorkingDay(Date("2025-04-26")));
        Assert.False(Seeded.IsWorkingDay(Date("2025-04-19")));
    }

    [Fact]
    public void StatusOf_YearWithoutNotices_IsProvisional()
    {
        Assert.Equal(CalendarStatus.Official, Seeded.StatusOf(2025));
        Assert.Equal(CalendarStatus.Provisional, Seeded.StatusOf(2027));
        Assert.Equal(CalendarStatus.Provisional, Seeded.StatusOf(2015));
    }

    [Fact]
    public void StatusOf_OnePeriodStillWithoutNotice_IsProvisional()
    {
        var notices = CalendarNoticeFile.LoadSeed().Where(n => n.Key != "2025-tet");

        Assert.Equal(CalendarStatus.Provisional, WorkingCalendar.Build(notices).StatusOf(2025));
    }

    [Fact]
    public void Build_ExtraNoticeAdded_MakesTheDayOffWithoutTouchingOthers()
    {
        var cultureDay = new CalendarNotice(
            "2026-culture-day", 2026, [], "Nghị quyết (giả định) 2026", "Ngày Văn hóa Việt Nam", [Date("2026-11-24")], []);

        var calendar = WorkingCalendar.Build(CalendarNoticeFile.LoadSeed().Append(cultureDay));

        Assert.Equal(DayKind.Holiday, calendar.KindOf(Date("2026-11-24")));
        Assert.Equal("Ngày Văn hóa Việt Nam", calendar.YearOf(2026).DaysOff.Single(d => d.Date == Date("2026-11-24")).Name);
        Assert.Equal(Seeded.YearOf(2026).DaysOff.Count + 1, calendar.YearOf(2026).DaysOff.Count);
    }

    [Fact]
    public void Build_CorrectionWithSameKey_ReplacesTheEarlierNotice()
    {
        var seed = CalendarNoticeFile.LoadSeed();
        var original = seed.Single(n => n.Key == "2025-april-30-may-1");
        var corrected = original with { DaysOff = [Date("2025-04-30"), Date("2025-05-01")], MakeUpWorkingDays = [] };

        var calendar = WorkingCalendar.Build(seed.Append(corrected));

        Assert.True(calendar.IsWorkingDay(Date("2025-05-02")));
        Assert.False(calendar.IsWorkingDay(Date("2025-04-26")));
    }

    [Fact]
    public void KindOf_OutsideTheRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Seeded.KindOf(Date("1899-12-31")));
        Assert.Throws<ArgumentOutOfRangeException>(() => Seeded.KindOf(Date("2200-01-01")));
        Assert.Throws<ArgumentOutOfRangeException>(() => Seeded.StatusOf(2200));
    }

    [Fact]
    public void Index_WholeRange_IsUnderTwoMegabytes()
    {
        Assert.InRange(Seeded.Index.SizeInBytes, 1, 2 * 1024 * 1024);
    }

    [Fact]
    public void Index_WorkingDaysBetween_AgreesWithADayByDayCount()
    {
        var from = Date("2024-12-15");
        var to = Date("2026-03-01");
        var counted = 0;
        for (var d = from; d < to; d = d.PlusDays(1))
        {
            counted += Seeded.IsWorkingDay(d) ? 1 : 0;
        }

        Assert.Equal(counted, Seeded.Index.WorkingDaysBetween(from, to));
        Assert.Equal(-counted, Seeded.Index.WorkingDaysBetween(to, from));
    }

    [Theory]
    [InlineData("2025-01-24", 1, "2025-02-03")] // Friday before Tết 2025: next working day is after the 9-day break
    [InlineData("2025-01-25", 0, "2025-02-03")] // 0 from a non-working day: the first working day on or after it
    [InlineData("2026-01-09", 1, "2026-01-10")] // the make-up Saturday counts
    public void Index_AddWorkingDays_SkipsDaysOff(string date, int days, string expected)
    {
        Assert.Equal(Date(expected), Seeded.Index.AddWorkingDays(Date(date), days));
    }

    [Fact]
    public void DayIndexYearOf_EveryDayOfTheRange_MatchesTheDate()
    {
        var date = WorkingCalendar.MinDate;
        for (var i = 0; date <= WorkingCalendar.MaxDate; i++, date = date.PlusDays(1))
        {
            Assert.Equal(date.Year, DayIndex.YearOf(i));
        }
    }

    [Fact]
    public void DayIndex_EveryDayOfTheRange_RoundTripsInOrder()
    {
        var date = WorkingCalendar.MinDate;
        for (var i = 0; date <= WorkingCalendar.MaxDate; i++, date = date.PlusDays(1))
        {
            Assert.Equal(i, DayIndex.Of(date));
            Assert.Equal(date, DayIndex.ToDate(i));
        }

        Assert.Equal(DayIndex.Count, DayIndex.Of(WorkingCalendar.MaxDate) + 1);
        Assert.Equal(DayIndex.UnixEpochIndex, DayIndex.Of(new LocalDate(1970, 1, 1)));
        Assert.Equal(DayIndex.Of(new LocalDate(2025, 3, 3)), DayIndex.Of(new LocalDate(2025, 2, 18, CalendarSystem.Julian)));
    }

    private static LocalDate Date(string iso) => LocalDatePattern.Iso.Parse(iso).Value;

    private static List<LocalDate> ParseDates(string isoDates) => isoDates.Split(' ').Select(Date).ToList();

    /// <summary>
    /// The days the government announced, year by year, in <c>Data/vn-official-days-off.json</c> (embedded in the
    /// test assembly): the tests' own statement of the announced weekday days off and make-up working days, compiled
    /// from the published notices, each year with its sources and confidence. It is kept apart from the seed
    /// (<c>database/seed/calendar-notices.json</c>, one notice per holiday period) so that the seed is checked
    /// against an independent statement of the same notices, never against itself.
    /// </summary>
    private static class AnnouncedDays
    {
        private static readonly Lazy<JsonElement> Document = new(() =>
        {
            using var stream = typeof(AnnouncedDays).Assembly.GetManifestResourceStream("OneStop.Tests.Calendar.vn-official-days-off.json")
                ?? throw new InvalidOperationException("The embedded vn-official-days-off.json is missing from the test assembly.");
            return JsonDocument.Parse(stream).RootElement.Clone();
        });

        public static (List<LocalDate> WeekdayDaysOff, List<LocalDate> MakeUpWorkingDays) Year(int year)
        {
            var entry = Document.Value.EnumerateArray().Single(e => e.GetProperty("year").GetInt32() == year);
            return (Dates(entry, "weekday_days_off"), Dates(entry, "makeup_working_days"));
        }

        private static List<LocalDate> Dates(JsonElement entry, string name) =>
            entry.GetProperty(name).EnumerateArray().Select(e => Date(e.GetString()!)).Order().ToList();
    }
}
