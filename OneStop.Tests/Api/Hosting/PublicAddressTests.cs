using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace OneStop.Tests.Api.Hosting;

/// <summary>
/// Nothing echoes a forged <c>Host</c>: unknown hosts are refused, and what the API tells the outside (the OpenAPI
/// document's server, the receipt's QR code) is the configured public address. Outside Development both settings
/// are required at start.
/// </summary>
public sealed class PublicAddressTests(OneStopApiFactory factory) : IClassFixture<OneStopApiFactory>
{
    [Fact]
    public async Task AnyRequest_ForgedHost_IsRefusedBeforeItIsHandled()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var path in (string[])["/openapi/v1.json", "/quay", "/tra-cuu"])
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Host = "evil.example";
            using var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.DoesNotContain("evil.example", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Null(response.Headers.Location);
        }
    }

    [Fact]
    public async Task OpenApiDocument_Servers_AreTheConfiguredPublicAddress()
    {
        using var client = factory.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var server = Assert.Single(document.RootElement.GetProperty("servers").EnumerateArray());
        Assert.Equal(OneStopApiFactory.PublicBaseUrl, server.GetProperty("url").GetString());
    }

    [Theory]
    [InlineData("Documents:PublicBaseUrl", "", "Documents:PublicBaseUrl is required")]
    [InlineData("Documents:PublicBaseUrl", "motcua.example.vn", "Documents:PublicBaseUrl is required")]
    [InlineData("Documents:PublicBaseUrl", "ftp://motcua.example.vn", "Documents:PublicBaseUrl is required")]
    [InlineData("Documents:PublicBaseUrl", "https://motcua.example.vn/?x=1", "without query or fragment")]
    [InlineData("AllowedHosts", "*", "AllowedHosts is required")]
    [InlineData("ReverseProxy:KnownProxies:0", "10.0.0.300", "is not an IP address")]
    [InlineData("ReverseProxy:KnownNetworks:0", "10.0.0.0", "is not a network in CIDR notation")]
    public void Start_OutsideDevelopmentWithoutAPublicAddress_FailsNamingTheSetting(string key, string value, string message)
    {
        using var misconfigured = factory.WithWebHostBuilder(b => b.UseSetting(key, value));

        var error = Assert.Throws<OptionsValidationException>(() => misconfigured.CreateClient());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InDevelopmentWithoutAPublicAddress_ServesAndNamesNoServer()
    {
        using var development = factory.WithWebHostBuilder(b => b.UseEnvironment("Development").UseSetting("Documents:PublicBaseUrl", "").UseSetting("AllowedHosts", "*"));
        using var client = development.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        Assert.False(document.RootElement.TryGetProperty("servers", out var servers) && servers.GetArrayLength() > 0);
    }
}
