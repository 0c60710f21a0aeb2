using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NodaTime;
using OneStop.Api.Administration;
using OneStop.Api.Identity;
using OneStop.Api.Pages;
using OneStop.Calendar;
using OneStop.Persistence;
using OneStop.Users;

namespace OneStop.Api.AdministrationPages;

/// <summary>
/// <c>/quan-tri/nguoi-dung</c>: the users of the administrator's subtree and a form for a new one;
/// <c>/quan-tri/nguoi-dung/{userName}</c>: the user's roles, unit, contact details (where notices go) and a password
/// reset (which also lifts a lockout).
/// All run <see cref="UserAdminEndpoints"/>.
/// </summary>
internal static class UserPages
{
    private static readonly string[] Lists = ["roles"];

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/nguoi-dung", List);
        group.MapPost("/nguoi-dung", Create);
        group.MapGet("/nguoi-dung/{userName}", Edit);
        group.MapPost("/nguoi-dung/{userName}/vai-tro", SetRoles);
        group.MapPost("/nguoi-dung/{userName}/don-vi", SetUnit);
        group.MapPost("/nguoi-dung/{userName}/lien-he", SetContact);
        group.MapPost("/nguoi-dung/{userName}/mat-khau", ResetPassword);
    }

    public static async Task<ContentHttpResult> List(
        HttpContext http, string? tb, OneStopDbContext db, CurrentStaff staff, IClock clock, IOptions<OfficeHoursOptions> defaults, CancellationToken cancellationToken)
    {
        var message = tb == "da-them" ? "Đã tạo tài khoản. Báo mật khẩu cho người dùng qua kênh riêng." : null;
        return await ListPageAsync(http, message, _ => null, [], FormErrors.None, StatusCodes.Status200OK, db, staff, clock, defaults, cancellationToken);
    }

    public static async Task<Results<ContentHttpResult, RedirectHttpResult>> Create(
        HttpContext http, IFormCollection form, OneStopDbContext db, UserManager<StaffUser> users, CurrentStaff staff, IClock clock, IOptions<OfficeHoursOptions> defaults, CancellationToken cancellationToken)
    {
        string? Value(string name) => AdministrationPages.Value(form, name);
        var roles = AdministrationPages.Values(form, "roles");
        var request = new CreateUserRequest(Value("userName"), Value("fullName"), form["password"].ToString(), Value("agency"), roles, Value("unit"), Value("email"), Value("phone"));
        var result = await UserAdminEndpoints.Create(request, db, users, staff, http.RequestServices.GetRequiredService<Units.UnitDirectory>(), cancellationToken);
        if (AdministrationPages.ErrorsOf(result.Result) is { } errors)
        {
            return await ListPageAsync(http, null, name => name == "password" ? null : Value(name), roles, AdminText.Errors(errors, Lists), StatusCodes.Status400BadRequest, db, staff, clock, defaults, cancellationToken);
        }

        return TypedResults.Redirect(AdministrationPages.UsersPath + "?tb=da-them");
    }

    public static async Task<ContentHttpResult> Edit(
        HttpContext http, string userName, string? tb, OneStopDbContext db, CurrentStaff staff, IClock clock, CancellationToken cancellationToken)
    {
        var message = tb switch
        {
            "da-luu-vai-tro" => "Đã lưu vai trò. Người dùng cần đăng nhập lại.",
            "da-luu-don-vi" => "Đã lưu đơn vị công tác.",
            "da-luu-lien-he" => "Đã lưu thông tin liên hệ.",
            "da-dat-mat-khau" => "Đã đặt mật khẩu mới và mở khóa tài khoản. Người dùng cần đăng nhập lại.",
            _ => null,
        };
        return await FindAsync(userName, db, staff, clock, cancellationToken) is { } user
            ? EditPage(http, user, message, null, FormErrors.None, FormErrors.None, FormErrors.None, StatusCodes.Status200OK)
            : NotFound(http);
    }

    public static async Task<Results<ContentHttpResult, RedirectHttpResult>> SetRoles(
        HttpContext http, string userName, IFormCollection form, OneStopDbContext db, UserManager<StaffUser> users, CurrentStaff staff, IClock clock, CancellationToken cancellationToken)
    {
        var roles = AdministrationPages.Values(form, "roles");
        var result = await UserAdminEndpoints.SetRoles(userName, new UserRolesRequest(roles), db, users, staff, clock, cancellationToken);
        if (result.Result is ProblemHttpResult || await FindAsync(userName, db, staff, clock, cancellationToken) is not { } user)
        {
            return NotFound(http);
        }

        return AdministrationPages.ErrorsOf(result.Result) is { } errors
            ? EditPage(http, user, null, roles, AdminText.Errors(errors, Lists), FormErrors.None, FormErrors.None, StatusCodes.Status400BadRequest)
            : TypedResults.Redirect(PathOf(userName) + "?tb=da-luu-vai-tro");
    }

    public static async Task<Results<ContentHttpResult, RedirectHttpResult>> SetUnit(
        HttpContext http, string userName, IFormCollection form, OneStopDbContext db, UserManager<StaffUser> users, CurrentStaff staff, IClock clock, CancellationToken cancellationToken)
    {
        var result = await UserAdminEndpoints.SetUnit(userName, new UserUnitRequest(form["unit"].ToString()), db, users, staff, http.RequestServices.GetRequiredService<Units.UnitDirectory>(), clock, cancellationToken);
        if (result.Result is ProblemHttpResult || await FindAsync(userName, db, staff, clock, cancellationToken) is not { } user)
        {
            return NotFound(http);
        }

        return AdministrationPages.ErrorsOf(result.Result) is { } errors
            ? EditPage(http, user, null, null, FormErrors.None, AdminText.Errors(errors), FormErrors.None, StatusCodes.Status400BadRequest)
            : TypedResults.Redirect(PathOf(userName) + "?tb=da-luu-don-vi");
    }

    public static async Task<Results<ContentHttpResult, RedirectHttpResult>> SetContact(
        HttpContext http, string userName, IFormCollection form, OneStopDbContext db, UserManager<StaffUser> users, CurrentStaff staff, IClock clock, CancellationToken cancellationToken)
    {
        var request = new UserContactRequest(form["email"].ToString(), form["phone"].ToString());
        var result = await UserAdminEndpoints.SetContact(userName, request, db, users, staff, clock, cancellationToken);
        if (result.Result is ProblemHttpResult || await FindAsync(userName, db, staff, clock, cancellationToken) is not { } user)
        {
            return NotFound(http);
        }

        return AdministrationPages.ErrorsOf(result.Result) is { } errors
            ? EditPage(http, user with { Email = request.Email, Phone = request.Phone }, null, null, FormErrors.None, FormErrors.None, FormErrors.None, StatusCodes.Status400BadRequest, AdminText.Errors(errors))
            : TypedResults.Redirect(PathOf(userName) + "?tb=da-luu-lien-he");
    }

    public static async Task<Results<ContentHttpResult, RedirectHttpResult>> ResetPassword(
        HttpContext http, string userName, IFormCollection form, OneStopDbContext db, UserManager<StaffUser> users, CurrentStaff staff, IClock clock, CancellationToken cancellationToken)
    {
        var result = await UserAdminEndpoints.ResetPassword(userName, new PasswordResetRequest(form["password"].ToString()), db, users, staff, cancellationToken);
        if (result.Result is ProblemHttpResult || await FindAsync(userName, db, staff, clock, cancellationToken) is not { } user)
        {
            return NotFound(http);
        }

        return AdministrationPages.ErrorsOf(result.Result) is { } errors
            ? EditPage(http, user, null, null, FormErrors.None, FormErrors.None, AdminText.Errors(errors), StatusCodes.Status400BadRequest)
            : TypedResults.Redirect(PathOf(userName) + "?tb=da-dat-mat-khau");
    }

    private static string PathOf(string userName) => AdministrationPages.UsersPath + "/" + Uri.EscapeDataString(userName);

    private static async Task<UserResponse?> FindAsync(string userName, OneStopDbContext db, CurrentStaff staff, IClock clock, CancellationToken cancellationToken) =>
        (await UserAdminEndpoints.List(db, staff, clock, cancellationToken)).Value!.FirstOrDefault(u => u.UserName == userName);

    private static IEnumerable<(string Value, string Text)> RoleOptions => Roles.All.Select(r => (r, AdminText.Role(r)));

    private static ContentHttpResult NotFound(HttpContext http) =>
        AdministrationPages.Page(http, "Không tìm thấy người dùng", AdministrationPages.UsersPath, Html.Of($"""
            <h1>Không tìm thấy người dùng</h1>
            <p class="notice notice-error" role="alert">Không có người dùng này trong phạm vi bạn quản trị.</p>
            <p><a href="{AdministrationPages.UsersPath}">Quay lại danh sách người dùng</a></p>
            """), StatusCodes.Status404NotFound);

    private static async Task<ContentHttpResult> ListPageAsync(
        HttpContext http, string? message, Func<string, string?> value, IReadOnlyCollection<string> roles, FormErrors errors, int status,
        OneStopDbContext db, CurrentStaff staff, IClock clock, IOptions<OfficeHoursOptions> defaults, CancellationToken cancellationToken)
    {
        var list = (await UserAdminEndpoints.List(db, staff, clock, cancellationToken)).Value!;
        var tree = (await AgencyAdminEndpoints.Tree(db, staff, defaults, cancellationToken)).Value!;
        var agencies = new List<(string, string)>();
        void Add(AgencyResponse a)
        {
            agencies.Add((a.ElectronicId, $"{a.Name} ({a.ElectronicId})"));
            foreach (var child in a.Children)
            {
                Add(child);
            }
        }

        Add(tree);
        var rows = list.Select(u => Html.Of($"""
            <tr>
              <td><a href="{PathOf(u.UserName)}">{u.UserName}</a></td>
              <td>{u.FullName}</td>
              <td>{u.AgencyName}</td>
              <td>{u.Unit}</td>
              <td>{Contact(u)}</td>
              <td>{string.Join(", ", u.Roles.Select(AdminText.Role))}</td>
              <td>{(u.LockedOut ? Html.Of($"""<span class="badge badge-late">Tạm khóa</span>""") : Html.Of($"Hoạt động"))}</td>
            </tr>
            """));
        return AdministrationPages.Page(http, "Người dùng", AdministrationPages.UsersPath, Html.Of($"""
            <h1>Người dùng</h1>
            {PageLayout.Notice("success", message)}
            <div class="admin-grid">
              <section aria-labelledby="danh-sach">
                <h2 id="danh-sach">Tài khoản ({list.Count})</h2>
                <div class="table-wrap"><table>
                  <caption class="visually-hidden">Tài khoản cán bộ; chọn tên đăng nhập để sửa vai trò hoặc đặt lại mật khẩu</caption>
                  <thead><tr><th scope="col">Tên đăng nhập</th><th scope="col">Họ và tên</th><th scope="col">Cơ quan</th><th scope="col">Đơn vị</th><th scope="col">Liên hệ</th><th scope="col">Vai trò</th><th scope="col">Trạng thái</th></tr></thead>
                  <tbody>{rows}</tbody>
                </table></div>
              </section>
              <section aria-labelledby="them">
                <h2 id="them">Tạo tài khoản</h2>
                {PageForms.ErrorSummary(errors)}
                <form method="post" action="{AdministrationPages.UsersPath}" class="stack" novalidate>
                  {PageForms.Antiforgery(http)}
                  {PageForms.Input("userName", "Tên đăng nhập", value("userName"), errors, required: true, extra: Html.Of($"""autocomplete="off" spellcheck="false" """))}
                  {PageForms.Input("fullName", "Họ và tên", value("fullName"), errors, required: true, extra: Html.Of($"""autocomplete="off" """))}
                  {PageForms.Input("password", "Mật khẩu ban đầu", null, errors, type: "password", required: true, hint: "Ít nhất 10 ký tự, có chữ hoa, chữ thường và chữ số.", extra: Html.Of($"""autocomplete="new-password" """))}
                  {PageForms.Select("agency", "Cơ quan", value("agency") ?? tree.ElectronicId, agencies, errors)}
                  {UnitInput(value("unit"), errors)}
                  {ContactInputs(value("email"), value("phone"), errors)}
                  {AdministrationPages.Checkboxes("roles", "Vai trò", RoleOptions, roles, errors)}
                  <button type="submit">Tạo tài khoản</button>
                </form>
              </section>
            </div>
            """), status);
    }

    private static Html UnitInput(string? value, FormErrors errors) =>
        PageForms.Input("unit", "Đơn vị công tác (không bắt buộc)", value, errors,
            hint: "Tên đơn vị như khi chuyển hồ sơ, ví dụ Công chức tư pháp - hộ tịch: thông báo về hồ sơ đơn vị đang giữ gửi đến cán bộ của đơn vị.",
            extra: Html.Of($"""autocomplete="off" """));

    // The e-mail address and phone, or a warning that the worker's notices cannot reach the user.
    private static Html Contact(UserResponse user) => user.Email is null
        ? Html.Of($"""<span class="badge badge-late">Chưa có email: không nhận được thông báo</span>{(user.Phone is null ? Html.Empty : Html.Of($"<br>{user.Phone}"))}""")
        : Html.Of($"""{user.Email}{(user.Phone is null ? Html.Empty : Html.Of($"<br>{user.Phone}"))}""");

    private static Html ContactInputs(string? email, string? phone, FormErrors errors) => Html.Of($"""
        {PageForms.Input("email", "Email nhận thông báo", email, errors, type: "email", hint: "Thông báo nhắc việc, cảnh báo quá hạn của hệ thống gửi đến địa chỉ này.", extra: Html.Of($"""autocomplete="off" spellcheck="false" """))}
        {PageForms.Input("phone", "Số điện thoại (không bắt buộc)", phone, errors, type: "tel", extra: Html.Of($"""autocomplete="off" """))}
        """);

    private static ContentHttpResult EditPage(
        HttpContext http, UserResponse user, string? message, IReadOnlyCollection<string>? roles, FormErrors roleErrors, FormErrors unitErrors, FormErrors passwordErrors, int status, FormErrors? contactErrors = null) =>
        AdministrationPages.Page(http, "Người dùng " + user.UserName, AdministrationPages.UsersPath, Html.Of($"""
            <p><a href="{AdministrationPages.UsersPath}">← Danh sách người dùng</a></p>
            <h1>{user.FullName} <span class="muted">({user.UserName})</span></h1>
            <p>{user.AgencyName}{(user.Unit is null ? Html.Empty : Html.Of($" · {user.Unit}"))} · {Contact(user)} · {(user.LockedOut ? Html.Of($"""<span class="badge badge-late">Tạm khóa do đăng nhập sai nhiều lần</span>""") : Html.Of($"Đang hoạt động"))}</p>
            {PageLayout.Notice("success", message)}
            <div class="pair">
              <section aria-labelledby="vai-tro">
                <h2 id="vai-tro">Vai trò</h2>
                {PageForms.ErrorSummary(roleErrors)}
                <form method="post" action="{PathOf(user.UserName)}/vai-tro" class="stack" novalidate>
                  {PageForms.Antiforgery(http)}
                  {AdministrationPages.Checkboxes("roles", "Vai trò của người dùng", RoleOptions, roles ?? user.Roles, roleErrors)}
                  <button type="submit">Lưu vai trò</button>
                </form>
              </section>
              <section aria-labelledby="don-vi">
                <h2 id="don-vi">Đơn vị công tác</h2>
                {PageForms.ErrorSummary(unitErrors)}
                <form method="post" action="{PathOf(user.UserName)}/don-vi" class="stack" novalidate>
                  {PageForms.Antiforgery(http)}
                  {UnitInput(user.Unit, unitErrors)}
                  <button type="submit">Lưu đơn vị</button>
                </form>
              </section>
              <section aria-labelledby="lien-he">
                <h2 id="lien-he">Liên hệ</h2>
                {PageForms.ErrorSummary(contactErrors ?? FormErrors.None)}
                <form method="post" action="{PathOf(user.UserName)}/lien-he" class="stack" novalidate>
                  {PageForms.Antiforgery(http)}
                  {ContactInputs(user.Email, user.Phone, contactErrors ?? FormErrors.None)}
                  <button type="submit">Lưu liên hệ</button>
                </form>
              </section>
              <section aria-labelledby="mat-khau">
                <h2 id="mat-khau">Đặt lại mật khẩu</h2>
                <p class="hint">Dùng khi người dùng quên mật khẩu hoặc bị tạm khóa; tài khoản được mở khóa.</p>
                {PageForms.ErrorSummary(passwordErrors)}
                <form method="post" action="{PathOf(user.UserName)}/mat-khau" class="stack" novalidate>
                  {PageForms.Antiforgery(http)}
                  {PageForms.Input("password", "Mật khẩu mới", null, passwordErrors, type: "password", required: true, hint: "Ít nhất 10 ký tự, có chữ hoa, chữ thường và chữ số.", extra: Html.Of($"""autocomplete="new-password" """))}
                  <button type="submit">Đặt mật khẩu mới</button>
                </form>
              </section>
            </div>
            """), status);
}
