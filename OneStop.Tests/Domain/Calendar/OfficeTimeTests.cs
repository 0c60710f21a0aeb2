using NodaTime;
using OneStop.Calendar;

namespace OneStop.Tests.Domain.Calendar;

public sealed class OfficeTimeTests
{
    [Fact]
    public void LocalDayAndSecond_AcrossTheRange_MatchTheZoneRules()
    {
        // Every 7 hours 13 minutes 7 seconds from 1900 to 2199: every hour of the day, both sides of 1970 and of
        // the zone's last transition (1975), local midnight.
        var step = Duration.FromSeconds((7 * 3600) + (13 * 60) + 7);
        for (var instant = Instant.FromUtc(1900, 1, 1, 0, 0); instant < Instant.FromUtc(2199, 12, 31, 0, 0); instant += step)
        {
            var local = instant.InZone(OfficeTime.Zone).LocalDateTime;
            var (day, second) = OfficeTime.ToLocalDay(instant);

            Assert.Equal(DayIndex.Of(local.Date), day);
            Assert.Equal(local.TimeOfDay.TickOfDay / NodaConstants.TicksPerSecond, second);
            Assert.Equal(instant - Duration.FromTicks(instant.ToUnixTimeTicks() % NodaConstants.TicksPerSecond), OfficeTime.FromLocalSecond((day * NodaConstants.SecondsPerDay) + second));
        }
    }

    [Theory]
    [InlineData("1975-06-12T16:59:59Z")]
    [InlineData("1975-06-12T17:00:00Z")]
    [InlineData("2025-03-02T16:59:59Z")]
    [InlineData("2025-03-02T17:00:00Z")]
    public void LocalDayAndSecond_AroundLocalMidnight_MatchTheZoneRules(string iso)
    {
        var instant = NodaTime.Text.InstantPattern.General.Parse(iso).Value;
        var local = instant.InZone(OfficeTime.Zone).LocalDateTime;

        var (day, second) = OfficeTime.ToLocalDay(instant);

        Assert.Equal(DayIndex.Of(local.Date), day);
        Assert.Equal(local.TimeOfDay.TickOfDay / NodaConstants.TicksPerSecond, second);
    }
}
