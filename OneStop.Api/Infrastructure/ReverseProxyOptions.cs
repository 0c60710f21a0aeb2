using System.ComponentModel.DataAnnotations;
using System.Net;

namespace OneStop.Api.Infrastructure;

/// <summary>
/// Section <c>ReverseProxy</c>: the proxies (load balancer, nginx) whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed. Behind them the client address is the citizen's, so that the public
/// status lookup's rate limit counts per citizen, not per proxy. A forwarded header from any other address is
/// ignored. With nothing configured only the machine itself (loopback) is a known proxy, the framework's default.
/// </summary>
public sealed class ReverseProxyOptions : IValidatableObject
{
    public const string Section = "ReverseProxy";

    /// <summary>Addresses of the proxies, e.g. <c>["10.0.0.5"]</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of the proxies in CIDR notation, e.g. <c>["10.0.0.0/24"]</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row to walk back through (the entries of <c>X-Forwarded-For</c> taken from the right).</summary>
    [Range(1, 10)]
    public int ForwardLimit { get; set; } = 1;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"'{proxy}' is not an IP address.", [nameof(KnownProxies)]);
        }

        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"'{network}' is not a network in CIDR notation (e.g. 10.0.0.0/24).", [nameof(KnownNetworks)]);
        }
    }
}
