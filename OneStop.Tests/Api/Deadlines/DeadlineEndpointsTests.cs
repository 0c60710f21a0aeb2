using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace OneStop.Tests.Api.Deadlines;

public sealed class DeadlineEndpointsTests(OneStopApiFactory factory) : IClassFixture<OneStopApiFactory>
{
    [Theory]
    [InlineData("WorkingHours", "2025-02-05T17:00:00+07:00")]
    [InlineData("CivilCode", "2025-02-06T17:00:00+07:00")]
    public async Task Preview_AfterCutOffBeforeTet_StartsAfterTheBreak(string mode, string expectedDue)
    {
        using var response = await factory.CreateClient().PostAsJsonAsync(
            "/api/deadlines/preview",
            new { acceptedAt = "2025-01-24T15:01:00+07:00", duration = new { amount = 3, unit = "WorkingDays" }, mode });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("2025-02-03T07:30:00+07:00", body.RootElement.GetProperty("countingStartsAt").GetString());
        Assert.Equal(expectedDue, body.RootElement.GetProperty("dueAt").GetString());
        Assert.Equal("official", body.RootElement.GetProperty("calendarStatus").GetString());
    }

    [Fact]
    public async Task Preview_AcceptedAtInUtc_IsReadAsThatInstant()
    {
        using var response = await factory.CreateClient().PostAsJsonAsync(
            "/api/deadlines/preview", new { acceptedAt = "2025-03-03T02:00:00Z", duration = new { amount = 1, unit = "WorkingDays" } });

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("2025-03-03T09:00:00+07:00", body.RootElement.GetProperty("countingStartsAt").GetString());
        Assert.Equal("2025-03-04T09:00:00+07:00", body.RootElement.GetProperty("dueAt").GetString());
    }

    [Theory]
    [InlineData("""{"acceptedAt":"2025-13-24T10:00:00+07:00","duration":{"amount":3,"unit":"WorkingDays"}}""", "acceptedAt")]
    [InlineData("""{"acceptedAt":"2025-01-24T10:00:00","duration":{"amount":3,"unit":"WorkingDays"}}""", "acceptedAt")]
    [InlineData("""{"duration":{"amount":3,"unit":"WorkingDays"}}""", "acceptedAt")]
    [InlineData("""{"acceptedAt":"2200-01-24T10:00:00+07:00","duration":{"amount":3,"unit":"WorkingDays"}}""", "acceptedAt")]
    [InlineData("""{"acceptedAt":"2025-01-24T10:00:00+07:00","duration":{"amount":-3,"unit":"WorkingDays"}}""", "duration.amount")]
    [InlineData("""{"acceptedAt":"2025-01-24T10:00:00+07:00","duration":{"amount":"three","unit":"WorkingDays"}}""", "duration.amount")]
    [InlineData("""{"acceptedAt":"2025-01-24T10:00:00+07:00","duration":{"amount":3,"unit":"Fortnights"}}""", "duration.unit")]
    [InlineData("""{"acceptedAt":"2025-01-24T10:00:00+07:00","duration":{"amount":3}}""", "duration.unit")]
    [InlineData("""{"acceptedAt":"2025-01-24T10:00:00+07:00","duration":{"amount":2,"unit":"SameDay"}}""", "duration.amount")]
    [InlineData("""{"acceptedAt":"2199-12-30T10:00:00+07:00","duration":{"amount":30,"unit":"WorkingDays"}}""", "duration.amount")]
    [InlineData("""{"acceptedAt":"2025-01-24T10:00:00+07:00","duration":{"amount":3,"unit":"WorkingDays"},"mode":"Lunar"}""", "mode")]
    public async Task Preview_BadInput_ReturnsProblemNamingTheField(string json, string field)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await factory.CreateClient().PostAsync(new Uri("/api/deadlines/preview", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, body.RootElement.GetProperty("status").GetInt32());
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
    }
}
