using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using OneStop.Notifications;

namespace OneStop.Jobs.Notifications;

/// <summary>
/// SMS or Zalo through the provider's HTTP gateway (<see cref="GatewaySettings"/>): one POST per phone number.
/// Throws on anything but a 2xx, so that the outbox retries. Without a configured <c>Url</c> it is not used (the
/// log channel stands in).
/// </summary>
/// <remarks>A crash between the gateway's answer and the outbox's save sends that one message again on retry, with
/// the same <c>Idempotency-Key</c> and <c>reference</c>, so a provider that honours either drops the repeat.</remarks>
public sealed class GatewayNoticeChannel(IHttpClientFactory clients, IOptions<CitizenNoticeOptions> options) : INoticeChannel
{
    /// <summary>The name of the HttpClient it uses.</summary>
    public const string Client = "citizen-gateway";

    public async Task<string> SendAsync(OutboxMessage message, IReadOnlyList<string> addresses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(addresses);
        if (addresses.Count == 0)
        {
            throw new ArgumentException("A notice is sent to at least one address.", nameof(addresses));
        }

        var gateway = options.Value.Gateway;
        var http = clients.CreateClient(Client);
        http.Timeout = TimeSpan.FromSeconds(gateway.TimeoutSeconds);
        foreach (var to in addresses)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, gateway.Url)
            {
                Content = JsonContent.Create(new GatewayMessage(to, message.Body, $"{message.DossierCode}/{message.Kind}/{message.Threshold}")),
            };
            if (!string.IsNullOrEmpty(gateway.HeaderValue))
            {
                request.Headers.TryAddWithoutValidation(gateway.HeaderName, gateway.HeaderValue);
            }

            request.Headers.TryAddWithoutValidation("Idempotency-Key", message.Id.ToString());
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"The gateway answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
            }
        }

        return "gateway: " + string.Join(", ", addresses);
    }

    private sealed record GatewayMessage(string To, string Text, string Reference);
}
