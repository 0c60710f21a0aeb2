using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using OneStop.Api.Dossiers;
using OneStop.Api.Identity;
using OneStop.Api.Problems;
using OneStop.Calendar;
using OneStop.Jobs.Lateness;
using OneStop.Lateness;
using OneStop.Persistence;
using OneStop.Users;

namespace OneStop.Api.Lateness;

/// <summary>True lateness for supervisors and administrators: stored findings, an on-demand audit, the dashboard's numbers.</summary>
public static class LatenessEndpoints
{
    private const int MaxFindings = 1000;

    public static IEndpointRouteBuilder MapLatenessEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/lateness/findings", Findings).WithTags("Lateness").RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Admin));
        app.MapGet("/api/dossiers/{code}/lateness", AuditDossier).WithTags("Lateness").RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Admin));
        app.MapGet("/api/dashboard/summary", Summary).WithTags("Lateness").RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Admin));
        app.MapGet("/api/dashboard/late", Late).WithTags("Lateness").RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Admin));
        app.MapGet("/api/dashboard/paper-differs", PaperDiffers).WithTags("Lateness").RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Admin));
        return app;
    }

    /// <summary>Stored findings of the current audit version, for dossiers accepted in the period, newest first.</summary>
    public static async Task<Results<Ok<IReadOnlyList<StoredFindingResponse>>, ValidationProblem>> Findings(
        string? agency, string? from, string? to, string? kind, OneStopDbContext db, CurrentStaff staff, IClock clock, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        FindingKind? wanted = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (Enum.TryParse<FindingKind>(kind, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed))
            {
                wanted = parsed;
            }
            else
            {
                validation.Add("kind", "One of: " + string.Join(", ", Enum.GetNames<FindingKind>()) + ".");
            }
        }

        var scope = await DashboardScope.ResolveAsync(agency, from, to, db, staff, clock, validation, cancellationToken);
        if (scope is null)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var (start, end, path) = (scope.From, scope.To, scope.Agency.Path);
        var query =
            from f in db.Set<LatenessFinding>().AsNoTracking()
            join d in db.Dossiers.AsNoTracking() on f.DossierId equals d.Id
            join a in db.Agencies.AsNoTracking() on d.AgencyId equals a.Id
            where a.Path.StartsWith(path) && d.AcceptedAt >= start && d.AcceptedAt < end && f.AuditVersion == LatenessAudit.Version
            select new { f, d.Code, a.ElectronicId, d.AcceptedAt };
        if (wanted is { } k)
        {
            query = query.Where(x => x.f.Kind == k);
        }

        var rows = await query.OrderByDescending(x => x.AcceptedAt).ThenBy(x => x.f.Id).Take(MaxFindings).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<StoredFindingResponse>>(rows.Select(x => new StoredFindingResponse(
            x.Code, x.ElectronicId, x.f.Kind.ToString(), x.f.AuditVersion, OfficeTime.FormatIso(x.f.AuditedAt),
            x.f.StatutoryDueAt is { } due ? OfficeTime.FormatIso(due) : null, x.f.LateMinutes, x.f.Sequences, x.f.Evidence, x.f.ExplanationVi, x.f.ExplanationEn)).ToList());
    }

    /// <summary>Runs the audit of one dossier now and stores its findings.</summary>
    public static async Task<Results<Ok<DossierLatenessResponse>, ProblemHttpResult>> AuditDossier(
        string code, DossierStore store, LatenessService service, OneStopDbContext db, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(code, cancellationToken) is not var (dossier, agency))
        {
            return DossierEndpoints.NotFound(code);
        }

        var result = await service.AuditAndStoreAsync(dossier, agency, cancellationToken);
        var procedure = await (from v in db.ProcedureVersions where v.Id == dossier.ProcedureVersionId
                               join p in db.Procedures on v.ProcedureId equals p.Id
                               select p.Name).SingleAsync(cancellationToken);
        return TypedResults.Ok(DossierLatenessResponse.From(dossier.Code, agency.Name, procedure, result));
    }

    /// <summary>The counts, groups and trend of the period, and the first page of each list with its total (SQL over the stored outcomes).</summary>
    public static async Task<Results<Ok<DashboardSummaryResponse>, ValidationProblem>> Summary(
        string? agency, string? from, string? to, OneStopDbContext db, CurrentStaff staff, IClock clock, OutcomeIndicators indicators, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var scope = await DashboardScope.ResolveAsync(agency, from, to, db, staff, clock, validation, cancellationToken);
        if (scope is null)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var summary = await SummariseAsync(scope, indicators, cancellationToken);
        return TypedResults.Ok(DashboardSummaryResponse.Of(scope, summary));
    }

    /// <summary>
    /// A page of the late list: finished late in the period, refused late, or overdue at its end; the longest overdue
    /// first. <c>unit</c> (a <c>byDepartment</c> key), <c>procedure</c> (a code) and <c>kind</c> (a finding kind) narrow it.
    /// </summary>
    public static Task<Results<Ok<DossierPageResponse>, ValidationProblem>> Late(
        string? agency, string? from, string? to, int? page, string? unit, string? procedure, string? kind,
        OneStopDbContext db, CurrentStaff staff, IClock clock, OutcomeIndicators indicators, CancellationToken cancellationToken) =>
        PageAsync(agency, from, to, page, unit, procedure, kind, db, staff, clock, (s, p, f) => indicators.LatePageAsync(s.Agency.Path, s.From, s.To, p, cancellationToken, f), cancellationToken);

    /// <summary>A page of the dossiers whose paper and ledger disagree, by code; narrowed as the late list.</summary>
    public static Task<Results<Ok<DossierPageResponse>, ValidationProblem>> PaperDiffers(
        string? agency, string? from, string? to, int? page, string? unit, string? procedure, string? kind,
        OneStopDbContext db, CurrentStaff staff, IClock clock, OutcomeIndicators indicators, CancellationToken cancellationToken) =>
        PageAsync(agency, from, to, page, unit, procedure, kind, db, staff, clock, (s, p, f) => indicators.PaperDiffersPageAsync(s.Agency.Path, s.From, s.To, p, cancellationToken, f), cancellationToken);

    /// <summary>The lists' filter from the query: a known finding kind, bounded texts; each error names its field.</summary>
    internal static ListFilter? Filter(string? unit, string? procedure, string? kind, Validation validation)
    {
        FindingKind? wanted = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (Enum.TryParse<FindingKind>(kind, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !kind.Any(char.IsDigit))
            {
                wanted = parsed;
            }
            else
            {
                validation.Add("kind", "One of: " + string.Join(", ", Enum.GetNames<FindingKind>()) + ".");
            }
        }

        if (unit is { Length: > 300 })
        {
            validation.Add("unit", "At most 300 characters.");
        }

        if (procedure is { Length: > 40 })
        {
            validation.Add("procedure", "At most 40 characters.");
        }

        return validation.IsValid
            ? new ListFilter(string.IsNullOrWhiteSpace(unit) ? null : unit, string.IsNullOrWhiteSpace(procedure) ? null : procedure, wanted)
            : null;
    }

    private static async Task<Results<Ok<DossierPageResponse>, ValidationProblem>> PageAsync(
        string? agency, string? from, string? to, int? page, string? unit, string? procedure, string? kind,
        OneStopDbContext db, CurrentStaff staff, IClock clock, Func<DashboardScope, int, ListFilter, Task<DossierPage>> read, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        InputPolicy.Range(page, "page", 1, 100_000, validation);
        var filter = Filter(unit, procedure, kind, validation);
        var scope = await DashboardScope.ResolveAsync(agency, from, to, db, staff, clock, validation, cancellationToken);
        if (scope is null || filter is null || !validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        return TypedResults.Ok(DossierPageResponse.Of(await read(scope, page ?? 1, filter)));
    }

    internal static Task<LatenessSummary> SummariseAsync(DashboardScope scope, OutcomeIndicators indicators, CancellationToken cancellationToken, ListFilter? filter = null) =>
        indicators.SummariseAsync(scope.Agency.Path, scope.From, scope.To, cancellationToken, filter);
}
