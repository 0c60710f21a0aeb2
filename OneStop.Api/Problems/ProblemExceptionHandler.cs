using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using OneStop.Dossiers;

namespace OneStop.Api.Problems;

/// <summary>
/// Turns the exceptions that reach the pipeline into RFC 9457 problem details: a broken business rule is a 409
/// with its stable <c>code</c>; a request body that does not bind is a 400 naming the field; anything else is
/// a 500 without internals.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is DossierRuleException rule)
        {
            httpContext.Response.StatusCode = StatusCodes.Status409Conflict;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status409Conflict,
                    Title = "A business rule forbids this.",
                    Detail = rule.Message,
                    Type = "https://onestop.local/problems/" + rule.Code,
                    Extensions = { ["code"] = rule.Code },
                },
            });
        }

        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var (field, message) = Describe(badRequest);
        httpContext.Response.StatusCode = badRequest.StatusCode;
        var problem = Validation.Problem(field, CodeOf(badRequest.StatusCode, message), message).ProblemDetails;
        problem.Status = badRequest.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// The field and message of a request the framework refused, in the API's words: never the handler's parameter
    /// names or types (which the framework's own messages carry).
    /// </summary>
    internal static (string Field, string Message) Describe(BadHttpRequestException badRequest)
    {
        if (badRequest.InnerException is JsonException json)
        {
            return (json.Path is { } path ? FieldName(path) : "body",
                json.Message is InputPolicy.ForbiddenCharacterMessage or InputPolicy.TooLongMessage ? json.Message : "The value is not valid here.");
        }

        return badRequest.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => ("body", "The request body is too large."),
            StatusCodes.Status415UnsupportedMediaType => ("body", "The body must be JSON (Content-Type: application/json)."),
            _ when ParameterName().Match(badRequest.Message) is { Success: true } m => (m.Groups["name"].Value, "The value is not valid here."),
            _ => ("body", "The request is not valid."),
        };
    }

    /// <summary>The stable code of a refusal <see cref="Describe"/> wrote.</summary>
    internal static string CodeOf(int status, string message) => (status, message) switch
    {
        (_, InputPolicy.ForbiddenCharacterMessage) => ValidationCodes.ForbiddenCharacter,
        (StatusCodes.Status413PayloadTooLarge, _) => ValidationCodes.BodyTooLarge,
        _ => ValidationCodes.Unreadable,
    };

    /// <summary>The name in the framework's "Failed to bind parameter "int? page" from ..." or "Required parameter "string code" ...".</summary>
    [GeneratedRegex("""parameter "(?:[^"]* )?(?<name>[A-Za-z_][A-Za-z0-9_-]*)"(?! was not provided from body)""")]
    private static partial Regex ParameterName();

    /// <summary>"$.duration.amount" -> "duration.amount".</summary>
    private static string FieldName(string jsonPath) => jsonPath.TrimStart('$', '.') is { Length: > 0 } name ? name : "body";
}
