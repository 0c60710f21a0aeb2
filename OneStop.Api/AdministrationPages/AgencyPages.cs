using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OneStop.Api.Administration;
using OneStop.Api.Identity;
using OneStop.Api.Pages;
using OneStop.Calendar;
using OneStop.Deadlines;
using OneStop.Persistence;

namespace OneStop.Api.AdministrationPages;

/// <summary>
/// <c>/quan-tri/co-quan</c>: the agency tree of the administrator's subtree with a form for a new agency, and
/// <c>/quan-tri/co-quan/{electronicId}</c>: name, electronic id, office hours and counting mode of one agency.
/// Both run <see cref="AgencyAdminEndpoints"/>.
/// </summary>
internal static class AgencyPages
{
    private static readonly string[] Lists = ["sessions", "saturdayReception"];

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/co-quan", List);
        group.MapPost("/co-quan", Create);
        group.MapGet("/co-quan/{electronicId}", Edit);
        group.MapPost("/co-quan/{electronicId}", Update);
    }

    public static async Task<ContentHttpResult> List(
        HttpContext http, string? tb, OneStopDbContext db, CurrentStaff staff, IOptions<OfficeHoursOptions> defaults, CancellationToken cancellationToken)
    {
        var tree = (await AgencyAdminEndpoints.Tree(db, staff, defaults, cancellationToken)).Value!;
        var message = tb switch
        {
            "da-them" => "Đã thêm cơ quan.",
            "da-luu" => "Đã lưu thay đổi của cơ quan.",
            _ => null,
        };
        return ListPage(http, tree, message, _ => null, FormErrors.None, StatusCodes.Status200OK);
    }

    public static async Task<Results<ContentHttpResult, RedirectHttpResult>> Create(
        HttpContext http, IFormCollection form, OneStopDbContext db, CurrentStaff staff, IOptions<OfficeHoursOptions> defaults, NodaTime.IClock clock, CancellationToken cancellationToken)
    {
        var request = new CreateAgencyRequest(AdministrationPages.Value(form, "name"), AdministrationPages.Value(form, "electronicId"), AdministrationPages.Value(form, "parent"));
        var result = await AgencyAdminEndpoints.Create(request, db, staff, defaults, clock, cancellationToken);
        if (AdministrationPages.ErrorsOf(result.Result) is { } errors)
        {
            var tree = (await AgencyAdminEndpoints.Tree(db, staff, defaults, cancellationToken)).Value!;
            return ListPage(http, tree, null, name => AdministrationPages.Value(form, name), AdminText.Errors(errors), StatusCodes.Status400BadRequest);
        }

        return TypedResults.Redirect(AdministrationPages.AgenciesPath + "?tb=da-them");
    }

    public static async Task<ContentHttpResult> Edit(
        HttpContext http, string electronicId, OneStopDbContext db, CurrentStaff staff, IOptions<OfficeHoursOptions> defaults, CancellationToken cancellationToken)
    {
        var tree = (await AgencyAdminEndpoints.Tree(db, staff, defaults, cancellationToken)).Value!;
        return Flatten(tree).FirstOrDefault(a => a.ElectronicId == electronicId) is { } agency
            ? EditPage(http, agency, null, FormErrors.None, StatusCodes.Status200OK)
            : NotFound(http);
    }

    public static async Task<Results<ContentHttpResult, RedirectHttpResult>> Update(
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
            return NotFound(http);
        }

        if (AdministrationPages.ErrorsOf(result.Result) is { } errors)
        {
            var tree = (await AgencyAdminEndpoints.Tree(db, staff, defaults, cancellationToken)).Value!;
            var agency = Flatten(tree).First(a => a.ElectronicId == electronicId);
            return EditPage(http, agency, Value, AdminText.Errors(errors, Lists), StatusCodes.Status400BadRequest);
        }

        return TypedResults.Redirect(AdministrationPages.AgenciesPath + "?tb=da-luu");
    }

    /// <summary>"07:30-11:30, 13:00-17:00" (commas, semicolons or lines) as the API's list of sessions.</summary>
    internal static List<string> Split(string? text) =>
        (text ?? string.Empty).Split([',', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.Replace(" ", string.Empty, StringComparison.Ordinal).Replace('–', '-')).ToList();

    private static IEnumerable<AgencyResponse> Flatten(AgencyResponse agency) => [agency, .. agency.Children.SelectMany(Flatten)];

    private static ContentHttpResult NotFound(HttpContext http) =>
        AdministrationPages.Page(http, "Không tìm thấy cơ quan", AdministrationPages.AgenciesPath, Html.Of($"""
            <h1>Không tìm thấy cơ quan</h1>
            <p class="notice notice-error" role="alert">Không có cơ quan này trong phạm vi bạn quản trị.</p>
            <p><a href="{AdministrationPages.AgenciesPath}">Quay lại danh sách cơ quan</a></p>
            """), StatusCodes.Status404NotFound);

    private static ContentHttpResult ListPage(HttpContext http, AgencyResponse tree, string? message, Func<string, string?> value, FormErrors errors, int status)
    {
        var parents = Flatten(tree).Select(a => (a.ElectronicId, $"{a.Name} ({a.ElectronicId})"));
        return AdministrationPages.Page(http, "Cơ quan", AdministrationPages.AgenciesPath, Html.Of($"""
            <h1>Cơ quan</h1>
            {PageLayout.Notice("success", message)}
            <div class="admin-grid">
              <section aria-labelledby="cay">
                <h2 id="cay">Cây cơ quan</h2>
                <ul class="tree">{Node(tree)}</ul>
              </section>
              <section aria-labelledby="them">
                <h2 id="them">Thêm cơ quan</h2>
                {PageForms.ErrorSummary(errors)}
                <form method="post" action="{AdministrationPages.AgenciesPath}" class="stack" novalidate>
                  {PageForms.Antiforgery(http)}
                  {PageForms.Input("name", "Tên cơ quan", value("name"), errors, required: true)}
                  {PageForms.Input("electronicId", "Mã định danh", value("electronicId"), errors, required: true, hint: "4 nhóm cách nhau bởi dấu chấm, ví dụ 000.00.14.H99.", extra: Html.Of($"""autocomplete="off" spellcheck="false" """))}
                  {PageForms.Select("parent", "Trực thuộc", value("parent") ?? tree.ElectronicId, parents, errors)}
                  <p class="hint">Giờ làm việc của cơ quan mới theo cấu hình chung; sửa sau khi thêm.</p>
                  <button type="submit">Thêm cơ quan</button>
                </form>
              </section>
            </div>
            """), status);
    }

    private static Html Node(AgencyResponse agency)
    {
        var children = agency.Children.Count == 0 ? Html.Empty : Html.Of($"""<ul>{agency.Children.Select(Node)}</ul>""");
        var hours = string.Join(", ", agency.Sessions) + (agency.SaturdayReception.Count == 0 ? string.Empty : "; thứ Bảy " + string.Join(", ", agency.SaturdayReception));
        return Html.Of($"""
            <li>
              <a href="{AdministrationPages.AgenciesPath}/{Uri.EscapeDataString(agency.ElectronicId)}">{agency.Name}</a>
              <span class="code">{agency.ElectronicId}</span>
              <span class="muted small">{hours} · chốt {agency.CutOff}{(agency.UsesDefaultHours ? " · giờ chung" : string.Empty)}</span>
              {children}
            </li>
            """);
    }

    private static ContentHttpResult EditPage(HttpContext http, AgencyResponse agency, Func<string, string?>? value, FormErrors errors, int status)
    {
        string? Posted(string name, string current) => value is null ? current : value(name);
        var action = AdministrationPages.AgenciesPath + "/" + Uri.EscapeDataString(agency.ElectronicId);
        var modes = Enum.GetNames<CountingMode>().Select(m => (m, AdminText.Counting(m)));
        return AdministrationPages.Page(http, "Sửa cơ quan: " + agency.Name, AdministrationPages.AgenciesPath, Html.Of($"""
            <p><a href="{AdministrationPages.AgenciesPath}">← Danh sách cơ quan</a></p>
            <h1>{agency.Name} <span class="muted">({agency.ElectronicId})</span></h1>
            {(agency.UsesDefaultHours ? PageLayout.Notice("info", "Cơ quan đang dùng giờ làm việc theo cấu hình chung. Lưu biểu mẫu này để cơ quan có giờ riêng.") : Html.Empty)}
            {PageForms.ErrorSummary(errors)}
            <form method="post" action="{action}" class="stack" novalidate>
              {PageForms.Antiforgery(http)}
              <fieldset>
                <legend>Thông tin cơ quan</legend>
                {PageForms.Input("name", "Tên cơ quan", Posted("name", agency.Name), errors, required: true)}
                {PageForms.Input("electronicId", "Mã định danh", Posted("electronicId", agency.ElectronicId), errors, required: true, hint: "Đổi mã định danh không đổi mã các hồ sơ đã tiếp nhận.", extra: Html.Of($"""autocomplete="off" spellcheck="false" """))}
              </fieldset>
              <fieldset>
                <legend>Giờ làm việc và cách tính thời hạn</legend>
                {PageForms.Input("sessions", "Các buổi làm việc (thứ Hai – thứ Sáu)", Posted("sessions", string.Join(", ", agency.Sessions)), errors, required: true, hint: "Ví dụ: 07:30-11:30, 13:00-17:00.")}
                {PageForms.Input("cutOff", "Giờ chốt nhận hồ sơ trong ngày", Posted("cutOff", agency.CutOff), errors, required: true, hint: "Hồ sơ nhận sau giờ này tính từ ngày làm việc tiếp theo (hồ sơ tiếp nhận từ 01/7/2025: Nghị định 118/2025, Điều 18 khoản 2, sửa đổi bởi Nghị định 309/2026, Điều 9; trước đó: Nghị định 61/2018, Điều 18). Ví dụ 15:00. Thủ tục có thể đặt giờ chốt riêng.")}
                {PageForms.Input("saturdayReception", "Tiếp nhận sáng thứ Bảy", Posted("saturdayReception", string.Join(", ", agency.SaturdayReception)), errors, hint: "Để trống nếu không tiếp nhận thứ Bảy. Ví dụ: 07:30-11:30.")}
                {PageForms.Select("countingMode", "Cách tính thời hạn", Posted("countingMode", agency.CountingMode), modes, errors)}
              </fieldset>
              <fieldset>
                <legend>Liên hệ công khai (hiện trên trang tra cứu hồ sơ)</legend>
                {PageForms.Input("address", "Địa chỉ Bộ phận Một cửa", Posted("address", agency.Address), errors, hint: "Nơi công dân nộp hồ sơ và nhận kết quả.")}
                {PageForms.Input("phone", "Điện thoại", Posted("phone", agency.Phone), errors, hint: "Ví dụ: 024 3825 1234.", extra: Html.Of($"""inputmode="tel" autocomplete="off" """))}
              </fieldset>
              <p class="hint">Thay đổi áp dụng cho hồ sơ tiếp nhận sau khi lưu.</p>
              <button type="submit">Lưu thay đổi</button>
            </form>
            """), status);
    }
}
