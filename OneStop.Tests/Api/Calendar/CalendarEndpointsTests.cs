using System.Net;
using System.Text.Json;

namespace OneStop.Tests.Api.Calendar;

public sealed class CalendarEndpointsTests(OneStopApiFactory factory) : IClassFixture<OneStopApiFactory>
{
    [Fact]
    public async Task GetYear_OfficialYear_ListsDaysOffAndMakeUpDays()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/api/calendar/2025", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        Assert.Equal(2025, root.GetProperty("year").GetInt32());
        Assert.Equal("official", root.GetProperty("status").GetString());
        var first = root.GetProperty("daysOff")[0];
        Assert.Equal("2025-01-01", first.GetProperty("date").GetString());
        Assert.Equal("holiday", first.GetProperty("kind").GetString());
        Assert.Equal("Tết Dương lịch", first.GetProperty("name").GetString());
        Assert.Contains(root.GetProperty("daysOff").EnumerateArray(), d => d.GetProperty("date").GetString() == "2025-05-02" && d.GetProperty("kind").GetString() == "swap");
        Assert.Equal("2025-04-26", Assert.Single(root.GetProperty("makeUpWorkingDays").EnumerateArray()).GetProperty("date").GetString());
    }

    [Fact]
    public async Task GetYear_NoNoticeYet_IsProvisional()
    {
        using var body = JsonDocument.Parse(await factory.CreateClient().GetStringAsync(new Uri("/api/calendar/2030", UriKind.Relative)));

        Assert.Equal("provisional", body.RootElement.GetProperty("status").GetString());
        // Tết 2030 is 2 Feb in Vietnam: the last day of the old year, 1 Feb, is off.
        Assert.Contains(body.RootElement.GetProperty("daysOff").EnumerateArray(), d => d.GetProperty("date").GetString() == "2030-02-01");
    }

    [Theory]
    [InlineData("/api/calendar/1899", "year")]
    [InlineData("/api/calendar/2200", "year")]
    [InlineData("/api/calendar/twenty", "year")]
    [InlineData("/api/calendar/lunar/2030-02-30", "date")]
    [InlineData("/api/calendar/lunar/2200-01-01", "date")]
    public async Task Get_BadInput_ReturnsProblemNamingTheField(string url, string field)
    {
        using var response = await factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Theory]
    [InlineData("2030-02-02", 2030, 1, 1, false)] // Vietnamese Tết 2030 (China: 3 Feb)
    [InlineData("2007-02-17", 2007, 1, 1, false)]
    [InlineData("2031-04-30", 2031, 3, 10, true)] // 10th day of the leap 3rd month
    public async Task GetLunarDate_SolarDate_ReturnsTheVietnameseLunarDate(string date, int year, int month, int day, bool leap)
    {
        using var body = JsonDocument.Parse(await factory.CreateClient().GetStringAsync(new Uri("/api/calendar/lunar/" + date, UriKind.Relative)));

        var root = body.RootElement;
        Assert.Equal(date, root.GetProperty("date").GetString());
        Assert.Equal(year, root.GetProperty("lunarYear").GetInt32());
        Assert.Equal(month, root.GetProperty("lunarMonth").GetInt32());
        Assert.Equal(day, root.GetProperty("lunarDay").GetInt32());
        Assert.Equal(leap, root.GetProperty("isLeapMonth").GetBoolean());
    }
}
