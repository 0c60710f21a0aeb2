using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using OneStop.Api.Administration;
using OneStop.Api.Identity;
using OneStop.Persistence;
using OneStop.Users;

namespace OneStop.Api.Catalogue;

/// <summary>The desk's procedure search (all staff): what a dossier would be received under today.</summary>
public static class ProcedureCatalogueEndpoints
{
    public static IEndpointRouteBuilder MapProcedureCatalogueEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/procedures", Search).WithTags("Procedures")
            .RequireAuthorization(p => p.RequireRole(Roles.Staff.Split(',')));
        return app;
    }

    /// <summary>
    /// Procedures the member's agencies offer whose code or name matches <c>search</c> (case and diacritics aside),
    /// with the version in force; a procedure with no version in force yet cannot receive dossiers and is left out.
    /// </summary>
    public static async Task<Ok<IReadOnlyList<CatalogueEntryResponse>>> Search(
        string? search, OneStopDbContext db, CurrentStaff staff, IClock clock, CancellationToken cancellationToken)
    {
        var member = await staff.GetAsync(cancellationToken);
        var now = clock.GetCurrentInstant();
        var found = await ProcedureCatalogue.SearchAsync(db, member.AgencyPath, search, cancellationToken);
        var entries = found
            .Select(f => (f.Procedure, f.Agency, Version: f.Procedure.VersionInForce(now)))
            .Where(f => f.Version is not null)
            .Select(f => CatalogueEntryResponse.From(f.Procedure, f.Agency, f.Version!))
            .ToList();
        return TypedResults.Ok<IReadOnlyList<CatalogueEntryResponse>>(entries);
    }
}
