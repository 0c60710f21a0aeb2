using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using OneStop.Api.Identity;
using OneStop.Api.Pages;
using OneStop.Calendar;
using OneStop.Deadlines;
using OneStop.Dossiers;
using OneStop.Persistence;
using OneStop.Sla;
using OneStop.Users;

namespace OneStop.Api.Desk;

/// <summary>
/// The desk's pages: the queue of open dossiers (overdue and due soon first), registration, and the dossier page
/// with its actions. Every page reads and writes through the same services as the JSON endpoints.
/// </summary>
public static class DeskPages
{
    private const int QueueLimit = 200;

    private static readonly DossierStatus[] OpenStatuses =
        [DossierStatus.Received, DossierStatus.InProcess, DossierStatus.AwaitingSupplement, DossierStatus.ResultReady, DossierStatus.NotCollected];

    public static IEndpointRouteBuilder MapDeskPages(this IEndpointRouteBuilder app)
    {
        app.MapGet(PageLayout.DeskPath, Queue).RequireAuthorization(PageAuthorization.Staff).ExcludeFromDescription();
        app.MapGet("/quay/mo", Open).RequireAuthorization(PageAuthorization.Staff).ExcludeFromDescription();
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

    public static Html Badge(QueueUrgency urgency, DossierStatus status) => urgency switch
    {
        QueueUrgency.Overdue => Html.Of($"""<span class="badge badge-late">Quá hạn</span>"""),
        QueueUrgency.DueSoon => Html.Of($"""<span class="badge badge-soon">Sắp đến hạn</span>"""),
        _ when status == DossierStatus.AwaitingSupplement => Html.Of($"""<span class="badge badge-paused">Chờ bổ sung</span>"""),
        _ when status is DossierStatus.ResultReady or DossierStatus.NotCollected => Html.Of($"""<span class="badge badge-ready">Chờ trả kết quả</span>"""),
        _ => Html.Empty,
    };

    public static async Task<ContentHttpResult> Queue(
        HttpContext http, OneStopDbContext db, CurrentStaff staff, AgencyDeadlines deadlines, IOptions<DeadlineThresholds> thresholds, IClock clock, CancellationToken cancellationToken)
    {
        var member = await staff.GetAsync(cancellationToken);
        var now = clock.GetCurrentInstant();
        var rows = await (
            from d in db.Dossiers.AsNoTracking()
            join a in db.Agencies on d.AgencyId equals a.Id
            join v in db.ProcedureVersions on d.ProcedureVersionId equals v.Id
            join p in db.Procedures on v.ProcedureId equals p.Id
            where a.Path.StartsWith(member.AgencyPath) && OpenStatuses.Contains(d.Status)
            orderby d.StatutoryDueAt
            select new { d.Code, d.Status, d.CurrentUnit, d.CountingStartsAt, d.StatutoryDueAt, d.AppointmentAt, Procedure = p.Name, Agency = a })
            .Take(QueueLimit).ToListAsync(cancellationToken);
        var calculator = deadlines.Calculator;
        var queue = rows
            .Select(r => new
            {
                Row = r,
                Urgency = UrgencyOf(r.Status, r.CountingStartsAt, r.StatutoryDueAt, now, thresholds.Value, calculator, deadlines.HoursOf(r.Agency)),
            })
            .OrderBy(x => x.Urgency).ThenBy(x => x.Row.StatutoryDueAt).ToList();
        var overdue = queue.Count(x => x.Urgency == QueueUrgency.Overdue);
        var soon = queue.Count(x => x.Urgency == QueueUrgency.DueSoon);
        var lines = queue.Select(x => Html.Of($"""
            <tr{(x.Urgency == QueueUrgency.Overdue ? Html.Of($" class=\"row-late\"") : Html.Empty)}>
              <td><a class="code" href="/quay/ho-so/{Uri.EscapeDataString(x.Row.Code)}">{x.Row.Code}</a></td>
              <td>{x.Row.Procedure}</td>
              <td>{x.Row.Status.ToVietnamese()} {Badge(x.Urgency, x.Row.Status)}</td>
              <td>{x.Row.CurrentUnit}</td>
              <td>{VietnameseText.DateTime(x.Row.StatutoryDueAt)}</td>
              <td>{VietnameseText.DateTime(x.Row.AppointmentAt)}</td>
            </tr>
            """));
        var table = queue.Count == 0
            ? Html.Of($"""<p class="notice notice-info">Không có hồ sơ nào đang mở.</p>""")
            : Html.Of($"""
                <div class="table-wrap">
                <table>
                  <caption>Hồ sơ đang mở, quá hạn và sắp đến hạn lên đầu (hạn theo quy định)</caption>
                  <thead><tr><th scope="col">Mã hồ sơ</th><th scope="col">Thủ tục</th><th scope="col">Tình trạng</th><th scope="col">Đang ở</th><th scope="col">Hạn giải quyết</th><th scope="col">Hẹn trả</th></tr></thead>
                  <tbody>{lines}</tbody>
                </table>
                </div>
                """);
        var register = member.IsInRole(Roles.Clerk) || member.IsInRole(Roles.Admin)
            ? Html.Of($"""<a class="button" href="{PageLayout.RegisterPath}">Tiếp nhận hồ sơ mới</a>""")
            : Html.Empty;
        return PageLayout.Staff(http, "Hàng chờ", Html.Of($"""
            <h1>Hàng chờ hôm nay <span class="muted">({VietnameseText.Day(now)})</span></h1>
            <p class="lead">{member.FullName}: <strong>{overdue}</strong> hồ sơ quá hạn, <strong>{soon}</strong> sắp đến hạn, <strong>{queue.Count}</strong> đang mở.</p>
            <div class="inline">
              <form method="get" action="/quay/mo" class="inline" role="search">
                {PageForms.Input("ma", "Mở hồ sơ theo mã", null, FormErrors.None, extra: Html.Of($"""autocomplete="off" spellcheck="false" """))}
                <button type="submit" class="button-secondary">Mở</button>
              </form>
              {register}
            </div>
            <h2>Danh sách hồ sơ</h2>
            {table}
            """));
    }

    /// <summary>Opens a dossier by the code typed at the desk.</summary>
    public static RedirectHttpResult Open(string? ma) =>
        string.IsNullOrWhiteSpace(ma)
            ? TypedResults.Redirect(PageLayout.DeskPath)
            : TypedResults.Redirect("/quay/ho-so/" + Uri.EscapeDataString(ma.Trim()));
}
