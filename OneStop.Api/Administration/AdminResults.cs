using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Api.Problems;

namespace OneStop.Api.Administration;

/// <summary>Answers the administration endpoints share.</summary>
internal static class AdminResults
{
    /// <summary>
    /// 404 for anything outside the administrator's subtree: an administrator cannot tell an agency, user or
    /// procedure of another subtree from one that does not exist.
    /// </summary>
    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem($"No {what} that you may administer.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ValidationProblem Invalid(Validation validation) => validation.Problem();

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
