using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OneStop.Tests.Api.Dossiers;

/// <summary>Small helpers the dossier API tests share: a valid registration and reading answers.</summary>
internal static class DossierApi
{
    public static object Registration(string procedureCode = "1.000894.H99", string? acceptedAt = null) => new
    {
        procedureCode,
        applicant = new { fullName = "Nguyễn Thị Hồng Nhung", idNumber = "001190012345", phone = "0912345678", address = "Phường Đống Đa, Hà Nội" },
        documents = new[] { new { name = "Tờ khai đăng ký kết hôn", originals = 1, copies = 0 } },
        channel = "Counter",
        acceptedAt,
    };

    public static async Task<string> RegisterAsync(HttpClient clerk, object? registration = null)
    {
        using var response = await clerk.PostAsJsonAsync("/api/dossiers", registration ?? Registration());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = await ReadAsync(response);
        return body.RootElement.GetProperty("code").GetString()!;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string code, string action, object? body = null) =>
        await client.PostAsJsonAsync($"/api/dossiers/{code}/{action}", body ?? new { });

    public static async Task<JsonDocument> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync());

    public static async Task<JsonDocument> GetAsync(HttpClient client, string url) =>
        JsonDocument.Parse(await client.GetStringAsync(new Uri(url, UriKind.Relative)));

    /// <summary>Asserts a 409 problem with the rule's stable code.</summary>
    public static async Task AssertRuleAsync(HttpResponseMessage response, string code)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = await ReadAsync(response);
        Assert.Equal(code, body.RootElement.GetProperty("code").GetString());
    }

    /// <summary>Asserts a 400 problem naming the field.</summary>
    public static async Task AssertInvalidAsync(HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        using var body = JsonDocument.Parse(text);
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty(field, out _), text);
    }

    public static async Task<int> EventCountAsync(HttpClient client, string code)
    {
        using var events = await GetAsync(client, $"/api/dossiers/{code}/events");
        return events.RootElement.GetArrayLength();
    }
}
