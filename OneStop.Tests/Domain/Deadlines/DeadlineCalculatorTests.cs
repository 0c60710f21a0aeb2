using NodaTime;
using NodaTime.Text;
using OneStop.Calendar;
using OneStop.Deadlines;

namespace OneStop.Tests.Domain.Deadlines;

public sealed class DeadlineCalculatorTests
{
    private static readonly DeadlineCalculator Calculator = new(WorkingCalendar.Build(CalendarNoticeFile.LoadSeed()));
    private static readonly LocalDateTimePattern Pattern = LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd HH:mm");

    [Theory]
    // The examples: Monday 09:00, 1 working day.
    [InlineData("2025-03-03 09:00", 1, DurationUnit.WorkingDays, CountingMode.WorkingHours, "2025-03-03 09:00", "2025-03-04 09:00")]
    [InlineData("2025-03-03 09:00", 1, DurationUnit.WorkingDays, CountingMode.CivilCode, "2025-03-03 09:00", "2025-03-04 17:00")]
    // After the 15:00 cut-off counting starts the next working day.
    [InlineData("2025-03-03 15:01", 1, DurationUnit.WorkingDays, CountingMode.WorkingHours, "2025-03-04 07:30", "2025-03-04 17:00")]
    [InlineData("2025-03-03 15:01", 1, DurationUnit.WorkingDays, CountingMode.CivilCode, "2025-03-04 07:30", "2025-03-05 17:00")]
    // The cut-off minute itself still counts from that day.
    [InlineData("2025-03-03 15:00", 1, DurationUnit.WorkingDays, CountingMode.WorkingHours, "2025-03-03 15:00", "2025-03-04 15:00")]
    // Lunch break: counting starts with the afternoon session; 4 h that day and 4 h the next end at 11:30.
    [InlineData("2025-03-03 12:10", 1, DurationUnit.WorkingDays, CountingMode.WorkingHours, "2025-03-03 13:00", "2025-03-04 11:30")]
    // Before the first session: counting starts at 07:30 that day; 1 day ends at 17:00 the same day, not the next morning.
    [InlineData("2025-03-03 07:00", 1, DurationUnit.WorkingDays, CountingMode.WorkingHours, "2025-03-03 07:30", "2025-03-03 17:00")]
    // Accepted on an ordinary Saturday (desk open for reception): counting starts Monday.
    [InlineData("2025-03-08 09:00", 1, DurationUnit.WorkingDays, CountingMode.WorkingHours, "2025-03-10 07:30", "2025-03-10 17:00")]
    [InlineData("2025-03-08 09:00", 1, DurationUnit.WorkingDays, CountingMode.CivilCode, "2025-03-10 07:30", "2025-03-11 17:00")]
    // A make-up Saturday is a working day: counting starts at acceptance.
    [InlineData("2025-04-26 09:00", 1, DurationUnit.WorkingDays, CountingMode.WorkingHours, "2025-04-26 09:00", "2025-04-28 09:00")]
    // ... and it is counted in the middle of a period.
    [InlineData("2026-01-09 09:00", 1, DurationUnit.WorkingDays, CountingMode.WorkingHours, "2026-01-09 09:00", "2026-01-10 09:00")]
    // 15:01 on the last working day before Tết 2025 (off 27–31/01, weekends around): counting starts Monday 03/02.
    [InlineData("2025-01-24 15:01", 3, DurationUnit.WorkingDays, CountingMode.WorkingHours, "2025-02-03 07:30", "2025-02-05 17:00")]
    [InlineData("2025-01-24 15:01", 3, DurationUnit.WorkingDays, CountingMode.CivilCode, "2025-02-03 07:30", "2025-02-06 17:00")]
    // Year boundary: 1/1/2026 holiday, 2/1 swapped for Saturday 10/01, then the weekend.
    [InlineData("2025-12-31 10:00", 2, DurationUnit.WorkingDays, CountingMode.WorkingHours, "2025-12-31 10:00", "2026-01-06 10:00")]
    [InlineData("2025-12-31 10:00", 2, DurationUnit.WorkingDays, CountingMode.CivilCode, "2025-12-31 10:00", "2026-01-06 17:00")]
    // Working hours span the weekend: 3 h on Friday, 1 h on Monday.
    [InlineData("2025-03-07 14:00", 4, DurationUnit.WorkingHours, CountingMode.WorkingHours, "2025-03-07 14:00", "2025-03-10 08:30")]
    // Accepted after the cut-off on Friday: the hours start on Monday.
    [InlineData("2025-03-07 16:00", 4, DurationUnit.WorkingHours, CountingMode.WorkingHours, "2025-03-10 07:30", "2025-03-10 11:30")]
    // Working hours span lunch: 1.5 h before, 1.5 h after.
    [InlineData("2025-03-10 10:00", 3, DurationUnit.WorkingHours, CountingMode.WorkingHours, "2025-03-10 10:00", "2025-03-10 14:30")]
    // A due at the end of the morning session stays at 11:30.
    [InlineData("2025-03-10 07:30", 4, DurationUnit.WorkingHours, CountingMode.WorkingHours, "2025-03-10 07:30", "2025-03-10 11:30")]
    // Working hours in CivilCode mode are still hours.
    [InlineData("2025-03-07 14:00", 4, DurationUnit.WorkingHours, CountingMode.CivilCode, "2025-03-07 14:00", "2025-03-10 08:30")]
    // Two working days that would land on the compensatory days 02–03/05/2023 pass over them.
    [InlineData("2023-04-27 09:00", 2, DurationUnit.WorkingDays, CountingMode.WorkingHours, "2023-04-27 09:00", "2023-05-04 09:00")]
    // Same day: the close of the counting day; after the cut-off, of the next working day.
    [InlineData("2025-03-03 14:00", 1, DurationUnit.SameDay, CountingMode.WorkingHours, "2025-03-03 14:00", "2025-03-03 17:00")]
    [InlineData("2025-03-03 15:30", 1, DurationUnit.SameDay, CountingMode.WorkingHours, "2025-03-04 07:30", "2025-03-04 17:00")]
    // Calendar days: 15 days from Monday 03/03 end Tuesday 18/03.
    [InlineData("2025-03-03 09:00", 15, DurationUnit.CalendarDays, CountingMode.WorkingHours, "2025-03-03 09:00", "2025-03-18 17:00")]
    // Calendar days ending on the compensatory day 02/05/2023 move to the next working day (04/05).
    [InlineData("2023-04-27 09:00", 5, DurationUnit.CalendarDays, CountingMode.CivilCode, "2023-04-27 09:00", "2023-05-04 17:00")]
    // Zero hours: due when counting starts.
    [InlineData("2025-03-03 09:00", 0, DurationUnit.WorkingHours, CountingMode.WorkingHours, "2025-03-03 09:00", "2025-03-03 09:00")]
    public void Compute_DefaultOfficeHours_GivesStartAndDue(
        string acceptedAt, int amount, DurationUnit unit, CountingMode mode, string expectedStart, string expectedDue)
    {
        var deadline = Calculator.Compute(At(acceptedAt), new ProcessingTime(amount, unit), OfficeHours.Default, mode);

        Assert.Equal(At(expectedStart), deadline.CountingStartsAt);
        Assert.Equal(At(expectedDue), deadline.DueAt);
    }

