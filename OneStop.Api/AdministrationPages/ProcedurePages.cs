using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NodaTime;
using OneStop.Api.Administration;
using OneStop.Api.Deadlines;
using OneStop.Api.Identity;
using OneStop.Api.Pages;
using OneStop.Calendar;
using OneStop.Deadlines;
using OneStop.Persistence;

namespace OneStop.Api.AdministrationPages;

/// <summary>
/// <c>/quan-tri/thu-tuc</c> (<see cref="ProceduresPage"/>): the procedures an administrator sees, a search, a form
/// for a new procedure; and <c>/quan-tri/thu-tuc/{code}</c> (<see cref="ProcedurePage"/>): its versions and the form
/// for the next one, its documents checklist and steps edited one row per item (<see cref="VersionForm"/>; versions
/// are never edited: a dossier keeps the version it was received under). Both run <see cref="ProcedureAdminEndpoints"/>.
/// </summary>
internal static class ProcedurePages
{
    private static readonly string[] SingleFields = ["effectiveFrom", "processingTime.amount", "processingTime.unit", "fee", "cutOff", "citizenSupplementTime.amount"];

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/thu-tuc", List);
        group.MapPost("/thu-tuc", Create);
        group.MapGet("/thu-tuc/{code}", Versions);
        group.MapPost("/thu-tuc/{code}", AddVersion);
    }

    internal static string PathOf(string code) => AdministrationPages.ProceduresPath + "/" + Uri.EscapeDataString(code);

    public static Task<RazorComponentResult<ProceduresPage>> List(
        string? tim, OneStopDbContext db, CurrentStaff staff, IOptions<OfficeHoursOptions> defaults, CancellationToken cancellationToken) =>
        ListPageAsync(tim, null, new Dictionary<string, string?>(), FormErrors.None, StatusCodes.Status200OK, db, staff, defaults, cancellationToken);

    public static async Task<Results<RazorComponentResult<ProceduresPage>, RedirectHttpResult>> Create(
        IFormCollection form, OneStopDbContext db, CurrentStaff staff, IOptions<OfficeHoursOptions> defaults, CancellationToken cancellationToken)
    {
        string? Value(string name) => AdministrationPages.Value(form, name);
        var request = new CreateProcedureRequest(Value("code"), Value("name"), Value("field"), Value("agency"));
        var result = await ProcedureAdminEndpoints.Create(request, db, staff, cancellationToken);
        if (result.Result is ValidationProblem problem)
        {
            var values = new[] { "code", "name", "field", "agency" }.ToDictionary(n => n, Value);
            return await ListPageAsync(null, null, values, FormErrors.From(problem), StatusCodes.Status400BadRequest, db, staff, defaults, cancellationToken);
        }

        return TypedResults.Redirect(PathOf(request.Code!.Trim()) + "?tb=da-them");
    }

    public static async Task<Results<RazorComponentResult<ProcedurePage>, RazorComponentResult<ErrorPage>>> Versions(
        string code, string? tb, OneStopDbContext db, CurrentStaff staff, IClock clock, CancellationToken cancellationToken)
    {
        var message = tb switch
        {
            "da-them" => "Đã thêm thủ tục. Thêm phiên bản đầu tiên để bộ phận một cửa tiếp nhận được hồ sơ.",
            "da-them-phien-ban" => "Đã thêm phiên bản mới.",
            _ => null,
        };
        if (await FindAsync(code, db, staff, cancellationToken) is not { } procedure)
        {
            return NotFound();
        }

        return Page(procedure, VersionForm.From(procedure.Versions.Count == 0 ? null : procedure.Versions[^1]), clock, message, null, FormErrors.None, StatusCodes.Status200OK);
    }

    public static async Task<Results<RazorComponentResult<ProcedurePage>, RazorComponentResult<ErrorPage>, RedirectHttpResult>> AddVersion(
        string code, IFormCollection form, OneStopDbContext db, CurrentStaff staff, IClock clock, CancellationToken cancellationToken)
    {
        if (await FindAsync(code, db, staff, cancellationToken) is not { } procedure)
        {
            return NotFound();
        }

        var posted = VersionForm.Read(form, SingleFields);
        if (posted.ApplyRowButton(form["row"].ToString()))
        {
            // A row added or removed: the same form again, nothing saved.
            return Page(procedure, posted, clock, null, null, FormErrors.None, StatusCodes.Status200OK);
        }

        string? Value(string name) => posted.Values!.GetValueOrDefault(name);
        var (documents, budgets) = posted.Requests();
        var request = new AddProcedureVersionRequest(
            Value("effectiveFrom"),
            new DurationRequest(
                int.TryParse(Value("processingTime.amount"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var amount) ? amount : null,
                Enum.TryParse<DurationUnit>(Value("processingTime.unit"), out var unit) ? unit : null),
            documents,
            budgets,
            Fee(Value("fee")),
            Value("cutOff"),
            Value("citizenSupplementTime.amount") is { } citizenDays
                ? new DurationRequest(int.TryParse(citizenDays, NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) ? days : -1, DurationUnit.WorkingDays)
                : null);
        var result = await ProcedureAdminEndpoints.AddVersion(code, request, db, staff, cancellationToken);
        return result.Result switch
        {
            ProblemHttpResult problem => Page(procedure, posted.Compacted(), clock, null, "Chỉ quản trị của cơ quan cấp cao nhất được thay đổi thủ tục chung cho mọi cơ quan.", FormErrors.None, problem.StatusCode),
            ValidationProblem invalid => Page(procedure, posted.Compacted(), clock, null, null, FormErrors.From(invalid), StatusCodes.Status400BadRequest),
            _ => TypedResults.Redirect(PathOf(code) + "?tb=da-them-phien-ban"),
        };
    }

    /// <summary>"50.000" or "50000": đồng, dots grouping thousands as Vietnamese writes them; blank is free.</summary>
    private static decimal? Fee(string? text) =>
        text is null ? 0
        : decimal.TryParse(text.Replace(".", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var fee) ? fee : -1;

    private static async Task<ProcedureResponse?> FindAsync(string code, OneStopDbContext db, CurrentStaff staff, CancellationToken cancellationToken) =>
        (await ProcedureAdminEndpoints.Search(code, db, staff, cancellationToken)).Value!.FirstOrDefault(p => p.Code == code);

    private static RazorComponentResult<ErrorPage> NotFound() =>
        PageResults.Error(StatusCodes.Status404NotFound, "Không có thủ tục này trong phạm vi bạn quản trị.");

    private static RazorComponentResult<ProcedurePage> Page(ProcedureResponse procedure, VersionForm form, IClock clock, string? message, string? error, FormErrors errors, int status) =>
        PageResults.Page<ProcedurePage>(
            new
            {
                Procedure = procedure,
                Form = form,
                Today = OfficeTime.ToLocal(clock.GetCurrentInstant()).Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Message = message,
                Error = error,
                Errors = errors,
            },
            status);

    private static async Task<RazorComponentResult<ProceduresPage>> ListPageAsync(
        string? search, string? message, IReadOnlyDictionary<string, string?> values, FormErrors errors, int status,
        OneStopDbContext db, CurrentStaff staff, IOptions<OfficeHoursOptions> defaults, CancellationToken cancellationToken)
    {
        var found = (await ProcedureAdminEndpoints.Search(search, db, staff, cancellationToken)).Value!;
        var tree = (await AgencyAdminEndpoints.Tree(db, staff, defaults, cancellationToken)).Value!;
        var agencies = AgencyPages.Flatten(tree).Select(a => (a.ElectronicId, $"{a.Name} ({a.ElectronicId})")).Prepend((string.Empty, "Mọi cơ quan (thủ tục chung)")).ToList();
        return PageResults.Page<ProceduresPage>(
            new { Procedures = found, Agencies = agencies, Search = search, Message = message, Values = values, Errors = errors }, status);
    }
}
