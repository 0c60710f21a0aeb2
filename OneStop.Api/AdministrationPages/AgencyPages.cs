using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NodaTime;
using OneStop.Api.Administration;
using OneStop.Api.Identity;
using OneStop.Api.Pages;
using OneStop.Api.Units;
using OneStop.Calendar;
using OneStop.Deadlines;
using OneStop.Persistence;

namespace OneStop.Api.AdministrationPages;

/// <summary>
/// <c>/quan-tri/co-quan</c> (<see cref="AgenciesPage"/>): the agency tree of the administrator's subtree with a form
/// for a new agency; <c>/quan-tri/co-quan/{electronicId}</c> (<see cref="AgencyPage"/>): name, electronic id, office
/// hours and counting mode of one agency, and its catalogue of units (add, rename, deactivate, reactivate). They run
/// <see cref="AgencyAdminEndpoints"/> and <see cref="UnitAdminEndpoints"/>.
/// </summary>
internal static class AgencyPages
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/co-quan", List);
        group.MapPost("/co-quan", Create);
        group.MapGet("/co-quan/{electronicId}", Edit);
        group.MapPost("/co-quan/{electronicId}", Update);
        group.MapPost("/co-quan/{electronicId}/don-vi", AddUnit);
        group.MapPost("/co-quan/{electronicId}/don-vi/{id:guid}", RenameUnit);
        group.MapPost("/co-quan/{electronicId}/don-vi/{id:guid}/ngung", DeactivateUnit);
        group.MapPost("/co-quan/{electronicId}/don-vi/{id:guid}/dung-lai", ActivateUnit);
    }

    internal static IEnumerable<AgencyResponse> Flatten(AgencyResponse agency) => [agency, .. agency.Children.SelectMany(Flatten)];

    public static async Task<RazorComponentResult<AgenciesPage>> List(
        string? tb, OneStopDbContext db, CurrentStaff staff, IOptions<OfficeHoursOptions> defaults, CancellationToken cancellationToken)
    {
        var tree = (await AgencyAdminEndpoints.Tree(db, staff, defaults, cancellationToken)).Value!;
        var message = tb switch
        {
            "da-them" => "Đã thêm cơ quan.",
            "da-luu" => "Đã lưu thay đổi của cơ quan.",
            _ => null,
        };
        return PageResults.Page<AgenciesPage>(new { Tree = tree, Message = message });
    }

    public static async Task<Results<RazorComponentResult<AgenciesPage>, RedirectHttpResult>> Create(
        IFormCollection form, OneStopDbContext db, CurrentStaff staff, IOptions<OfficeHoursOptions> defaults, IClock clock, CancellationToken cancellationToken)
    {
        var request = new CreateAgencyRequest(AdministrationPages.Value(form, "name"), AdministrationPages.Value(form, "electronicId"), AdministrationPages.Value(form, "parent"));
        var result = await AgencyAdminEndpoints.Create(request, db, staff, defaults, clock, cancellationToken);
        if (result.Result is ValidationProblem problem)
        {
            var tree = (await AgencyAdminEndpoints.Tree(db, staff, defaults, cancellationToken)).Value!;
            var values = new[] { "name", "electronicId", "parent" }.ToDictionary(n => n, n => AdministrationPages.Value(form, n));
            return PageResults.Page<AgenciesPage>(new { Tree = tree, Values = values, Errors = FormErrors.From(problem) }, StatusCodes.Status400BadRequest);
        }

        return TypedResults.Redirect(AdministrationPages.AgenciesPath + "?tb=da-them");
    }

    public static async Task<Results<RazorComponentResult<AgencyPage>, RazorComponentResult<ErrorPage>, RedirectHttpResult>> Edit(
        string electronicId, string? tb, OneStopDbContext db, CurrentStaff staff, IOptions<OfficeHoursOptions> defaults, CancellationToken cancellationToken)
    {
        var message = tb switch
        {
            "da-them-don-vi" => "Đã thêm đơn vị vào danh mục.",
            "da-doi-ten-don-vi" => "Đã đổi tên đơn vị; tên cũ vẫn được nhận ra trong hồ sơ cũ.",
            "da-ngung-don-vi" => "Đã ngừng sử dụng đơn vị: không còn chọn được khi bàn giao hay gán người dùng.",
            "da-dung-lai-don-vi" => "Đã dùng lại đơn vị.",
            _ => null,
        };
        return await PageAsync(electronicId, new Dictionary<string, object?> { [nameof(AgencyPage.Message)] = message }, StatusCodes.Status200OK, db, staff, defaults, cancellationToken);
    }

    public static async Task<Results<RazorComponentResult<AgencyPage>, RazorComponentResult<ErrorPage>, RedirectHttpResult>> Update(
        HttpContext http, string electronicId, IFormCollection form, OneStopDbContext db, CurrentStaff staff, IOptions<OfficeHoursOptions> defaults, CancellationToken cancellationToken)
    {
        string? Value(string name) => AdministrationPages.Value(form, name);
        var request = new UpdateAgencyRequest(
            Value("name") ?? string.Empty,
            Value("electronicId") ?? string.Empty,
            Split(Value("sessions")),
            Value("cutOff") ?? string.Empty,
            Split(Value("saturdayReception")),
            Enum.TryParse<CountingMode>(Value("countingMode"), out var mode) ? mode : (CountingMode)(-1),
            Value("address") ?? string.Empty,
            Value("phone") ?? string.Empty);
        var result = await AgencyAdminEndpoints.Update(electronicId, request, db, staff, defaults, http.RequestServices, cancellationToken);
        if (result.Result is ProblemHttpResult)
        {
            return NotFound();
        }

        if (result.Result is ValidationProblem problem)
        {
            var values = new[] { "name", "electronicId", "sessions", "cutOff", "saturdayReception", "countingMode", "address", "phone" }.ToDictionary(n => n, Value);
            return await PageAsync(electronicId, new Dictionary<string, object?> { [nameof(AgencyPage.Values)] = values, [nameof(AgencyPage.Errors)] = ListErrors(problem) }, StatusCodes.Status400BadRequest, db, staff, defaults, cancellationToken);
        }

        return TypedResults.Redirect(AdministrationPages.AgenciesPath + "?tb=da-luu");
    }

    public static async Task<Results<RazorComponentResult<AgencyPage>, RazorComponentResult<ErrorPage>, RedirectHttpResult>> AddUnit(
        string electronicId, IFormCollection form, OneStopDbContext db, CurrentStaff staff, IClock clock, IOptions<OfficeHoursOptions> defaults, CancellationToken cancellationToken)
    {
        var name = form["name"].ToString();
        var result = await UnitAdminEndpoints.Add(electronicId, new UnitRequest(name), db, staff, clock, cancellationToken);
        return await UnitAnswerAsync(electronicId, result.Result, "da-them-don-vi", name, db, staff, defaults, cancellationToken);
    }

    public static async Task<Results<RazorComponentResult<AgencyPage>, RazorComponentResult<ErrorPage>, RedirectHttpResult>> RenameUnit(
        string electronicId, Guid id, IFormCollection form, OneStopDbContext db, CurrentStaff staff, IClock clock, IOptions<OfficeHoursOptions> defaults, CancellationToken cancellationToken)
    {
        var result = await UnitAdminEndpoints.Rename(electronicId, id, new UnitRequest(form["name"].ToString()), db, staff, clock, cancellationToken);
        return await UnitAnswerAsync(electronicId, result.Result, "da-doi-ten-don-vi", null, db, staff, defaults, cancellationToken);
    }

    public static async Task<Results<RazorComponentResult<AgencyPage>, RazorComponentResult<ErrorPage>, RedirectHttpResult>> DeactivateUnit(
        string electronicId, Guid id, IFormCollection form, OneStopDbContext db, CurrentStaff staff, IClock clock, IOptions<OfficeHoursOptions> defaults, CancellationToken cancellationToken)
    {
        _ = form;
        var result = await UnitAdminEndpoints.Deactivate(electronicId, id, db, staff, clock, cancellationToken);
        return await UnitAnswerAsync(electronicId, result.Result, "da-ngung-don-vi", null, db, staff, defaults, cancellationToken);
    }

    public static async Task<Results<RazorComponentResult<AgencyPage>, RazorComponentResult<ErrorPage>, RedirectHttpResult>> ActivateUnit(
        string electronicId, Guid id, IFormCollection form, OneStopDbContext db, CurrentStaff staff, IClock clock, IOptions<OfficeHoursOptions> defaults, CancellationToken cancellationToken)
    {
        _ = form;
        var result = await UnitAdminEndpoints.Activate(electronicId, id, db, staff, clock, cancellationToken);
        return await UnitAnswerAsync(electronicId, result.Result, "da-dung-lai-don-vi", null, db, staff, defaults, cancellationToken);
    }

    /// <summary>"07:30-11:30, 13:00-17:00" (commas, semicolons or lines) as the API's list of sessions.</summary>
    internal static List<string> Split(string? text) =>
        (text ?? string.Empty).Split([',', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.Replace(" ", string.Empty, StringComparison.Ordinal).Replace('–', '-')).ToList();

    // An error about one session ("sessions[1]") is written beside the field, naming the item.
    private static FormErrors ListErrors(ValidationProblem problem) => AdminErrors.From(problem, "sessions", "saturdayReception");

    // A unit action's answer: 404 outside the subtree, the page with the error for a 400 or 409, else post/redirect/get.
    private static async Task<Results<RazorComponentResult<AgencyPage>, RazorComponentResult<ErrorPage>, RedirectHttpResult>> UnitAnswerAsync(
        string electronicId, IResult result, string done, string? typed, OneStopDbContext db, CurrentStaff staff, IOptions<OfficeHoursOptions> defaults, CancellationToken cancellationToken)
    {
        switch (result)
        {
            case ProblemHttpResult { StatusCode: StatusCodes.Status404NotFound }:
                return NotFound();
            case ProblemHttpResult problem:
                var code = problem.ProblemDetails.Extensions.TryGetValue("code", out var c) ? c as string : null;
                return await PageAsync(electronicId, new Dictionary<string, object?> { [nameof(AgencyPage.UnitError)] = Messages.Rule(code), [nameof(AgencyPage.NewUnit)] = typed }, problem.StatusCode, db, staff, defaults, cancellationToken);
            case ValidationProblem invalid when typed is not null:
                return await PageAsync(electronicId, new Dictionary<string, object?> { [nameof(AgencyPage.UnitErrors)] = FormErrors.From(invalid), [nameof(AgencyPage.NewUnit)] = typed }, StatusCodes.Status400BadRequest, db, staff, defaults, cancellationToken);
            case ValidationProblem:
                return await PageAsync(electronicId, new Dictionary<string, object?> { [nameof(AgencyPage.UnitError)] = Messages.Field(Problems.ValidationCodes.RequiredText, Agencies.UnitName.MaxLength) }, StatusCodes.Status400BadRequest, db, staff, defaults, cancellationToken);
            default:
                return TypedResults.Redirect($"{AdministrationPages.AgenciesPath}/{Uri.EscapeDataString(electronicId)}?tb={done}#don-vi");
        }
    }

    private static async Task<Results<RazorComponentResult<AgencyPage>, RazorComponentResult<ErrorPage>, RedirectHttpResult>> PageAsync(
        string electronicId, Dictionary<string, object?> parameters, int status, OneStopDbContext db, CurrentStaff staff, IOptions<OfficeHoursOptions> defaults, CancellationToken cancellationToken)
    {
        var tree = (await AgencyAdminEndpoints.Tree(db, staff, defaults, cancellationToken)).Value!;
        if (Flatten(tree).FirstOrDefault(a => a.ElectronicId == electronicId) is not { } agency
            || await UnitAdminEndpoints.AgencyAsync(electronicId, db, staff, cancellationToken) is not { } agencyId)
        {
            return NotFound();
        }

        parameters[nameof(AgencyPage.Agency)] = agency;
        parameters[nameof(AgencyPage.Units)] = await UnitAdminEndpoints.ListAsync(db, agencyId, cancellationToken);
        return PageResults.Page<AgencyPage>(parameters, status);
    }

    private static RazorComponentResult<ErrorPage> NotFound() =>
        PageResults.Error(StatusCodes.Status404NotFound, "Không có cơ quan này trong phạm vi bạn quản trị.");
}
