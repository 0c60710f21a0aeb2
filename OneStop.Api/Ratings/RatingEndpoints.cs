using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using OneStop.Api.Identity;
using OneStop.Api.Lateness;
using OneStop.Api.Problems;
using OneStop.Persistence;
using OneStop.Ratings;
using OneStop.Users;

namespace OneStop.Api.Ratings;

/// <summary>
/// The citizens' ratings counted per desk clerk and per unit (Decree 118/2025 art. 11(8) as amended by Decree
/// 309/2026 art. 6: desk staff with low satisfaction are replaced at the desk's request). Supervisors and
/// administrators, over their subtree and a period of rating dates (the dashboard's <c>agency</c>, <c>from</c>, <c>to</c>).
/// </summary>
public static class RatingEndpoints
{
    public static IEndpointRouteBuilder MapRatingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/ratings/summary", Summary).WithTags("Ratings").RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Admin));
        return app;
    }

    public static async Task<Results<Ok<RatingSummaryResponse>, ValidationProblem>> Summary(
        string? agency, string? from, string? to, OneStopDbContext db, CurrentStaff staff, IClock clock, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var scope = await DashboardScope.ResolveAsync(agency, from, to, db, staff, clock, validation, cancellationToken);
        if (scope is null)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        return TypedResults.Ok(await SummariseAsync(scope, db, cancellationToken));
    }

    /// <summary>The ratings of the scope's subtree given in its period: in all, per unit, per clerk (least satisfied first).</summary>
    internal static async Task<RatingSummaryResponse> SummariseAsync(DashboardScope scope, OneStopDbContext db, CancellationToken cancellationToken)
    {
        var (start, end, path) = (scope.From, scope.To, scope.Agency.Path);
        var rows = await (
            from r in db.CitizenRatings.AsNoTracking()
            join a in db.Agencies.AsNoTracking() on r.AgencyId equals a.Id
            where a.Path.StartsWith(path) && r.RatedAt >= start && r.RatedAt < end
            group r by new { a.ElectronicId, a.Name, r.Clerk, r.Level } into g
            select new { g.Key.ElectronicId, g.Key.Name, g.Key.Clerk, g.Key.Level, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var clerks = rows.Select(r => r.Clerk).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => u.UserName != null && clerks.Contains(u.UserName))
            .Select(u => new { UserName = u.UserName!, u.FullName }).ToDictionaryAsync(u => u.UserName, u => u.FullName, StringComparer.Ordinal, cancellationToken);

        static RatingCounts Count(IEnumerable<(SatisfactionLevel Level, int Count)> counts)
        {
            var list = counts.ToList();
            int Of(SatisfactionLevel level) => list.Where(c => c.Level == level).Sum(c => c.Count);
            return new RatingCounts(Of(SatisfactionLevel.VerySatisfied), Of(SatisfactionLevel.Satisfied), Of(SatisfactionLevel.NotSatisfied));
        }

        var units = rows.GroupBy(r => (r.ElectronicId, r.Name))
            .Select(g => new UnitRatingResponse(g.Key.ElectronicId, g.Key.Name, Count(g.Select(r => (r.Level, r.Count)))))
            .OrderBy(u => u.ElectronicId, StringComparer.Ordinal).ToList();
        var byClerk = rows.GroupBy(r => (r.Clerk, r.ElectronicId))
            .Select(g => new ClerkRatingResponse(g.Key.Clerk, names.GetValueOrDefault(g.Key.Clerk), g.Key.ElectronicId, Count(g.Select(r => (r.Level, r.Count)))))
            .OrderByDescending(c => c.Counts.NotSatisfied).ThenBy(c => c.Clerk, StringComparer.Ordinal).ToList();
        return new RatingSummaryResponse(
            scope.Agency.ElectronicId, DashboardScope.Format(scope.FromDate), DashboardScope.Format(scope.ToDate),
            Count(rows.Select(r => (r.Level, r.Count))), units, byClerk);
    }
}

/// <summary>How many ratings at each level; <c>satisfiedRate</c> is (very satisfied + satisfied) / all, null without ratings.</summary>
public sealed record RatingCounts(int VerySatisfied, int Satisfied, int NotSatisfied)
{
    public int Total => VerySatisfied + Satisfied + NotSatisfied;

    public decimal? SatisfiedRate => Total == 0 ? null : Math.Round((decimal)(VerySatisfied + Satisfied) / Total, 4);
}

/// <summary>The ratings of one unit (agency).</summary>
public sealed record UnitRatingResponse(string ElectronicId, string Name, RatingCounts Counts);

/// <summary>The ratings of one desk clerk (who returned the result) in one unit.</summary>
public sealed record ClerkRatingResponse(string Clerk, string? FullName, string ElectronicId, RatingCounts Counts);

/// <summary><c>GET /api/ratings/summary</c>: the subtree's ratings in the period, in all, per unit and per clerk (least satisfied first).</summary>
public sealed record RatingSummaryResponse(string Agency, string From, string To, RatingCounts Total, IReadOnlyList<UnitRatingResponse> Units, IReadOnlyList<ClerkRatingResponse> Clerks);
