using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OneStop.Tests.Worker;

/// <summary>One request the fake gateway received: its JSON fields, headers, and the status it answered.</summary>
public sealed record GatewayRequest(string To, string Text, string Reference, string? Authorization, string? IdempotencyKey, int Status);

/// <summary>
/// A fake SMS/Zalo provider's HTTP gateway on loopback (a tiny Kestrel host): keeps every POST it receives and
/// answers 202, or 503 while <see cref="Failing"/>.
/// </summary>
public sealed class GatewayListener : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<GatewayRequest> _requests = [];

    private GatewayListener(WebApplication app) => _app = app;

    public bool Failing { get; set; }

    /// <summary>The address to configure as <c>CitizenNotices:Gateway:Url</c>.</summary>
    public string Url { get; private set; } = string.Empty;

    public IReadOnlyList<GatewayRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The requests it accepted (answered 2xx): the messages the provider would deliver.</summary>
    public IReadOnlyList<GatewayRequest> Delivered => [.. Requests.Where(r => r.Status < 300)];

    public static async Task<GatewayListener> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var listener = new GatewayListener(app);
        app.MapPost("/send", async (HttpContext http) =>
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body);
            var root = body.RootElement;
            var status = listener.Failing ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status202Accepted;
            lock (listener._requests)
            {
                listener._requests.Add(new GatewayRequest(
                    root.GetProperty("to").GetString()!, root.GetProperty("text").GetString()!, root.GetProperty("reference").GetString()!,
                    http.Request.Headers.Authorization.ToString(), http.Request.Headers["Idempotency-Key"].ToString(), status));
            }

            return Results.StatusCode(status);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        listener.Url = address.TrimEnd('/') + "/send";
        return listener;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
