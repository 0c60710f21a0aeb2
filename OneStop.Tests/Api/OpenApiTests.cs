using System.Net;
using System.Text.Json;

namespace OneStop.Tests.Api;

public sealed class OpenApiTests(OneStopApiFactory factory) : IClassFixture<OneStopApiFactory>
{
    [Fact]
    public async Task OpenApiDocument_Get_DescribesTheDossierEndpoints()
    {
        using var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/dossiers", out _));
        Assert.True(paths.TryGetProperty("/api/dossiers/{code}/handovers", out _));
        Assert.True(paths.TryGetProperty("/api/public/status/{code}", out _));
    }

    [Fact]
    public async Task ReferencePage_Get_IsServedLocally()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/api-docs/index.html", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
