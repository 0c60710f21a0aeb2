using Microsoft.Extensions.Options;
using OneStop.Notifications;

namespace OneStop.Jobs.Notifications;

/// <summary>
/// Section <c>CitizenNotices</c>: the citizen's messages on each change of status
/// (<see cref="CitizenNoticeRule"/>). E-mail goes by the staff notices' channel (<c>Notifications:Channel</c>);
/// SMS or Zalo by one provider-agnostic HTTP gateway (<see cref="Gateway"/>; without a <c>Url</c> those messages
/// are written to the log). <c>Templates:{Kind}</c> replaces the Vietnamese template of a kind
/// (<see cref="CitizenNoticeText"/>). Checked at start.
/// </summary>
public sealed class CitizenNoticeOptions
{
    public const string Section = "CitizenNotices";

    public GatewaySettings Gateway { get; set; } = new();

    /// <summary>Per kind (<see cref="CitizenNoticeRule.Kinds"/>), a template replacing the shipped one.</summary>
    public Dictionary<string, string> Templates { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The public site (<c>Documents:PublicBaseUrl</c>); the link is "{PublicBaseUrl}/tra-cuu/{code}".</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The template of a kind: the configured one, else the shipped one.</summary>
    public string Template(string kind) =>
        Templates.TryGetValue(kind, out var configured) ? configured : CitizenNoticeText.Defaults[kind];

    /// <summary>The status page's address for a code.</summary>
    public string Link(string code) =>
        $"{(PublicBaseUrl ?? string.Empty).TrimEnd('/')}/tra-cuu/{Uri.EscapeDataString(code)}";

    /// <summary>What is wrong with the settings, or null.</summary>
    public string? Problem()
    {
        foreach (var (kind, template) in Templates)
        {
            if (!CitizenNoticeRule.Kinds.Contains(kind))
            {
                return $"CitizenNotices:Templates:{kind} is not a kind of notice (kinds: {string.Join(", ", CitizenNoticeRule.Kinds)}).";
            }

            if (CitizenNoticeText.Problem(template) is { } problem)
            {
                return $"CitizenNotices:Templates:{kind} {problem}.";
            }
        }

        if (Gateway.Url is { Length: > 0 } url
            && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            return "CitizenNotices:Gateway:Url must be an absolute http(s) address.";
        }

        if (Gateway.Url is { Length: > 0 } && string.IsNullOrWhiteSpace(PublicBaseUrl))
        {
            return "CitizenNotices:Gateway:Url needs Documents:PublicBaseUrl: every message carries the status page's public address.";
        }

        if (!string.IsNullOrEmpty(Gateway.HeaderValue) && (string.IsNullOrWhiteSpace(Gateway.HeaderName) || Gateway.HeaderName.Any(c => c <= ' ' || c >= 127 || c == ':')))
        {
            return "CitizenNotices:Gateway:HeaderName must be an HTTP header name.";
        }

        return Gateway.TimeoutSeconds is < 1 or > 120 ? "CitizenNotices:Gateway:TimeoutSeconds must be 1 to 120." : null;
    }
}

/// <summary>
/// The SMS/Zalo provider's HTTP gateway: each message is one POST of JSON <c>{"to", "text", "reference"}</c> to
/// <see cref="Url"/>, with the credential in the header <see cref="HeaderName"/> (e.g. <c>Authorization: Bearer …</c>)
/// and an <c>Idempotency-Key</c> header (the message's id) for providers that drop repeats. Any 2xx is sent; anything
/// else is retried by the outbox.
/// </summary>
public sealed class GatewaySettings
{
    public string? Url { get; set; }

    public string HeaderName { get; set; } = "Authorization";

    /// <summary>The credential (keep it in user secrets or the environment, not in appsettings.json).</summary>
    public string? HeaderValue { get; set; }

    public int TimeoutSeconds { get; set; } = 10;
}

/// <summary>Refuses the start with the settings' first problem (<see cref="CitizenNoticeOptions.Problem"/>).</summary>
public sealed class CitizenNoticeOptionsValidation : IValidateOptions<CitizenNoticeOptions>
{
    public ValidateOptionsResult Validate(string? name, CitizenNoticeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