    [Fact]
    public void Compute_YearWithoutNotice_IsProvisional()
    {
        var official = Calculator.Compute(At("2025-03-03 09:00"), new ProcessingTime(5, DurationUnit.WorkingDays), OfficeHours.Default, CountingMode.WorkingHours);
        var spansIntoProvisional = Calculator.Compute(At("2026-12-28 09:00"), new ProcessingTime(10, DurationUnit.WorkingDays), OfficeHours.Default, CountingMode.WorkingHours);

        Assert.Equal(CalendarStatus.Official, official.CalendarStatus);
        Assert.Equal(CalendarStatus.Provisional, spansIntoProvisional.CalendarStatus);
    }

    [Theory]
    [InlineData("2016-01-04 09:00", 3600, "official")] // nearly ten years, every one announced (2016–2025)
    [InlineData("2015-12-28 09:00", 30, "provisional")] // starts in 2015, which has no notice here
    [InlineData("2016-01-04 09:00", 5000, "provisional")] // ends in 2029, which has no notice
    public void Compute_LongPeriods_AreOfficialOnlyWhenEveryYearIs(string acceptedAt, int calendarDays, string expected)
    {
        var deadline = Calculator.Compute(At(acceptedAt), new ProcessingTime(calendarDays, DurationUnit.CalendarDays), OfficeHours.Default, CountingMode.WorkingHours);

        Assert.Equal(expected, deadline.CalendarStatus.ToString().ToLowerInvariant());
    }

