using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OneStop.Tests.Api.Units;

/// <summary>Helpers the catalogue tests share.</summary>
internal static class UnitApi
{
    public const string DongDa = "000.00.12.H99";

    public static string UnitsOf(string electronicId) => $"/api/admin/agencies/{electronicId}/units";

    /// <summary>Adds a unit and answers its id.</summary>
    public static async Task<Guid> AddAsync(HttpClient admin, string name, string agency = DongDa)
    {
        using var response = await admin.PostAsJsonAsync(UnitsOf(agency), new { name });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        using var body = JsonDocument.Parse(text);
        return body.RootElement.GetProperty("id").GetGuid();
    }

    public static async Task<List<JsonElement>> ListAsync(HttpClient admin, string agency = DongDa)
    {
        using var body = JsonDocument.Parse(await admin.GetStringAsync(new Uri(UnitsOf(agency), UriKind.Relative)));
        return body.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
