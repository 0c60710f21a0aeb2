using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using OneStop.Dossiers;

namespace OneStop.Api.Problems;

/// <summary>
/// Turns the exceptions that reach the pipeline into RFC 9457 problem details: a broken business rule is a 409
/// with its stable <c>code</c>; a request body that does not bind is a 400 naming the field; anything else is
/// a 500 without internals.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
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

        var field = badRequest.InnerException is JsonException { Path: { } path } ? FieldName(path) : "body";
        var message = badRequest.InnerException is JsonException ? "The value is not valid here." : badRequest.Message;
        httpContext.Response.StatusCode = badRequest.StatusCode;
        var problem = TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }).ProblemDetails;
        problem.Status = badRequest.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>"$.duration.amount" -> "duration.amount".</summary>
    private static string FieldName(string jsonPath) => jsonPath.TrimStart('$', '.') is { Length: > 0 } name ? name : "body";
}
