using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace OneStop.Api.Problems;

/// <summary>
/// The part of <see cref="InputPolicy"/> that holds before any endpoint runs: the size of the URL and of the body,
/// and the characters of the path, the query and the fields of a posted form (NUL or a control character in a
/// route value would otherwise reach the database, where PostgreSQL refuses it with a 500). Each refusal is a
/// 4xx RFC 9457 problem naming the field ("path", the query key, the form field) and nothing runs after it.
/// </summary>
internal sealed class RequestPolicyMiddleware(RequestDelegate next, IOptions<RequestLimitOptions> options, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var limits = options.Value;
        var request = http.Request;
        if (request.Path.Value?.Length + request.QueryString.Value?.Length > limits.MaxUrlLength)
        {
            await RefuseAsync(http, StatusCodes.Status414UriTooLong, "url", ValidationCodes.UrlTooLong, $"At most {limits.MaxUrlLength} characters of path and query.", limits.MaxUrlLength);
            return;
        }

        if (request.ContentLength > limits.MaxBodyBytes)
        {
            await RefuseAsync(http, StatusCodes.Status413PayloadTooLarge, "body", ValidationCodes.BodyTooLarge, "The request body is too large.");
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limits.MaxBodyBytes;
        }
        else if (request.ContentLength is null && request.Body.CanRead)
        {
            // A server without the feature (the test server): count the bytes of a body sent without a length.
            request.Body = new LengthLimitedStream(request.Body, limits.MaxBodyBytes);
        }

        if (FirstForbidden(request) is { } field)
        {
            await RefuseAsync(http, StatusCodes.Status400BadRequest, field, ValidationCodes.ForbiddenCharacter, InputPolicy.ForbiddenCharacterMessage);
            return;
        }

        if (request.HasFormContentType && await FirstForbiddenFormFieldAsync(request, http.RequestAborted) is { } formField)
        {
            await RefuseAsync(http, StatusCodes.Status400BadRequest, formField, ValidationCodes.ForbiddenCharacter, InputPolicy.ForbiddenCharacterMessage);
            return;
        }

        await next(http);
    }

    private static string? FirstForbidden(HttpRequest request)
    {
        // The path as decoded (%00 is NUL); every segment is single-line.
        if (InputPolicy.FirstForbidden(request.Path.Value, multiLine: false) >= 0)
        {
            return "path";
        }

        foreach (var (key, values) in request.Query)
        {
            if (InputPolicy.FirstForbidden(key, multiLine: false) >= 0)
            {
                return "query";
            }

            foreach (var value in values)
            {
                if (InputPolicy.FirstForbidden(value, multiLine: false) >= 0)
                {
                    return key;
                }
            }
        }

        return null;
    }

    private static async Task<string?> FirstForbiddenFormFieldAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            return "body";
        }

        foreach (var (key, values) in form)
        {
            if (InputPolicy.FirstForbidden(key, multiLine: false) >= 0)
            {
                return "body";
            }

            foreach (var value in values)
            {
                // Text areas post CR LF; every other control is refused. Single-line fields refuse line breaks
                // where they are validated.
                if (InputPolicy.FirstForbidden(value, multiLine: true) >= 0)
                {
                    return key;
                }
            }
        }

        return null;
    }

    private async Task RefuseAsync(HttpContext http, int status, string field, string code, string message, params object[] args)
    {
        http.Response.StatusCode = status;
        var problem = Validation.Problem(field, code, message, args).ProblemDetails;
        problem.Status = status;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}
