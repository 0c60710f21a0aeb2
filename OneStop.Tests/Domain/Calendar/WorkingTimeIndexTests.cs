using NodaTime;
using OneStop.Calendar;

namespace OneStop.Tests.Domain.Calendar;

/// <summary>The index's rank and select against a plain walk over every day of the calendar.</summary>
public sealed class WorkingTimeIndexTests
{
    public static TheoryData<string> Calendars() => new() { "seed", "weeks-off" };

    [Theory]
    [MemberData(nameof(Calendars))]
    public void EveryDay_RankSelectAndNextWorkingDay_AgreeWithAWalk(string name)
    {
        var calendar = Build(name);
        var index = calendar.Index;
        var working = Enumerable.Range(0, DayIndex.Count).Select(i => calendar.IsWorkingDay(DayIndex.ToDate(i))).ToArray();
        var nextWorking = new int[DayIndex.Count];
        var next = int.MaxValue;
        for (var i = DayIndex.Count - 1; i >= 0; i--)
        {
            next = working[i] ? i : next;
            nextWorking[i] = next;
        }

        var before = 0;
        for (var i = 0; i < DayIndex.Count; i++)
        {
            Assert.Equal(working[i], index.IsWorking(i));
            Assert.Equal(before, index.WorkingBefore(i));
            Assert.Equal(nextWorking[i], index.FirstWorkingDayFrom(i));
            if (working[i])
            {
                Assert.Equal(i, index.WorkingDayAt(before));
                before++;
            }
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => index.WorkingDayAt(before));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.WorkingDayAt(-1));
    }

    [Fact]
    public void StatusBetween_IsProvisionalWhenAnyYearOfTheSpanIs()
    {
        var index = Build("seed").Index;
        var without2020 = WorkingCalendar.Build(CalendarNoticeFile.LoadSeed().Where(n => n.Year != 2020)).Index;

        Assert.Equal(CalendarStatus.Official, index.StatusBetween(Day(2025, 12, 30), Day(2026, 1, 5)));
        Assert.Equal(CalendarStatus.Provisional, index.StatusBetween(Day(2026, 12, 30), Day(2027, 1, 5)));
        Assert.Equal(CalendarStatus.Provisional, index.StatusBetween(Day(2015, 12, 30), Day(2016, 1, 5)));
        Assert.Equal(CalendarStatus.Official, index.StatusBetween(Day(2016, 1, 4), Day(2026, 12, 31)));
        // Both ends official, a provisional year between them (the official years are no longer one run).
        Assert.Equal(CalendarStatus.Provisional, without2020.StatusBetween(Day(2019, 1, 2), Day(2021, 12, 30)));
        Assert.Equal(CalendarStatus.Official, without2020.StatusBetween(Day(2021, 1, 4), Day(2022, 12, 30)));
        Assert.Equal(CalendarStatus.Provisional, without2020.StatusBetween(Day(2020, 6, 1), Day(2020, 6, 5)));
        Assert.Equal(CalendarStatus.Official, without2020.StatusBetween(Day(2019, 12, 31), Day(2019, 12, 31)));
    }

    [Fact]
    public void SelectBitPortable_RandomWords_FindsTheNthSetBitLikeAScan()
    {
        // The path for processors without BMI2 (older x64, Arm), which the machines here do not take.
        var random = new Random(20261123);
        for (var i = 0; i < 2_000; i++)
        {
            var word = (ulong)random.NextInt64() | (1UL << 63);
            var setBits = Enumerable.Range(0, 64).Where(b => ((word >> b) & 1) != 0).ToList();
            for (var rank = 0; rank < setBits.Count; rank++)
            {
                Assert.Equal(setBits[rank], WorkingTimeIndex.SelectBitPortable(word, rank));
            }
        }
    }

    private static WorkingCalendar Build(string name)
    {
        var seed = CalendarNoticeFile.LoadSeed();
        if (name == "seed")
        {
            return WorkingCalendar.Build(seed);
        }

        // Twelve weeks off: 64-day blocks with no working day and fewer than the sample spacing, which the
        // select must step over.
        var weeksOff = Enumerable.Range(0, 84).Select(d => new LocalDate(2030, 3, 4).PlusDays(d)).ToList();
        return WorkingCalendar.Build(seed.Append(new CalendarNotice("2030-weeks-off", 2030, [], "Thông báo thử nghiệm", "Nghỉ dài", weeksOff, [])));
    }

    private static int Day(int year, int month, int day) => DayIndex.Of(new LocalDate(year, month, day));
}
