using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using OneStop.Api.Administration;
using OneStop.Api.Identity;
using OneStop.Api.Pages;
using OneStop.Notifications;
using OneStop.Persistence;

namespace OneStop.Api.AdministrationPages;

/// <summary>
/// <c>/quan-tri/thong-bao</c>: the notices of the subtree nobody could be reached for, with the reason, and a button
/// that sends one again once the cause is fixed. Runs <see cref="NoticeAdminEndpoints"/>.
/// </summary>
internal static class NoticePages
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/thong-bao", List);
        group.MapPost("/thong-bao/{id:guid}/gui-lai", Resend);
    }

    public static async Task<ContentHttpResult> List(HttpContext http, string? tb, OneStopDbContext db, CurrentStaff staff, CancellationToken cancellationToken)
    {
        var notices = (await NoticeAdminEndpoints.Undelivered(db, staff, cancellationToken)).Value!;
        var message = tb == "da-gui-lai" ? "Đã xếp thông báo vào hàng gửi; hệ thống gửi trong lần chạy tới." : null;
        var staffCount = notices.Count(n => n.Audience != NoticeAudience.Citizen);
        var rows = notices.Select(n => Html.Of($"""
            <tr>
              <td><a class="code" href="/quay/ho-so/{Uri.EscapeDataString(n.DossierCode)}">{n.DossierCode}</a></td>
              <td>{AudienceText(n.Audience)}{(n.Unit is null ? Html.Empty : Html.Of($"<br><span class=\"muted\">{n.Unit}</span>"))}</td>
              <td>{n.Subject}</td>
              <td>{VietnameseText.DateTime(n.UndeliveredAt)}</td>
              <td>{n.Reason}</td>
              <td>
                <form method="post" action="{AdministrationPages.NoticesPath}/{n.Id}/gui-lai">
                  {PageForms.Antiforgery(http)}
                  <button type="submit" class="button-secondary">Gửi lại</button>
                </form>
              </td>
            </tr>
            """));
        var table = notices.Count == 0
            ? Html.Of($"""<p class="notice notice-info">Mọi thông báo đều đã đến được người nhận.</p>""")
            : Html.Of($"""
                <div class="table-wrap"><table>
                  <caption>Thông báo chưa gửi được, thông báo cho cán bộ lên đầu</caption>
                  <thead><tr><th scope="col">Hồ sơ</th><th scope="col">Gửi cho</th><th scope="col">Tiêu đề</th><th scope="col">Ghi nhận lúc</th><th scope="col">Lý do</th><th scope="col">Thao tác</th></tr></thead>
                  <tbody>{rows}</tbody>
                </table></div>
                """);
        return AdministrationPages.Page(http, "Thông báo chưa gửi được", AdministrationPages.NoticesPath, Html.Of($"""
            <h1>Thông báo chưa gửi được ({notices.Count})</h1>
            {PageLayout.Notice("success", message)}
            <p class="lead">{staffCount} thông báo cho cán bộ và {notices.Count - staffCount} thông báo cho công dân không đến được ai: người nhận chưa có email, hoặc gửi nhiều lần không thành công. Bổ sung email ở trang <a href="{AdministrationPages.UsersPath}">Người dùng</a> rồi bấm “Gửi lại”.</p>
            {table}
            """));
    }

    public static async Task<Results<ContentHttpResult, RedirectHttpResult>> Resend(
        HttpContext http, Guid id, OneStopDbContext db, CurrentStaff staff, IClock clock, CancellationToken cancellationToken)
    {
        var result = await NoticeAdminEndpoints.Resend(id, db, staff, clock, cancellationToken);
        if (result.Result is ProblemHttpResult problem)
        {
            return AdministrationPages.Page(http, "Không gửi lại được", AdministrationPages.NoticesPath, Html.Of($"""
                <h1>Không gửi lại được</h1>
                <p class="notice notice-error" role="alert">{(problem.StatusCode == StatusCodes.Status404NotFound ? "Không có thông báo này trong phạm vi bạn quản trị." : "Thông báo này đã được gửi hoặc đã nằm trong hàng gửi.")}</p>
                <p><a href="{AdministrationPages.NoticesPath}">Quay lại danh sách</a></p>
                """), problem.StatusCode);
        }

        return TypedResults.Redirect(AdministrationPages.NoticesPath + "?tb=da-gui-lai");
    }

    private static string AudienceText(NoticeAudience audience) => audience switch
    {
        NoticeAudience.Citizen => "Công dân",
        NoticeAudience.Officer => "Cán bộ xử lý",
        NoticeAudience.HeadOfDepartment => "Lãnh đạo đơn vị",
        NoticeAudience.HeadOfAgency => "Thủ trưởng cơ quan",
        _ => "Giám sát",
    };
}
