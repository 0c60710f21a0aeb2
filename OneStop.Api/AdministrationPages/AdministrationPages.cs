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
    public const string AgenciesPath = PagePaths.AdministrationPath + "/co-quan";
    public const string ProceduresPath = PagePaths.AdministrationPath + "/thu-tuc";
    public const string CalendarPath = PagePaths.AdministrationPath + "/lich";
    public const string UsersPath = PagePaths.AdministrationPath + "/nguoi-dung";
    public const string NoticesPath = PagePaths.AdministrationPath + "/thong-bao";

    internal static readonly (string Href, string Text, string Description)[] Sections =
    [
        (AgenciesPath, "Cơ quan", "Cây cơ quan, mã định danh, giờ làm việc, giờ chốt nhận hồ sơ, tiếp nhận thứ Bảy, cách tính thời hạn, danh mục đơn vị."),
        (ProceduresPath, "Thủ tục", "Danh mục thủ tục hành chính và các phiên bản: thời hạn, thành phần hồ sơ, thời gian từng bước, lệ phí."),
        (CalendarPath, "Lịch làm việc", "Thông báo nghỉ lễ, nghỉ bù, làm bù theo văn bản; nhập và xuất iCalendar; lịch cả năm."),
        (UsersPath, "Người dùng", "Tài khoản cán bộ, vai trò, đơn vị, email nhận thông báo, khóa và mở khóa, đặt lại mật khẩu."),
        (NoticesPath, "Thông báo chưa gửi", "Thông báo nhắc việc, cảnh báo không đến được ai (người nhận chưa có email) và gửi lại."),
    ];

    public static IEndpointRouteBuilder MapAdministrationPages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(PagePaths.AdministrationPath)
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

    public static RazorComponentResult<AdministrationOverviewPage> Overview() => PageResults.Page<AdministrationOverviewPage>();

    /// <summary>A form's value: blank is null.</summary>
    internal static string? Value(IFormCollection form, string name) =>
        form.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value.ToString()) ? value.ToString().Trim() : null;

    /// <summary>Every ticked value of a checkbox group.</summary>
    internal static List<string> Values(IFormCollection form, string name) =>
        form.TryGetValue(name, out var values) ? values.OfType<string>().Where(v => v.Length > 0).ToList() : [];
}
