using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using OneStop.Api.Dossiers;
using OneStop.Api.Identity;
using OneStop.Api.Pages;
using OneStop.Api.Problems;
using OneStop.Api.Search;
using OneStop.Calendar;
using OneStop.Deadlines;
using OneStop.Dossiers;
using OneStop.Language;
using OneStop.Persistence;
using OneStop.Sla;
using OneStop.Users;

namespace OneStop.Api.Desk;

/// <summary>
/// The desk's pages: the queue by role (<see cref="DeskQueue"/>), the search, the Form 04 drafts waiting for the head,
/// registration and the dossier page with its actions. Every page reads and writes through the same services as the
/// JSON endpoints.
/// </summary>
public static class DeskPages
{
    public static IEndpointRouteBuilder MapDeskPages(this IEndpointRouteBuilder app)
    {
        app.MapGet(PagePaths.DeskPath, Queue).RequireAuthorization(Policies.Staff).ExcludeFromDescription();
        app.MapGet("/quay/mo", Open).RequireAuthorization(Policies.Staff).ExcludeFromDescription();
        app.MapGet(DeskRoutes.Search, Search).RequireAuthorization(Policies.Staff).ExcludeFromDescription();
        app.MapGet(DeskRoutes.Drafts, Drafts).RequireAuthorization(Policies.AnyOf(Roles.Head, Roles.Officer, Roles.Supervisor, Roles.Admin)).ExcludeFromDescription();
        RegistrationPage.Map(app);
        DossierPage.Map(app);
        return app;
    }

    /// <summary>
    /// Overdue: still being processed after the statutory due. Due soon: the one rule of
    /// <see cref="DeadlineThresholds.DueSoonFrom"/> (the worker's and the dashboard's). A dossier waiting for a
    /// supplement has its clock stopped; one with a result is no longer at risk.
    /// </summary>
    public static QueueUrgency UrgencyOf(DossierStatus status, Instant countingStart, Instant statutoryDue, Instant now, DeadlineThresholds thresholds, DeadlineCalculator calculator, OfficeHours hours) =>
        status is not (DossierStatus.Received or DossierStatus.InProcess) ? QueueUrgency.None
        : now > statutoryDue ? QueueUrgency.Overdue
        : thresholds.IsDueSoon(now, countingStart, statutoryDue, calculator, hours) ? QueueUrgency.DueSoon
        : QueueUrgency.None;

    public static async Task<RazorComponentResult<QueuePage>> Queue(
        string? trang, CurrentStaff staff, DeskQueue queue, PendingApologies pending, CancellationToken cancellationToken)
    {
        var member = await staff.GetAsync(cancellationToken);
        var page = int.TryParse(trang, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
        var drafts = member.IsInRole(Roles.Head) ? (await pending.ListAsync(cancellationToken)).Count : 0;
        return PageResults.Page<QueuePage>(new { Member = member, Queue = await queue.LoadAsync(member, page, cancellationToken), PendingDrafts = drafts });
    }

    /// <summary>Opens a dossier by the code typed at the desk.</summary>
    public static RedirectHttpResult Open(string? ma) =>
        string.IsNullOrWhiteSpace(ma)
            ? TypedResults.Redirect(PagePaths.DeskPath)
            : TypedResults.Redirect(DossierPage.PathOf(ma.Trim()));

    /// <summary>The search page; the first visit (no filter at all) shows the empty form.</summary>
    public static async Task<RazorComponentResult<SearchPage>> Search(
        HttpContext http, DossierSearch search, OneStopDbContext db, CurrentStaff staff, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        string? One(string name) => query[name].ToString() is { Length: > 0 } v ? v : null;
        var statuses = query["status"].Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToList();
        var validation = new Validation();
        var parsed = DossierSearchQuery.Parse(One("q"), One("procedure"), statuses, One("from"), One("to"), One("page"), null, validation);
        if (validation.IsValid && parsed.Procedure is { } code && !await search.ProcedureExistsAsync(code, cancellationToken))
        {
            validation.Add("procedure", ValidationCodes.UnknownProcedure, "Unknown procedure code.");
        }

        var member = await staff.GetAsync(cancellationToken);
        var procedures = (await db.Procedures.AsNoTracking().Select(p => new { p.Code, p.Name }).ToListAsync(cancellationToken))
            .Select(p => (p.Code, p.Name)).OrderBy(p => p.Name, VietnameseCollation.Instance).ToList();
        var searched = query.Count > 0 && validation.IsValid;
        return PageResults.Page<SearchPage>(
            new
            {
                Q = One("q"),
                Procedure = One("procedure"),
                Statuses = statuses,
                From = One("from"),
                To = One("to"),
                Errors = FormErrors.From(validation),
                Procedures = procedures,
                Result = searched ? await search.RunAsync(parsed, cancellationToken) : null,
            },
            validation.IsValid ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    public static Task<RazorComponentResult<DraftsPage>> Drafts(HttpContext http, PageServices services, CancellationToken cancellationToken)
    {
        var done = http.Request.Query["tb"].ToString();
        var rule = http.Request.Query["loi"].ToString();
        return DraftsAsync(http, services, DossierPage.DoneOf(done), rule.Length == 0 ? null : Messages.Rule(rule), null, FormErrors.None, cancellationToken);
    }

    internal static async Task<RazorComponentResult<DraftsPage>> DraftsAsync(
        HttpContext http, PageServices services, string? success, string? ruleError, Guid? failedId, FormErrors errors, CancellationToken cancellationToken, int status = StatusCodes.Status200OK)
    {
        _ = http;
        var member = await services.Staff.GetAsync(cancellationToken);
        var drafts = await services.PendingApologies.ListAsync(cancellationToken);
        return PageResults.Page<DraftsPage>(
            new { Drafts = drafts, CanDecide = member.IsInRole(Roles.Head), Success = success, RuleError = ruleError, FailedId = failedId, Errors = errors },
            status);
    }
}
