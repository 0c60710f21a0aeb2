using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Api.Identity;
using OneStop.Calendar;
using OneStop.Persistence;
using OneStop.Users;

namespace OneStop.Api.Restatements;

/// <summary>
/// The restatement report: every dossier whose statutory due moved when a calendar notice was added or
/// corrected, with the due before and after, newest first, within the caller's agencies.
/// </summary>
public static class RestatementEndpoints
{
    private const int PageSize = 200;

    public static IEndpointRouteBuilder MapRestatementEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/restatements", List).WithTags("Calendar")
            .RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Admin));
        return app;
    }

    public static async Task<Ok<IReadOnlyList<RestatementResponse>>> List(int? page, OneStopDbContext db, CurrentStaff staff, CancellationToken cancellationToken)
    {
        var member = await staff.GetAsync(cancellationToken);
        var rows = await (
            from r in db.Restatements.AsNoTracking()
            join a in db.Agencies on r.AgencyId equals a.Id
            where a.Path.StartsWith(member.AgencyPath)
            orderby r.Id descending
            select r).Skip((Math.Max(page ?? 1, 1) - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<RestatementResponse>>(rows.Select(r => new RestatementResponse(
            r.DossierCode,
            OfficeTime.FormatIso(r.StatutoryDueBefore),
            OfficeTime.FormatIso(r.StatutoryDueAfter),
            r.CalendarStatus.ToString().ToLowerInvariant(),
            OfficeTime.FormatIso(r.RestatedAt))).ToList());
    }
}

/// <summary>One line of the restatement report.</summary>
public sealed record RestatementResponse(string Code, string StatutoryDueBefore, string StatutoryDueAfter, string CalendarStatus, string RestatedAt);