    [Fact]
    public void Compute_ProvisionalYearBetweenOfficialEnds_IsProvisional()
    {
        // Without the 2021 notices, 2021 is provisional while 2019 and 2023 stay official.
        var calendar = WorkingCalendar.Build(CalendarNoticeFile.LoadSeed().Where(n => n.Year != 2021));
        var calculator = new DeadlineCalculator(calendar);

        var deadline = calculator.Compute(At("2019-03-04 09:00"), new ProcessingTime(1500, DurationUnit.CalendarDays), OfficeHours.Default, CountingMode.WorkingHours);

        Assert.Equal(2023, OfficeTime.ToLocal(deadline.DueAt).Year);
        Assert.Equal(CalendarStatus.Provisional, deadline.CalendarStatus);
    }

    [Fact]
    public void Compute_AgencyWithOwnSessionsAndCutOff_UsesThem()
    {
        var hours = new OfficeHours(
            [WorkSession.Parse("08:00-12:00"), WorkSession.Parse("13:30-17:30")], new LocalTime(16, 0), []);

        var deadline = Calculator.Compute(At("2025-03-03 15:30"), new ProcessingTime(1, DurationUnit.WorkingDays), hours, CountingMode.WorkingHours);

        Assert.Equal(At("2025-03-03 15:30"), deadline.CountingStartsAt);
        Assert.Equal(At("2025-03-04 15:30"), deadline.DueAt);
    }

    [Theory]
    [InlineData(-1, DurationUnit.WorkingDays)]
    [InlineData(2, DurationUnit.SameDay)]
    [InlineData(1, (DurationUnit)42)]
    public void Compute_BadProcessingTime_Throws(int amount, DurationUnit unit)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Calculator.Compute(At("2025-03-03 09:00"), new ProcessingTime(amount, unit), OfficeHours.Default, CountingMode.WorkingHours));
    }

    [Theory]
    [InlineData("2199-12-20 09:00", 30, DurationUnit.WorkingDays, CountingMode.WorkingHours)]
    [InlineData("2199-12-20 09:00", 30, DurationUnit.WorkingDays, CountingMode.CivilCode)]
    [InlineData("2199-12-20 09:00", 240, DurationUnit.WorkingHours, CountingMode.WorkingHours)]
    [InlineData("2199-12-20 09:00", 30, DurationUnit.CalendarDays, CountingMode.WorkingHours)]
    [InlineData("2025-03-03 09:00", int.MaxValue, DurationUnit.CalendarDays, CountingMode.WorkingHours)]
    [InlineData("2025-03-03 09:00", int.MaxValue, DurationUnit.WorkingDays, CountingMode.WorkingHours)]
    public void Compute_DueAfterTwentyOneNinetyNine_Throws(string acceptedAt, int amount, DurationUnit unit, CountingMode mode)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Calculator.Compute(At(acceptedAt), new ProcessingTime(amount, unit), OfficeHours.Default, mode));
    }

    [Theory]
    [InlineData("2025-03-07 16:00", "2025-03-10 10:30", 240)] // Friday evening hour plus Monday morning
    [InlineData("2025-03-10 10:30", "2025-03-07 16:00", -240)] // reversed: negative
    [InlineData("2025-01-24 08:00", "2025-02-03 08:00", 480)] // across the Tết break: one working day
    [InlineData("2025-03-08 10:00", "2025-03-09 10:00", 0)] // a weekend holds no working time
    [InlineData("2025-03-10 11:00", "2025-03-10 14:00", 90)] // lunch does not count
    public void WorkingTimeBetween_TwoInstants_CountsOnlySessionTime(string from, string to, long expectedMinutes)
    {
        var duration = Calculator.WorkingTimeBetween(At(from), At(to), OfficeHours.Default);

        Assert.Equal(expectedMinutes, duration.Minutes);
        Assert.Equal(expectedMinutes / 480m, duration.Days);
    }

    [Fact]
    public void AddWorkingTime_StepBudget_EndsInsideSessions()
    {
        // A 2-hour step handed over at 10:30 ends at 14:00 (one hour before lunch, one after).
        Assert.Equal(At("2025-03-10 14:00"), Calculator.AddWorkingTime(At("2025-03-10 10:30"), 7200, OfficeHours.Default));
    }

    private static Instant At(string local) => OfficeTime.ToInstant(Pattern.Parse(local).Value);
}
