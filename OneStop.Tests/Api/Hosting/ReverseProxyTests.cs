using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace OneStop.Tests.Api.Hosting;

/// <summary>
/// Behind the configured proxy (10.0.0.5) the public lookup's rate limit (2 a minute here) counts per citizen,
/// from <c>X-Forwarded-For</c>; the same header from any other peer is ignored, so that it cannot buy a client
/// a fresh allowance. The test server has no socket: a startup filter sets the peer address from <c>X-Test-Peer</c>.
/// </summary>
public sealed class ReverseProxyTests : IDisposable
{
    private const string Proxy = "10.0.0.5";
    private readonly ProxiedApiFactory _factory = new();

    [Fact]
    public async Task PublicStatus_BehindTheKnownProxy_CountsEachCitizenSeparately()
    {
        using var client = _factory.CreateClient();

        Assert.Equal(
            [HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests],
            [await LookupAsync(client, Proxy, "203.0.113.1"), await LookupAsync(client, Proxy, "203.0.113.1"), await LookupAsync(client, Proxy, "203.0.113.1")]);
        Assert.Equal(HttpStatusCode.NotFound, await LookupAsync(client, Proxy, "203.0.113.2"));

        // A chain: the proxy appends the address it saw; only that last entry is believed (ForwardLimit 1).
        Assert.Equal(HttpStatusCode.NotFound, await LookupAsync(client, Proxy, "203.0.113.1, 203.0.113.3"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await LookupAsync(client, Proxy, "198.18.0.9, 203.0.113.1"));
    }

    [Fact]
    public async Task PublicStatus_ForwardedForFromAnUnknownPeer_IsIgnored()
    {
        using var client = _factory.CreateClient();

        var answers = new List<HttpStatusCode>();
        for (var i = 1; i <= 3; i++)
        {
            answers.Add(await LookupAsync(client, "198.51.100.7", $"203.0.113.{10 + i}"));
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], answers);
    }

    public void Dispose() => _factory.Dispose();

    private static async Task<HttpStatusCode> LookupAsync(HttpClient client, string peer, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/public/status/000.00.12.H99-250303-9999");
        request.Headers.Add("X-Test-Peer", peer);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private sealed class ProxiedApiFactory : OneStopApiFactory
    {
        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var all = base.Settings;
                all["PublicStatus:PermitPerMinute"] = "2";
                all["ReverseProxy:KnownProxies:0"] = Proxy;
                return all;
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, PeerAddressFilter>());
        }
    }

    private sealed class PeerAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers["X-Test-Peer"].ToString());
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
