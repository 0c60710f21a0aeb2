using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Api.Pages;

namespace OneStop.Api.AdministrationPages;

/// <summary>
/// The administration pages under <c>/quan-tri</c>: agencies, procedures, the calendar notices and users. Each form
/// posts to its own address and runs the handler of the JSON endpoint in <c>OneStop.Api.Administration</c>, so
/// the rules are those of the API; after a change the page redirects with a message (post/redirect/get), bad
/// input re-renders the form with the errors beside the fields. Administrators only (<see cref="Policies.Administrator"/>): a
/// signed-out visitor is sent to the sign-in page, another member of staff to the 403 page.
/// </summary>
public static class AdministrationPages
{
    public const string AgenciesPath = PageLayout.AdministrationPath + "/co-quan";
    public const string ProceduresPath = PageLayout.AdministrationPath + "/thu-tuc";
    public const string CalendarPath = PageLayout.AdministrationPath + "/lich";
    public const string UsersPath = PageLayout.AdministrationPath + "/nguoi-dung";
    public const string NoticesPath = PageLayout.AdministrationPath + "/thong-bao";

    internal static readonly (string Href, string Text, string Description)[] Sections =
    [
        (AgenciesPath, "Cơ quan", "Cây cơ quan, mã định danh, giờ làm việc, giờ chốt nhận hồ sơ, tiếp nhận thứ Bảy, cách tính thời hạn."),
        (ProceduresPath, "Thủ tục", "Danh mục thủ tục hành chính và các phiên bản: thời hạn, thành phần hồ sơ, thời gian từng bước, lệ phí."),
        (CalendarPath, "Lịch làm việc", "Thông báo nghỉ lễ, nghỉ bù, làm bù theo văn bản; nhập và xuất iCalendar; lịch cả năm."),
        (UsersPath, "Người dùng", "Tài khoản cán bộ, vai trò, đơn vị, email nhận thông báo, đặt lại mật khẩu."),
        (NoticesPath, "Thông báo chưa gửi", "Thông báo nhắc việc, cảnh báo không đến được ai (người nhận chưa có email) và gửi lại."),
    ];

    public static IEndpointRouteBuilder MapAdministrationPages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(PageLayout.AdministrationPath)
            .RequireAuthorization(Policies.Administrator)
            .ExcludeFromDescription();
        group.MapGet(string.Empty, Overview);
        AgencyPages.Map(group);
        ProcedurePages.Map(group);
        CalendarPages.Map(group);
        UserPages.Map(group);
        NoticePages.Map(group);
        return app;
    }

    public static ContentHttpResult Overview(HttpContext http)
    {
        var cards = Sections.Select(s => Html.Of($"""
            <li><a href="{s.Href}">{s.Text}</a><p>{s.Description}</p></li>
            """));
        return Page(http, "Quản trị", null, Html.Of($"""
            <h1>Quản trị hệ thống</h1>
            <p class="lead">Thay đổi ở đây áp dụng cho hồ sơ tiếp nhận sau đó; hồ sơ đã tiếp nhận giữ phiên bản thủ tục và thời hạn đã tính.</p>
            <ul class="admin-cards">{cards}</ul>
            """));
    }

    /// <summary>An administration page: the staff frame, the sections' own navigation, the administration styles.</summary>
    internal static ContentHttpResult Page(HttpContext http, string title, string? section, Html main, int status = StatusCodes.Status200OK)
    {
        var links = Sections.Select(s => s.Href == section
            ? Html.Of($"""<li><a href="{s.Href}" aria-current="page">{s.Text}</a></li>""")
            : Html.Of($"""<li><a href="{s.Href}">{s.Text}</a></li>"""));
        return PageLayout.Staff(http, title, Html.Of($"""
            <link rel="stylesheet" href="/css/admin.css">
            <nav class="admin-nav" aria-label="Mục quản trị">
              <ul><li><a href="{PageLayout.AdministrationPath}"{(section is null ? Html.Of($" aria-current=\"page\"") : Html.Empty)}>Tổng quan</a></li>{links}</ul>
            </nav>
            {main}
            """), status);
    }

    /// <summary>The validation errors of an endpoint's answer, or null when it is not a 400.</summary>
    internal static IDictionary<string, string[]>? ErrorsOf(IResult result) =>
        result is ValidationProblem problem ? problem.ProblemDetails.Errors : null;

    /// <summary>A group of labelled checkboxes in a fieldset that carries the group's error.</summary>
    internal static Html Checkboxes(string name, string legend, IEnumerable<(string Value, string Text)> options, IReadOnlyCollection<string> ticked, FormErrors errors, string? idPrefix = null)
    {
        var id = idPrefix + PageForms.IdOf(name);
        var error = errors.For(name);
        var boxes = options.Select((o, i) => Html.Of($"""
            <label class="check"><input type="checkbox" id="{id}-{i}" name="{name}" value="{o.Value}"{(ticked.Contains(o.Value) ? Html.Of($" checked") : Html.Empty)}> {o.Text}</label>
            """));
        return Html.Of($"""
            <fieldset id="{id}" class="checks{(error is null ? string.Empty : " has-error")}" tabindex="-1"{(error is null ? Html.Empty : Html.Of($""" aria-describedby="{id}-error" """))}>
              <legend>{legend}</legend>
              {(error is null ? Html.Empty : Html.Of($"""<p class="error" id="{id}-error">{error}</p>"""))}
              <div class="check-row">{boxes}</div>
            </fieldset>
            """);
    }

    /// <summary>A form's value: blank is null.</summary>
    internal static string? Value(IFormCollection form, string name) =>
        form.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value.ToString()) ? value.ToString().Trim() : null;

    /// <summary>Every ticked value of a checkbox group.</summary>
    internal static List<string> Values(IFormCollection form, string name) =>
        form.TryGetValue(name, out var values) ? values.OfType<string>().Where(v => v.Length > 0).ToList() : [];
}
