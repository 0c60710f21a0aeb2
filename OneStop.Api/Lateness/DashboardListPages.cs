using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using OneStop.Api.Identity;
using OneStop.Api.Pages;
using OneStop.Api.Problems;
using OneStop.Jobs.Lateness;
using OneStop.Persistence;

namespace OneStop.Api.Lateness;

/// <summary>
/// The dashboard's lists, each a page a number or a code links to (supervisors and administrators, cookie):
/// <c>/giam-sat/danh-sach</c> shows one list (<c>list</c>: a <see cref="DashboardList"/> slug) of the period,
/// filtered by unit, procedure and finding kind from a GET form and paged (<c>page</c>); <c>/giam-sat/dau-hieu</c>
/// the dossiers behind a pattern figure. Every row links to the dossier's page with its findings.
/// </summary>
public static class DashboardListPages
{
    public const string ListPath = "/giam-sat/danh-sach";
    public const string PatternPath = "/giam-sat/dau-hieu";

    public static IEndpointRouteBuilder MapDashboardListPages(this IEndpointRouteBuilder app)
    {
        app.MapGet(ListPath, List).ExcludeFromDescription().RequireAuthorization(Policies.Supervisor);
        app.MapGet(PatternPath, Patterns).ExcludeFromDescription().RequireAuthorization(Policies.Supervisor);
        return app;
    }

    public static async Task<Results<RazorComponentResult<DashboardListView>, ValidationProblem>> List(
        string? list, string? agency, string? from, string? to, string? unit, string? procedure, string? kind, string? clerk, int? page,
        OneStopDbContext db, CurrentStaff staff, IClock clock, OutcomeIndicators indicators, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var which = DashboardList.Parse(list);
        if (which is null)
        {
            validation.Add("list", "One of: " + string.Join(", ", DashboardList.All.Select(l => l.Slug)) + ".");
        }

        InputPolicy.Range(page, "page", 1, 100_000, validation);
        var filter = LatenessEndpoints.Filter(unit, procedure, kind, validation);
        if (clerk is { Length: > 256 })
        {
            validation.Add("clerk", ValidationCodes.TooLong, "At most 256 characters.", 256);
        }
        else if (filter is not null && !string.IsNullOrWhiteSpace(clerk))
        {
            filter = filter with { Clerk = clerk };
        }

        var scope = await DashboardScope.ResolveAsync(agency, from, to, db, staff, clock, validation, cancellationToken);
        if (scope is null || filter is null || which is null || !validation.IsValid)
        {
            return validation.Problem();
        }

        var number = page ?? 1;
        var rows = which.Kind switch
        {
            DashboardListKind.Late => await indicators.LatePageAsync(scope.Agency.Path, scope.From, scope.To, number, cancellationToken, filter),
            DashboardListKind.PaperDiffers => await indicators.PaperDiffersPageAsync(scope.Agency.Path, scope.From, scope.To, number, cancellationToken, filter),
            _ => await indicators.CategoryPageAsync(scope.Agency.Path, scope.From, scope.To, which.Category!.Value, number, filter, cancellationToken),
        };

        var agencies = await db.Agencies.AsNoTracking().Where(a => a.Path.StartsWith(scope.Agency.Path)).Select(a => new { a.Id, a.ElectronicId, a.Name }).ToListAsync(cancellationToken);
        var ids = agencies.Select(a => a.Id).ToList();
        var units = (await db.AgencyUnits.AsNoTracking().Where(u => ids.Contains(u.AgencyId)).Select(u => new { u.AgencyId, u.Name }).ToListAsync(cancellationToken))
            .Select(u => agencies.Single(a => a.Id == u.AgencyId) is var a ? new KeyValuePair<string, string>(a.ElectronicId + "/" + u.Name, $"{u.Name} – {a.Name}") : default)
            .OrderBy(u => u.Value, StringComparer.Ordinal).ToList();
        var procedures = (await db.Procedures.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Code, p.Name }).ToListAsync(cancellationToken))
            .Select(p => new KeyValuePair<string, string>(p.Code, p.Name)).ToList();
        return PageResults.Page<DashboardListView>(new
        {
            Scope = scope, List = which, Filter = filter, Page = rows, Units = units, Procedures = procedures,
        });
    }

    public static async Task<Results<RazorComponentResult<PatternDossiersView>, ValidationProblem>> Patterns(
        string? agency, string? from, string? to, string? clerk, string? unit, string? measure, int? page,
        OneStopDbContext db, CurrentStaff staff, IClock clock, PatternIndicators patterns, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var query = PatternEndpoints.Query(clerk, unit, measure, page, validation);
        var scope = await DashboardScope.ResolveAsync(agency, from, to, db, staff, clock, validation, cancellationToken);
        if (scope is null || query is null || !validation.IsValid)
        {
            return validation.Problem();
        }

        var rows = await patterns.DossiersAsync(scope.Agency.Path, scope.From, scope.To, query.Clerk, query.Unit, query.Measure, query.Page, cancellationToken);
        return PageResults.Page<PatternDossiersView>(new { Scope = scope, query.Measure, query.Clerk, query.Unit, Page = rows });
    }
}
