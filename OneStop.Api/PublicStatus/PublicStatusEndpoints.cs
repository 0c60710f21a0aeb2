using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Calendar;
using OneStop.Dossiers;
using OneStop.Persistence;

namespace OneStop.Api.PublicStatus;

/// <summary>
/// The citizen's lookup by receipt code, without sign-in (Circular 01/2018 art. 16(2)(d)): the code, the
/// procedure's name, the level of completion and the appointment; nothing personal. Codes are predictable, so
/// lookups are rate-limited per client address, and an unknown code answers exactly like a hidden one.
/// </summary>
public static class PublicStatusEndpoints
{
    public const string RateLimitPolicy = "public-status";

    public static IEndpointRouteBuilder MapPublicStatusEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/public/status/{code}", Get).WithTags("Public").AllowAnonymous().RequireRateLimiting(RateLimitPolicy);
        return app;
    }

    public static async Task<Results<Ok<PublicStatusResponse>, ProblemHttpResult>> Get(string code, OneStopDbContext db, CancellationToken cancellationToken)
    {
        var found = code.Length > 60 ? null : await (
            from d in db.Dossiers.AsNoTracking()
            join v in db.ProcedureVersions on d.ProcedureVersionId equals v.Id
            join p in db.Procedures on v.ProcedureId equals p.Id
            where d.Code == code
            select new { d.Code, p.Name, d.Status, d.AppointmentAt, d.ResultReadyAt, d.SupplementDueAt }).SingleOrDefaultAsync(cancellationToken);

        // Withdrawn dossiers are not shown: they answer as if the code did not exist.
        if (found is null || found.Status == DossierStatus.Withdrawn)
        {
            return TypedResults.Problem("Không tìm thấy hồ sơ với mã này.", statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy");
        }

        return TypedResults.Ok(new PublicStatusResponse(
            found.Code, found.Name, found.Status.ToString(), found.Status.ToVietnamese(), OfficeTime.FormatIso(found.AppointmentAt),
            found.Status.HasResult(),
            found.Status == DossierStatus.AwaitingSupplement && found.SupplementDueAt is { } supplementDue ? OfficeTime.FormatIso(supplementDue) : null));
    }
}

/// <summary>What anyone may know of a dossier; <c>SupplementDueAt</c>: while a supplement is awaited, when the citizen's time to bring it ends.</summary>
public sealed record PublicStatusResponse(string Code, string ProcedureName, string Status, string StatusText, string AppointmentAt, bool ResultReady, string? SupplementDueAt = null);
