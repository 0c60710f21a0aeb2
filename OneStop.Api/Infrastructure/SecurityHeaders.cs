namespace OneStop.Api.Infrastructure;

/// <summary>
/// Headers on every response, errors included: a Content-Security-Policy allowing scripts, styles and forms from
/// this site only (no inline script anywhere; the API reference page alone allows inline styles, which Swagger UI
/// sets on its elements), <c>frame-ancestors 'none'</c> with <c>X-Frame-Options: DENY</c> for older browsers,
/// <c>nosniff</c>, <c>Referrer-Policy: no-referrer</c> (a dossier code in a URL is not sent elsewhere) and
/// <c>Cache-Control: no-store</c> on everything but the site's static files and the API description, since any
/// other answer may carry personal data (Decree 13/2023).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The policy of every page.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The policy of the API reference page (<c>/api-docs</c>).</summary>
    public const string ReferencePagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                var path = http.Request.Path;
                var reference = path.StartsWithSegments("/api-docs", StringComparison.OrdinalIgnoreCase);
                headers.ContentSecurityPolicy = reference ? ReferencePagePolicy : ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                if (!reference && !path.StartsWithSegments("/css", StringComparison.OrdinalIgnoreCase) && !path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase))
                {
                    headers.CacheControl = "no-store";
                    headers.Pragma = "no-cache";
                }

                return Task.CompletedTask;
            });
            return next(http);
        });
}
