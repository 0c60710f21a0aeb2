using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Api.Problems;
using OneStop.Users;

namespace OneStop.Api.Search;

/// <summary><c>GET /api/dossiers/search</c>: find a dossier by part of its code, a name, an id number or phone, and filters.</summary>
public static class DossierSearchEndpoints
{
    public static IEndpointRouteBuilder MapDossierSearchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/dossiers/search", Search)
            .WithTags("Dossiers")
            .RequireAuthorization(p => p.RequireRole(Roles.Staff.Split(',')));
        return app;
    }

    /// <summary>
    /// Searches the dossiers of the caller's agency subtree, all statuses unless filtered. <c>q</c>: part of the code,
    /// part of a name (tone marks and case aside), or a whole id number or phone; <c>status</c>: one or more status
    /// names (repeated or comma-separated); <c>from</c>/<c>to</c>: acceptance dates in office time, both included;
    /// <c>page</c> from 1, <c>pageSize</c> 1-100 (20).
    /// </summary>
    public static async Task<Results<Ok<DossierSearchResponse>, ValidationProblem>> Search(
        string? q, string? procedure, string[]? status, string? from, string? to, string? page, string? pageSize,
        DossierSearch search, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var query = DossierSearchQuery.Parse(q, procedure, status, from, to, page, pageSize, validation);
        if (validation.IsValid && query.Procedure is { } code && !await search.ProcedureExistsAsync(code, cancellationToken))
        {
            validation.Add("procedure", ValidationCodes.UnknownProcedure, "Unknown procedure code.");
        }

        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        return TypedResults.Ok(await search.RunAsync(query, cancellationToken));
    }
}
