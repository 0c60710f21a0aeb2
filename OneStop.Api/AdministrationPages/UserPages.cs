using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NodaTime;
using OneStop.Api.Administration;
using OneStop.Api.Identity;
using OneStop.Api.Pages;
using OneStop.Api.Units;
using OneStop.Calendar;
using OneStop.Persistence;
using OneStop.Users;

namespace OneStop.Api.AdministrationPages;

/// <summary>
/// <c>/quan-tri/nguoi-dung</c> (<see cref="UsersPage"/>): the users of the administrator's subtree and a form for a
/// new one; <c>/quan-tri/nguoi-dung/{userName}</c> (<see cref="UserPage"/>): the user's roles, unit (picked from the
/// agency's catalogue), contact details (where notices go), lock and unlock, and a password reset (which lifts the
/// lockout after failed passwords). All run <see cref="UserAdminEndpoints"/>.
/// </summary>
internal static class UserPages
{
    internal const string UnitHint = "Đơn vị trong danh mục của cơ quan: thông báo về hồ sơ đơn vị đang giữ gửi đến cán bộ của đơn vị.";

    internal static IEnumerable<(string Value, string Text)> RoleOptions => Roles.All.Select(r => (r, AdminText.Role(r)));

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/nguoi-dung", List);
        group.MapPost("/nguoi-dung", Create);
        group.MapGet("/nguoi-dung/{userName}", Edit);
        group.MapPost("/nguoi-dung/{userName}/vai-tro", SetRoles);
        group.MapPost("/nguoi-dung/{userName}/don-vi", SetUnit);
        group.MapPost("/nguoi-dung/{userName}/lien-he", SetContact);
        group.MapPost("/nguoi-dung/{userName}/khoa", Lock);
        group.MapPost("/nguoi-dung/{userName}/mo-khoa", Unlock);
        group.MapPost("/nguoi-dung/{userName}/mat-khau", ResetPassword);
    }

    internal static string PathOf(string userName) => AdministrationPages.UsersPath + "/" + Uri.EscapeDataString(userName);

    public static async Task<RazorComponentResult<UsersPage>> List(
        string? tb, OneStopDbContext db, CurrentStaff staff, IClock clock, IOptions<OfficeHoursOptions> defaults, UnitDirectory units, CancellationToken cancellationToken)
    {
        var message = tb == "da-them" ? "Đã tạo tài khoản. Báo mật khẩu cho người dùng qua kênh riêng." : null;
        return await ListPageAsync(message, new Dictionary<string, string?>(), [], FormErrors.None, StatusCodes.Status200OK, db, staff, clock, defaults, units, cancellationToken);
    }

    public static async Task<Results<RazorComponentResult<UsersPage>, RedirectHttpResult>> Create(
        IFormCollection form, OneStopDbContext db, UserManager<StaffUser> users, CurrentStaff staff, IClock clock, IOptions<OfficeHoursOptions> defaults, UnitDirectory units, CancellationToken cancellationToken)
    {
        string? Value(string name) => AdministrationPages.Value(form, name);
        var roles = AdministrationPages.Values(form, "roles");
        var request = new CreateUserRequest(Value("userName"), Value("fullName"), form["password"].ToString(), Value("agency"), roles, Value("unit"), Value("email"), Value("phone"));
        var result = await UserAdminEndpoints.Create(request, db, users, staff, units, cancellationToken);
        if (result.Result is ValidationProblem problem)
        {
            var values = new[] { "userName", "fullName", "agency", "unit", "email", "phone" }.ToDictionary(n => n, Value);
            return await ListPageAsync(null, values, roles, AdminErrors.From(problem, "roles"), StatusCodes.Status400BadRequest, db, staff, clock, defaults, units, cancellationToken);
        }

        return TypedResults.Redirect(AdministrationPages.UsersPath + "?tb=da-them");
    }

    public static async Task<Results<RazorComponentResult<UserPage>, RazorComponentResult<ErrorPage>, RedirectHttpResult>> Edit(
        string userName, string? tb, OneStopDbContext db, CurrentStaff staff, IClock clock, UnitDirectory units, CancellationToken cancellationToken)
    {
        var message = tb switch
        {
            "da-luu-vai-tro" => "Đã lưu vai trò. Người dùng cần đăng nhập lại.",
            "da-luu-don-vi" => "Đã lưu đơn vị công tác.",
            "da-luu-lien-he" => "Đã lưu thông tin liên hệ.",
            "da-khoa" => "Đã khóa tài khoản. Người dùng bị đăng xuất và không đăng nhập lại được cho đến khi mở khóa.",
            "da-mo-khoa" => "Đã mở khóa tài khoản.",
            "da-dat-mat-khau" => "Đã đặt mật khẩu mới. Người dùng cần đăng nhập lại.",
            _ => null,
        };
        return await PageAsync(userName, db, staff, clock, units, new { Message = message }, StatusCodes.Status200OK, cancellationToken);
    }

    public static async Task<Results<RazorComponentResult<UserPage>, RazorComponentResult<ErrorPage>, RedirectHttpResult>> SetRoles(
        string userName, IFormCollection form, OneStopDbContext db, UserManager<StaffUser> users, CurrentStaff staff, IClock clock, UnitDirectory units, CancellationToken cancellationToken)
    {
        var roles = AdministrationPages.Values(form, "roles");
        var result = await UserAdminEndpoints.SetRoles(userName, new UserRolesRequest(roles), db, users, staff, clock, cancellationToken);
        return await AnswerAsync(userName, result.Result, "da-luu-vai-tro", e => new { Roles = roles, RoleErrors = e }, db, staff, clock, units, cancellationToken);
    }

    public static async Task<Results<RazorComponentResult<UserPage>, RazorComponentResult<ErrorPage>, RedirectHttpResult>> SetUnit(
        string userName, IFormCollection form, OneStopDbContext db, UserManager<StaffUser> users, CurrentStaff staff, IClock clock, UnitDirectory units, CancellationToken cancellationToken)
    {
        var result = await UserAdminEndpoints.SetUnit(userName, new UserUnitRequest(form["unit"].ToString()), db, users, staff, units, clock, cancellationToken);
        return await AnswerAsync(userName, result.Result, "da-luu-don-vi", e => new { UnitErrors = e }, db, staff, clock, units, cancellationToken);
    }

    public static async Task<Results<RazorComponentResult<UserPage>, RazorComponentResult<ErrorPage>, RedirectHttpResult>> SetContact(
        string userName, IFormCollection form, OneStopDbContext db, UserManager<StaffUser> users, CurrentStaff staff, IClock clock, UnitDirectory units, CancellationToken cancellationToken)
    {
        var request = new UserContactRequest(form["email"].ToString(), form["phone"].ToString());
        var result = await UserAdminEndpoints.SetContact(userName, request, db, users, staff, clock, cancellationToken);
        if (result.Result is ValidationProblem problem && await FindAsync(userName, db, staff, clock, cancellationToken) is { } user)
        {
            return PageOf(user with { Email = request.Email, Phone = request.Phone }, (await units.ActiveNamesAsync([user.Agency], cancellationToken)).GetValueOrDefault(user.Agency) ?? [],
                new { ContactErrors = FormErrors.From(problem) }, StatusCodes.Status400BadRequest);
        }

        return await AnswerAsync(userName, result.Result, "da-luu-lien-he", e => new { ContactErrors = e }, db, staff, clock, units, cancellationToken);
    }

    public static async Task<Results<RazorComponentResult<UserPage>, RazorComponentResult<ErrorPage>, RedirectHttpResult>> Lock(
        string userName, IFormCollection form, OneStopDbContext db, UserManager<StaffUser> users, CurrentStaff staff, RefreshTokenStore refreshTokens, IClock clock, UnitDirectory units, CancellationToken cancellationToken)
    {
        _ = form;
        var result = await UserAdminEndpoints.Lock(userName, db, users, staff, refreshTokens, clock, cancellationToken);
        if (result.Result is ProblemHttpResult { StatusCode: StatusCodes.Status409Conflict })
        {
            return await PageAsync(userName, db, staff, clock, units, new { Error = Messages.Rule(UserAdminEndpoints.LockSelf) }, StatusCodes.Status409Conflict, cancellationToken);
        }

        return await AnswerAsync(userName, result.Result, "da-khoa", e => new { }, db, staff, clock, units, cancellationToken);
    }

    public static async Task<Results<RazorComponentResult<UserPage>, RazorComponentResult<ErrorPage>, RedirectHttpResult>> Unlock(
        string userName, IFormCollection form, OneStopDbContext db, UserManager<StaffUser> users, CurrentStaff staff, IClock clock, UnitDirectory units, CancellationToken cancellationToken)
    {
        _ = form;
        var result = await UserAdminEndpoints.Unlock(userName, db, users, staff, clock, cancellationToken);
        return await AnswerAsync(userName, result.Result, "da-mo-khoa", e => new { }, db, staff, clock, units, cancellationToken);
    }

    public static async Task<Results<RazorComponentResult<UserPage>, RazorComponentResult<ErrorPage>, RedirectHttpResult>> ResetPassword(
        string userName, IFormCollection form, OneStopDbContext db, UserManager<StaffUser> users, CurrentStaff staff, IClock clock, UnitDirectory units, CancellationToken cancellationToken)
    {
        var result = await UserAdminEndpoints.ResetPassword(userName, new PasswordResetRequest(form["password"].ToString()), db, users, staff, cancellationToken);
        return await AnswerAsync(userName, result.Result, "da-dat-mat-khau", e => new { PasswordErrors = e }, db, staff, clock, units, cancellationToken);
    }

    // A form's answer: 404 page for a user outside the subtree, the page with the form's errors for a 400, else post/redirect/get.
    private static async Task<Results<RazorComponentResult<UserPage>, RazorComponentResult<ErrorPage>, RedirectHttpResult>> AnswerAsync(
        string userName, IResult result, string done, Func<FormErrors, object> errors, OneStopDbContext db, CurrentStaff staff, IClock clock, UnitDirectory units, CancellationToken cancellationToken)
    {
        if (result is ProblemHttpResult)
        {
            return NotFound();
        }

        if (result is ValidationProblem problem)
        {
            return await PageAsync(userName, db, staff, clock, units, errors(AdminErrors.From(problem, "roles")), StatusCodes.Status400BadRequest, cancellationToken);
        }

        return TypedResults.Redirect(PathOf(userName) + "?tb=" + done);
    }

    private static async Task<Results<RazorComponentResult<UserPage>, RazorComponentResult<ErrorPage>, RedirectHttpResult>> PageAsync(
        string userName, OneStopDbContext db, CurrentStaff staff, IClock clock, UnitDirectory units, object parameters, int status, CancellationToken cancellationToken)
    {
        if (await FindAsync(userName, db, staff, clock, cancellationToken) is not { } user)
        {
            return NotFound();
        }

        return PageOf(user, (await units.ActiveNamesAsync([user.Agency], cancellationToken)).GetValueOrDefault(user.Agency) ?? [], parameters, status);
    }

    private static RazorComponentResult<UserPage> PageOf(UserResponse user, IReadOnlyList<string> units, object parameters, int status)
    {
        var values = parameters.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(parameters));
        values[nameof(UserPage.User)] = user;
        values[nameof(UserPage.Units)] = units;
        return PageResults.Page<UserPage>(values, status);
    }

    private static RazorComponentResult<ErrorPage> NotFound() =>
        PageResults.Error(StatusCodes.Status404NotFound, "Không có người dùng này trong phạm vi bạn quản trị.");

    private static async Task<UserResponse?> FindAsync(string userName, OneStopDbContext db, CurrentStaff staff, IClock clock, CancellationToken cancellationToken) =>
        (await UserAdminEndpoints.List(db, staff, clock, cancellationToken)).Value!.FirstOrDefault(u => u.UserName == userName);


    private static async Task<RazorComponentResult<UsersPage>> ListPageAsync(
        string? message, IReadOnlyDictionary<string, string?> values, IReadOnlyCollection<string> roles, FormErrors errors, int status,
        OneStopDbContext db, CurrentStaff staff, IClock clock, IOptions<OfficeHoursOptions> defaults, UnitDirectory units, CancellationToken cancellationToken)
    {
        var list = (await UserAdminEndpoints.List(db, staff, clock, cancellationToken)).Value!;
        var tree = (await AgencyAdminEndpoints.Tree(db, staff, defaults, cancellationToken)).Value!;
        var agencies = AgencyPages.Flatten(tree).ToList();
        var names = await units.ActiveNamesAsync(agencies.Select(a => a.ElectronicId).ToList(), cancellationToken);
        var groups = agencies.Select(a => new UnitGroup(a.Name, names.GetValueOrDefault(a.ElectronicId) ?? [])).ToList();

        return PageResults.Page<UsersPage>(
            new Dictionary<string, object?>
            {
                [nameof(UsersPage.Users)] = list,
                [nameof(UsersPage.Agencies)] = agencies.Select(a => (a.ElectronicId, $"{a.Name} ({a.ElectronicId})")).ToList(),
                [nameof(UsersPage.UnitGroups)] = groups,
                [nameof(UsersPage.DefaultAgency)] = tree.ElectronicId,
                [nameof(UsersPage.Message)] = message,
                [nameof(UsersPage.Values)] = values,
                [nameof(UsersPage.Roles)] = roles,
                [nameof(UsersPage.Errors)] = errors,
            },
            status);
    }
}
