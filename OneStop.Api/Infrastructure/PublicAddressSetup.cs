using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using OneStop.Api.Documents;

namespace OneStop.Api.Infrastructure;

/// <summary>
/// How the API is reached from outside, one place for all of it: the public address citizens are sent to
/// (<c>Documents:PublicBaseUrl</c>: the receipt's QR code, every citizen link, the OpenAPI document's server), the
/// host names this instance answers (<c>AllowedHosts</c>; any other <c>Host</c> header answers 400, so that a forged
/// one is never echoed, e.g. into a sign-in redirect), and the reverse proxies it believes (<see cref="ReverseProxyOptions"/>).
/// Outside Development both <c>Documents:PublicBaseUrl</c> and a real <c>AllowedHosts</c> list (not <c>*</c>) are
/// required and checked at start.
/// </summary>
public static class PublicAddressSetup
{
    public static WebApplicationBuilder AddPublicAddress(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddOptions<DocumentOptions>()
            .Validate(o => development || IsPublicBaseUrl(o.PublicBaseUrl), "Documents:PublicBaseUrl is required outside Development: the public site's absolute http(s) address, e.g. https://motcua.hanoi.gov.vn (the receipt's QR code and citizens' links use it).")
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicBaseUrl) || IsPublicBaseUrl(o.PublicBaseUrl), "Documents:PublicBaseUrl must be an absolute http(s) address without query or fragment.")
            .ValidateOnStart();
        builder.Services.AddOptions<HostFilteringOptions>()
            .Validate(o => development || (o.AllowedHosts.Count > 0 && !o.AllowedHosts.Contains("*")), "AllowedHosts is required outside Development: the host names this API answers to, separated by ';' (e.g. motcua.hanoi.gov.vn), not '*'.")
            .ValidateOnStart();
        builder.Services.AddOptions<ReverseProxyOptions>().BindConfiguration(ReverseProxyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((o, proxies) =>
        {
            // Not X-Forwarded-Host: links are built from the configured public address, never from a header.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = proxies.Value.ForwardLimit;
            if (proxies.Value.KnownProxies.Count + proxies.Value.KnownNetworks.Count > 0)
            {
                o.KnownProxies.Clear();
                o.KnownIPNetworks.Clear();
                foreach (var proxy in proxies.Value.KnownProxies)
                {
                    o.KnownProxies.Add(IPAddress.Parse(proxy));
                }

                foreach (var network in proxies.Value.KnownNetworks)
                {
                    o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
                }
            }
        });
        return builder;
    }

    /// <summary>
    /// The absolute address of <paramref name="path"/> on the public site. Only in Development, with no
    /// <c>Documents:PublicBaseUrl</c>, is it the address of the request (the developer's own machine).
    /// </summary>
    public static Uri PublicUrl(HttpRequest request, DocumentOptions options, string path)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var baseUrl = string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : options.PublicBaseUrl;
        return new Uri(baseUrl.TrimEnd('/') + path, UriKind.Absolute);
    }

    private static bool IsPublicBaseUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);

    /// <summary>
    /// OpenAPI document transformer: the framework would name the requesting Host as the server; name the configured
    /// public address, or none.
    /// </summary>
    public static Task NameServerAsync(Microsoft.OpenApi.OpenApiDocument document, Microsoft.AspNetCore.OpenApi.OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var publicBaseUrl = context.ApplicationServices.GetRequiredService<IOptions<DocumentOptions>>().Value.PublicBaseUrl;
        document.Servers = string.IsNullOrWhiteSpace(publicBaseUrl) ? [] : [new Microsoft.OpenApi.OpenApiServer { Url = publicBaseUrl.TrimEnd('/') }];
        return Task.CompletedTask;
    }
}
