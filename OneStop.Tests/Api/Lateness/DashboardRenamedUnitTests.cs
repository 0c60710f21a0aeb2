using System.Net.Http.Json;
using System.Text.Json;
using OneStop.Tests.Api.Dossiers;
using OneStop.Tests.Api.Units;

namespace OneStop.Tests.Api.Lateness;

/// <summary>
/// A unit renamed in the catalogue keeps its dossiers on the dashboard: the ledger keeps the name of its day, the chart
/// per department and the patterns per unit count them under the new name, and the lists behind those figures, narrowed
/// to the new name, hold the same dossiers as they did under the old one.
/// </summary>
public sealed class DashboardRenamedUnitTests(OneStopApiFactory factory) : IClassFixture<OneStopApiFactory>
{
    private const string Period = "from=2024-01-01";

    [Fact]
    public async Task RenamedUnit_ChartPatternsAndTheirLists_KeepItsDossiersUnderTheNewName()
    {
        var admin = await factory.ClientForAsync("admin");
        var supervisor = await factory.ClientForAsync("giamsat");
        var units = await UnitApi.ListAsync(admin);
        // The demo's department with the most late dossiers (not the desk, which is never renamed).
        var departments = await GroupsAsync(supervisor, "/api/dashboard/summary?" + Period, "byDepartment");
        var (key, _) = departments.Where(d => d.Key.StartsWith(UnitApi.DongDa + "/", StringComparison.Ordinal)
                && units.Any(u => !u.GetProperty("desk").GetBoolean() && u.GetProperty("name").GetString() == d.Key[(UnitApi.DongDa.Length + 1)..]))
            .OrderByDescending(d => d.Value.GetProperty("finishedLate").GetInt32() + d.Value.GetProperty("inProgressOverdue").GetInt32()).First();
        var old = key[(UnitApi.DongDa.Length + 1)..];
        var unit = units.Single(u => u.GetProperty("name").GetString() == old);
        var late = await TotalAsync(supervisor, $"/api/dashboard/late?{Period}&unit={Uri.EscapeDataString(key)}");
        var unitPatterns = await GroupsAsync(supervisor, "/api/dashboard/patterns?" + Period, "byUnit");
        var events = await TotalAsync(supervisor, $"/api/dashboard/patterns/dossiers?{Period}&unit={Uri.EscapeDataString(key)}&measure=DeclaredEarlier");
        Assert.True(late > 0 && events > 0, $"{key}: {late} late, {events} with events declared earlier");

        using var renamed = await admin.PutAsJsonAsync($"{UnitApi.UnitsOf(UnitApi.DongDa)}/{unit.GetProperty("id").GetGuid()}", new { name = old + " (mới)" });
        renamed.EnsureSuccessStatusCode();
        var renamedKey = key + " (mới)";

        var after = await GroupsAsync(supervisor, "/api/dashboard/summary?" + Period, "byDepartment");
        Assert.DoesNotContain(key, after.Keys);
        Assert.Equal(departments[key].GetRawText(), after[renamedKey].GetRawText());
        Assert.Equal(late, await TotalAsync(supervisor, $"/api/dashboard/late?{Period}&unit={Uri.EscapeDataString(renamedKey)}"));
        // The former name still names the unit.
        Assert.Equal(late, await TotalAsync(supervisor, $"/api/dashboard/late?{Period}&unit={Uri.EscapeDataString(key)}"));
        var patternsAfter = await GroupsAsync(supervisor, "/api/dashboard/patterns?" + Period, "byUnit");
        Assert.DoesNotContain(key, patternsAfter.Keys);
        Assert.Equal(unitPatterns[key].GetRawText(), patternsAfter[renamedKey].GetRawText());

        Assert.Equal(events, await TotalAsync(supervisor, $"/api/dashboard/patterns/dossiers?{Period}&unit={Uri.EscapeDataString(renamedKey)}&measure=DeclaredEarlier"));
    }

    /// <summary>The groups of a list property of the answer, by key, with their counts.</summary>
    private static async Task<Dictionary<string, JsonElement>> GroupsAsync(HttpClient client, string url, string property)
    {
        using var body = await DossierApi.GetAsync(client, url);
        return body.RootElement.GetProperty(property).EnumerateArray()
            .ToDictionary(g => g.GetProperty("key").GetString()!, g => g.GetProperty("counts").Clone(), StringComparer.Ordinal);
    }

    private static async Task<int> TotalAsync(HttpClient client, string url)
    {
        using var body = await DossierApi.GetAsync(client, url);
        return body.RootElement.GetProperty("total").GetInt32();
    }
}
