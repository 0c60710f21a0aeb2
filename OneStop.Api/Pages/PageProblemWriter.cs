namespace OneStop.Api.Pages;

/// <summary>
/// No page answers a browser with JSON. Every problem answer outside the API (<c>/api</c>, <c>/openapi</c>,
/// <c>/health</c>) to a request that accepts HTML (every browser navigation and form post says <c>text/html</c>)
/// becomes the Vietnamese <see cref="ErrorPage"/> with the same status: an endpoint's
/// <c>TypedResults.Problem</c>/<c>ValidationProblem</c> (they write through <see cref="IProblemDetailsService"/>), the
/// status-code pages (404 of an unknown address, 405…), the exception handler (a form post without its antiforgery
/// token, an unreadable form, a control character refused by the input policy). A 409 with a rule <c>code</c> says
/// the rule. A client that does not ask for HTML (a script, curl) keeps the RFC 9457 JSON naming the field.
/// </summary>
public sealed class PageProblemWriter : IProblemDetailsWriter
{
    /// <summary>Whether <paramref name="path"/> is a page's rather than the API's (which answers RFC 9457 JSON).</summary>
    public static bool IsPage(PathString path) =>
        !path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);

    public bool CanWrite(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.HttpContext.Request;
        return IsPage(request.Path) && AcceptsHtml(request) && !context.HttpContext.Response.HasStarted;
    }

    /// <summary>Whether the request names <c>text/html</c> (or XHTML) among the types it accepts.</summary>
    public static bool AcceptsHtml(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.GetTypedHeaders().Accept.Any(a =>
            a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)
            || a.MediaType.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase));
    }

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var status = context.ProblemDetails.Status ?? http.Response.StatusCode;
        var message = status == StatusCodes.Status409Conflict && context.ProblemDetails.Extensions.TryGetValue("code", out var code)
            ? Messages.Rule(code?.ToString())
            : null;
        return new ValueTask(PageResults.Error(status, message).ExecuteAsync(http));
    }
}
