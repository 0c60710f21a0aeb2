using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using OneStop.Api.Identity;
using OneStop.Api.Problems;
using OneStop.Jobs.Lateness;
using OneStop.Persistence;
using OneStop.Users;

namespace OneStop.Api.Lateness;

/// <summary>
/// Patterns per clerk and per unit (issue 15): who declares events earlier than recorded and how close to the
/// backdating tolerance, who re-issues receipts or asks supplements out of the window, who records results in the last
/// working hour before the due; and the dossiers behind each figure. Supervisors and administrators.
/// </summary>
public static class PatternEndpoints
{
    public static IEndpointRouteBuilder MapPatternEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/dashboard/patterns", Summary).WithTags("Lateness").RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Admin));
        app.MapGet("/api/dashboard/patterns/dossiers", Dossiers).WithTags("Lateness").RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Admin));
        return app;
    }

    /// <summary>The period's patterns per clerk (<c>byClerk</c>, key the user name) and per unit (<c>byUnit</c>, key as <c>byDepartment</c>'s).</summary>
    public static async Task<Results<Ok<PatternSummary>, ValidationProblem>> Summary(
        string? agency, string? from, string? to, OneStopDbContext db, CurrentStaff staff, IClock clock, PatternIndicators patterns, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var scope = await DashboardScope.ResolveAsync(agency, from, to, db, staff, clock, validation, cancellationToken);
        if (scope is null)
        {
            return validation.Problem();
        }

        return TypedResults.Ok(await patterns.SummariseAsync(scope.Agency.Path, scope.From, scope.To, cancellationToken));
    }

    /// <summary>
    /// A page of the dossiers behind one figure: <c>measure</c> (required: DeclaredEarlier, NearTolerance, BeyondTolerance,
    /// Reissued, SupplementOutOfWindow, ResultLastHour), narrowed to a <c>clerk</c> and/or a <c>unit</c>.
    /// </summary>
    public static async Task<Results<Ok<PatternDossierPage>, ValidationProblem>> Dossiers(
        string? agency, string? from, string? to, string? clerk, string? unit, string? measure, int? page,
        OneStopDbContext db, CurrentStaff staff, IClock clock, PatternIndicators patterns, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var query = Query(clerk, unit, measure, page, validation);
        var scope = await DashboardScope.ResolveAsync(agency, from, to, db, staff, clock, validation, cancellationToken);
        if (scope is null || query is null || !validation.IsValid)
        {
            return validation.Problem();
        }

        return TypedResults.Ok(await patterns.DossiersAsync(scope.Agency.Path, scope.From, scope.To, query.Clerk, query.Unit, query.Measure, query.Page, cancellationToken));
    }

    /// <summary>The list's query, each error naming its field.</summary>
    internal static PatternQuery? Query(string? clerk, string? unit, string? measure, int? page, Validation validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        InputPolicy.Range(page, "page", 1, 100_000, validation);
        PatternMeasure? wanted = null;
        if (string.IsNullOrWhiteSpace(measure))
        {
            validation.Add("measure", ValidationCodes.Required, "Required: one of " + string.Join(", ", Enum.GetNames<PatternMeasure>()) + ".");
        }
        else if (Enum.TryParse<PatternMeasure>(measure, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !measure.Any(char.IsDigit))
        {
            wanted = parsed;
        }
        else
        {
            validation.Add("measure", "One of: " + string.Join(", ", Enum.GetNames<PatternMeasure>()) + ".");
        }

        if (clerk is { Length: > 256 })
        {
            validation.Add("clerk", ValidationCodes.TooLong, "At most 256 characters.", 256);
        }

        if (unit is { Length: > 300 })
        {
            validation.Add("unit", ValidationCodes.TooLong, "At most 300 characters.", 300);
        }

        return validation.IsValid && wanted is { } m
            ? new PatternQuery(string.IsNullOrWhiteSpace(clerk) ? null : clerk, string.IsNullOrWhiteSpace(unit) ? null : unit, m, page ?? 1)
            : null;
    }

    internal sealed record PatternQuery(string? Clerk, string? Unit, PatternMeasure Measure, int Page);
}
