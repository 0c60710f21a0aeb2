using NodaTime;
using OneStop.Api.Documents;

namespace OneStop.Tests.Api.Documents;

public sealed class VietnameseDateFormatTests
{
    [Theory]
    [InlineData("2025-11-03T09:00", "09 giờ 00 phút, ngày 03 tháng 11 năm 2025")] // the receipt example
    [InlineData("2025-03-05T14:07", "14 giờ 07 phút, ngày 05 tháng 3 năm 2025")] // Decree 30: months 3–12 without a leading zero
    [InlineData("2026-02-01T00:00", "00 giờ 00 phút, ngày 01 tháng 02 năm 2026")] // …but January and February with one
    [InlineData("2025-12-31T23:59", "23 giờ 59 phút, ngày 31 tháng 12 năm 2025")] // 24-hour clock, end of year
    public void TimeAndDate_LocalDateTime_WritesHourMinuteDayMonthYear(string iso, string expected)
    {
        var value = LocalDateTime.FromDateTime(DateTime.Parse(iso, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, VietnameseDateFormat.TimeAndDate(value));
    }

    [Fact]
    public void PlaceAndDate_PlaceAndDay_WritesDateLine()
    {
        Assert.Equal("Ba Đình, ngày 03 tháng 11 năm 2025", VietnameseDateFormat.PlaceAndDate("Ba Đình", new LocalDate(2025, 11, 3)));
    }

    [Fact]
    public void Compact_LocalDateTime_WritesNumericForm()
    {
        Assert.Equal("09:05 03/01/2025", VietnameseDateFormat.Compact(new LocalDateTime(2025, 1, 3, 9, 5)));
        Assert.Equal("09 giờ 05 phút, ngày 03/01/2025", VietnameseDateFormat.TimeAndShortDate(new LocalDateTime(2025, 1, 3, 9, 5)));
    }
}
