using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using OneStop.Api.Administration;
using OneStop.Api.Identity;
using OneStop.Api.Pages;
using OneStop.Persistence;

namespace OneStop.Api.AdministrationPages;

/// <summary>
/// <c>/quan-tri/thong-bao</c> (<see cref="NoticesPage"/>): the notices of the subtree nobody could be reached for, with
/// the reason, and a button that sends one again once the cause is fixed. Runs <see cref="NoticeAdminEndpoints"/>; a
/// refused resend is the Vietnamese error page with the endpoint's status.
/// </summary>
internal static class NoticePages
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/thong-bao", List);
        group.MapPost("/thong-bao/{id:guid}/gui-lai", Resend);
    }

    public static async Task<RazorComponentResult<NoticesPage>> List(string? tb, OneStopDbContext db, CurrentStaff staff, CancellationToken cancellationToken)
    {
        var notices = (await NoticeAdminEndpoints.Undelivered(db, staff, cancellationToken)).Value!;
        return PageResults.Page<NoticesPage>(new
        {
            Notices = notices,
            Message = tb == "da-gui-lai" ? "Đã xếp thông báo vào hàng gửi; hệ thống gửi trong lần chạy tới." : null,
        });
    }

    public static async Task<Results<RazorComponentResult<ErrorPage>, RedirectHttpResult>> Resend(
        IFormCollection form, Guid id, OneStopDbContext db, CurrentStaff staff, IClock clock, CancellationToken cancellationToken)
    {
        _ = form;
        var result = await NoticeAdminEndpoints.Resend(id, db, staff, clock, cancellationToken);
        return result.Result switch
        {
            ProblemHttpResult { StatusCode: StatusCodes.Status404NotFound } => PageResults.Error(StatusCodes.Status404NotFound, "Không có thông báo này trong phạm vi bạn quản trị."),
            ProblemHttpResult problem => PageResults.Error(problem.StatusCode, Messages.Rule(NoticeAdminEndpoints.NotUndelivered)),
            _ => TypedResults.Redirect(AdministrationPages.NoticesPath + "?tb=da-gui-lai"),
        };
    }
}
