using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using OneStop.Api.Dossiers;
using OneStop.Api.Identity;
using OneStop.Api.Pages;
using OneStop.Deadlines;
using OneStop.Dossiers;
using OneStop.Persistence;
using OneStop.Users;

namespace OneStop.Api.Desk;

/// <summary>
/// <c>/quay/ho-so/{code}</c>: the dossier's status, its three deadlines, applicant, documents and ledger, the
/// printable forms, and one form per action the user's roles and the dossier's state allow. Each action posts to
/// its own address, runs the JSON endpoint's handler, and redirects back with a message; bad input re-renders
/// the page with the errors beside the fields; a broken rule (409) comes back as a clear message.
/// </summary>
internal static class DossierPage
{
    private const string Route = "/quay/ho-so/{code}";

    private static readonly DossierActionForm[] Actions =
    [
        new("ban-giao", "Bàn giao hồ sơ", "Ghi nhận bàn giao", "Đã ghi nhận bàn giao.", [Roles.Clerk, Roles.Officer],
            d => d.Status is DossierStatus.Received or DossierStatus.InProcess,
            (code, f, actions, ct) => DossierEndpoints.HandOver(code, new HandoverRequest(f["toUnit"], f["giver"], f["receiver"], Hours(f["stepBudgetHours"]), f.OccurredAt), actions, ct)),
        new("yeu-cau-bo-sung", "Yêu cầu bổ sung hồ sơ (Mẫu 02)", "Gửi yêu cầu bổ sung", "Đã ghi nhận yêu cầu bổ sung; thời hạn tạm dừng.", [Roles.Officer],
            d => d.Status == DossierStatus.InProcess,
            (code, f, actions, ct) => DossierEndpoints.RequestSupplement(code, new SupplementRequestRequest(f["reason"], f["missingDocuments"], f.OccurredAt), actions, ct)),
        new("nhan-bo-sung", "Nhận hồ sơ bổ sung", "Ghi nhận đã bổ sung", "Đã nhận hồ sơ bổ sung; thời hạn tính lại từ đầu.", [Roles.Clerk, Roles.Officer],
            d => d.Status == DossierStatus.AwaitingSupplement,
            (code, f, actions, ct) => DossierEndpoints.ReceiveSupplement(code, new OccurredAtRequest(f.OccurredAt), actions, ct)),
        new("xin-loi", "Đề nghị xin lỗi, hẹn lại ngày trả (Mẫu 04)", "Gửi đề nghị", "Đã lập phiếu xin lỗi; chờ thủ trưởng phê duyệt.", [Roles.Officer, Roles.Head],
            d => !d.Status.IsTerminal() && !d.Status.HasResult() && d.Reschedulings == 0 && d.Apologies.All(a => a.Status != ApologyStatus.Pending),
            (code, f, actions, ct) => DossierEndpoints.RequestApology(code, new ApologyRequest(f["reason"], VietnameseText.FromLocalInput(f["newAppointmentAt"]), f.OccurredAt), actions, ct)),
        new("duyet-xin-loi", "Phê duyệt phiếu xin lỗi", "Phê duyệt và dời ngày hẹn", "Đã phê duyệt; ngày hẹn trả đã được dời.", [Roles.Officer, Roles.Head, Roles.Clerk],
            _ => false,
            (code, f, actions, ct) => DossierEndpoints.ApproveApology(code, Guid.TryParse(f["apologyId"], out var id) ? id : Guid.Empty, new OccurredAtRequest(f.OccurredAt), actions, ct)),
        new("ket-qua", "Ghi nhận có kết quả", "Ghi nhận kết quả", "Đã ghi nhận có kết quả.", [Roles.Officer, Roles.Clerk],
            d => d.Status is DossierStatus.Received or DossierStatus.InProcess,
            (code, f, actions, ct) => DossierEndpoints.MarkResultReady(code, new NoteRequest(f["note"], f.OccurredAt), actions, ct)),
        new("tra-ket-qua", "Trả kết quả cho công dân", "Ghi nhận đã trả", "Đã trả kết quả.", [Roles.Clerk],
            d => d.Status is DossierStatus.ResultReady or DossierStatus.NotCollected,
            (code, f, actions, ct) => DossierEndpoints.Return(code, new ReturnRequest(f["receivedBy"], f.OccurredAt), actions, ct)),
        new("cong-dan-den", "Công dân đến hỏi", "Ghi nhận lượt đến", "Đã ghi nhận lượt công dân đến.", [Roles.Clerk],
            d => !d.Status.IsTerminal(),
            (code, f, actions, ct) => DossierEndpoints.LogVisit(code, new NoteRequest(f["note"], f.OccurredAt), actions, ct)),
        new("dung", "Dừng giải quyết theo yêu cầu của công dân", "Dừng giải quyết", "Đã dừng giải quyết hồ sơ.", [Roles.Clerk],
            d => !d.Status.IsTerminal() && !d.Status.HasResult(),
            (code, f, actions, ct) => DossierEndpoints.Stop(code, new ReasonRequest(f["reason"], f.OccurredAt), actions, ct)),
        new("tu-choi", "Từ chối giải quyết (Mẫu 03)", "Từ chối", "Đã ghi nhận từ chối giải quyết.", [Roles.Officer, Roles.Head],
            d => !d.Status.IsTerminal() && !d.Status.HasResult(),
            (code, f, actions, ct) => DossierEndpoints.Refuse(code, new ReasonRequest(f["reason"], f.OccurredAt), actions, ct)),
    ];

    public static string PathOf(string code) => "/quay/ho-so/" + Uri.EscapeDataString(code);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(Route, Show).RequireAuthorization(PageAuthorization.Staff).ExcludeFromDescription();
        foreach (var action in Actions)
        {
            app.MapPost(Route + "/" + action.Slug, (HttpContext http, string code, IFormCollection form, DossierActions actions, PageServices services, CancellationToken cancellationToken) =>
                    ActAsync(action, http, code, form, actions, services, cancellationToken))
                .RequireAuthorization(PageAuthorization.For(action.Roles)).ExcludeFromDescription();
        }
    }

    public static Task<ContentHttpResult> Show(HttpContext http, string code, PageServices services, CancellationToken cancellationToken)
    {
        var done = http.Request.Query["tb"].ToString();
        var rule = http.Request.Query["loi"].ToString();
        var success = done == "da-tiep-nhan"
            ? "Đã tiếp nhận hồ sơ. In giấy tiếp nhận và hẹn trả kết quả cho công dân."
            : Actions.FirstOrDefault(a => a.Slug == done)?.Done;
        return RenderAsync(http, code, success, rule.Length == 0 ? null : VietnameseText.Rule(rule), null, FormErrors.None, null, services, cancellationToken);
    }

    private static async Task<Results<RedirectHttpResult, ContentHttpResult>> ActAsync(
        DossierActionForm action, HttpContext http, string code, IFormCollection form, DossierActions actions, PageServices services, CancellationToken cancellationToken)
    {
        var posted = new PostedForm(form);
        try
        {
            var outcome = await action.Run(code, posted, actions, cancellationToken);
            return outcome.Result switch
            {
                Ok<DossierStateResponse> => TypedResults.Redirect(PathOf(code) + "?tb=" + action.Slug),
                ValidationProblem invalid => await RenderAsync(
                    http, code, null, null, action.Slug, FormErrors.From(invalid), posted, services, cancellationToken, StatusCodes.Status400BadRequest),
                _ => await RenderAsync(http, code, null, null, null, FormErrors.None, null, services, cancellationToken),
            };
        }
        catch (DossierRuleException e)
        {
            return TypedResults.Redirect(PathOf(code) + "?loi=" + Uri.EscapeDataString(e.Code));
        }
    }

    private static async Task<ContentHttpResult> RenderAsync(
        HttpContext http, string code, string? success, string? ruleError, string? failed, FormErrors errors, PostedForm? posted,
        PageServices services, CancellationToken cancellationToken, int status = StatusCodes.Status200OK)
    {
        if (await services.Store.FindAsync(code, cancellationToken) is not var (dossier, agency))
        {
            return PageLayout.Staff(http, "Không tìm thấy hồ sơ", Html.Of($"""
                <p><a href="{PageLayout.DeskPath}">← Hàng chờ</a></p>
                <h1>Không tìm thấy hồ sơ</h1>
                <p class="notice notice-error" role="alert">Không có hồ sơ mã “{code}” trong phạm vi cơ quan của bạn. Kiểm tra lại mã.</p>
                """), StatusCodes.Status404NotFound);
        }

        var member = await services.Staff.GetAsync(cancellationToken);
        var now = services.Clock.GetCurrentInstant();
        var db = services.Db;

        var procedure = await (
            from v in db.ProcedureVersions.AsNoTracking()
            where v.Id == dossier.ProcedureVersionId
            join p in db.Procedures on v.ProcedureId equals p.Id
            select new { p.Code, p.Name, v.StepBudgets }).SingleAsync(cancellationToken);
        var events = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == dossier.Id).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var urgency = DeskPages.UrgencyOf(dossier.Status, dossier.CountingStartsAt, dossier.StatutoryDueAt, now, services.Thresholds.Value, services.Deadlines.Calculator, services.Deadlines.HoursOf(agency));
        var units = procedure.StepBudgets.Select(s => s.Unit).Append(Dossier.DeskUnit).Distinct(StringComparer.Ordinal).ToList();
        var offered = Actions.Where(a => a.IsOffered(dossier) && a.Roles.Any(member.IsInRole)).ToList();
        var escaped = Uri.EscapeDataString(dossier.Code);

        var main = Html.Of($"""
            <p><a href="{PageLayout.DeskPath}">← Hàng chờ</a></p>
            <h1>Hồ sơ <span class="code">{dossier.Code}</span></h1>
            {PageLayout.Notice("success", success)}
            {PageLayout.Notice("error", ruleError)}
            <div class="dossier-grid">
              <div>
                <p class="lead"><strong>{procedure.Name}</strong> <span class="muted">({procedure.Code})</span></p>
                <p>Tình trạng: <strong>{dossier.Status.ToVietnamese()}</strong> {DeskPages.Badge(urgency, dossier.Status)} · Đang ở: {dossier.CurrentUnit}</p>
                <h2>Thời hạn</h2>
                <div class="deadlines">
                  <div class="deadline"><span class="label">Hạn giải quyết theo quy định</span><span class="value">{VietnameseText.DateTime(dossier.StatutoryDueAt)}</span></div>
                  <div class="deadline"><span class="label">Hẹn trả kết quả{(dossier.Reschedulings > 0 ? " (đã hẹn lại)" : string.Empty)}</span><span class="value">{VietnameseText.DateTime(dossier.AppointmentAt)}</span></div>
                  <div class="deadline"><span class="label">Hạn của bước hiện tại</span><span class="value">{(dossier.StepDueAt is { } step ? VietnameseText.DateTime(step) : "—")}</span></div>
                  {(dossier.Status == DossierStatus.AwaitingSupplement && dossier.SupplementDueAt is { } supplementDue ? Html.Of($"""<div class="deadline"><span class="label">Hạn công dân bổ sung (quá hạn: đóng hồ sơ)</span><span class="value">{VietnameseText.DateTime(supplementDue)}</span></div>""") : Html.Empty)}
                </div>
                <p class="muted">{(dossier.ReceivedAt is { } receivedElsewhere ? $"Nhận tại bộ phận một cửa ngoài địa bàn {VietnameseText.DateTime(receivedElsewhere)} · cơ quan có thẩm quyền nhận " : "Tiếp nhận ")}{VietnameseText.DateTime(dossier.AcceptedAt)} · bắt đầu tính {VietnameseText.DateTime(dossier.CountingStartsAt)} · thời hạn {dossier.ProcessingTime.ToString()} · lịch {(dossier.DueCalendarStatus == OneStop.Calendar.CalendarStatus.Official ? "chính thức" : "tạm tính")} · sổ theo dõi số {dossier.TrackingNumber}</p>
                <h2>In giấy tờ</h2>
                <div class="prints">
                  <a class="button" href="/api/dossiers/{escaped}/receipt.pdf">In giấy tiếp nhận</a>
                  <a class="button button-secondary" href="/api/dossiers/{escaped}/forms">Các biểu mẫu khác (PDF)</a>
                  <a class="button button-secondary" href="{PageLayout.LookupPath}/{escaped}">Trang tra cứu của công dân</a>
                </div>
                <h2>Người nộp hồ sơ</h2>
                {Person(dossier.Applicant)}
                {(dossier.Proxy is { } proxy ? Html.Of($"<h3>Người được ủy quyền</h3>{Person(proxy)}") : Html.Empty)}
                <p>Kênh tiếp nhận: {VietnameseText.Channel(dossier.Channel)}</p>
                <h2>Thành phần hồ sơ</h2>
                <ul>{dossier.Documents.Select(d => Html.Of($"<li>{d.Name}: {d.Originals} bản chính, {d.Copies} bản sao</li>"))}</ul>
              </div>
              <div>
                <h2>Thao tác</h2>
                {Apologies(http, dossier, member, failed, errors, posted)}
                {(offered.Count == 0
                    ? Html.Of($"""<p class="muted">{(dossier.Status.IsTerminal() ? "Hồ sơ đã kết thúc; không còn thao tác." : "Vai trò của bạn không có thao tác nào với hồ sơ ở tình trạng này.")}</p>""")
                    : Html.Join(offered.Select(a => ActionForm(http, dossier, a, units, a.Slug == failed ? errors : FormErrors.None, a.Slug == failed ? posted : null))))}
              </div>
            </div>
            <h2>Nhật ký hồ sơ</h2>
            {Ledger(events)}
            """);
        // Decree 13/2023: who read a dossier's personal data is logged, once the page is built (the commit is the
        // last thing that can fail).
        db.PersonalDataReads.Add(new PersonalDataRead(dossier.Id, member.UserName, now, "GET " + Route));
        await db.SaveChangesAsync(cancellationToken);
                return PageLayout.Staff(http, "Hồ sơ " + dossier.Code, main, status);
    }

    private static Html ActionForm(HttpContext http, Dossier dossier, DossierActionForm action, List<string> units, FormErrors errors, PostedForm? posted)
    {
        string? V(string name) => posted?[name];
        var prefix = action.Slug + "-";
        string Id(string name) => prefix + name;
        var fields = action.Slug switch
        {
            "ban-giao" => Html.Of($"""
                {PageForms.Input("toUnit", "Bàn giao cho đơn vị", V("toUnit"), errors, required: true, id: Id("toUnit"), extra: Html.Of($"""list="{prefix}units" autocomplete="off" """))}
                <datalist id="{prefix}units">{units.Select(u => Html.Of($"""<option value="{u}">"""))}</datalist>
                {PageForms.Input("giver", "Người giao", V("giver"), errors, id: Id("giver"), hint: "Để trống: người đang đăng nhập.")}
                {PageForms.Input("receiver", "Người nhận", V("receiver"), errors, id: Id("receiver"))}
                {PageForms.Input("stepBudgetHours", "Thời gian cho bước này (giờ làm việc)", V("stepBudgetHours"), errors, type: "number", id: Id("stepBudgetHours"), extra: Html.Of($"""min="0" max="2400" """))}
                """),
            "yeu-cau-bo-sung" => Html.Of($"""
                {PageForms.TextArea("reason", "Lý do", V("reason"), errors, required: true, id: Id("reason"))}
                {PageForms.TextArea("missingDocuments", "Giấy tờ cần bổ sung", V("missingDocuments"), errors, id: Id("missingDocuments"), hint: "Hướng dẫn một lần, đầy đủ (Nghị định 118/2025, Điều 17 khoản 2 điểm a, sửa đổi bởi Nghị định 309/2026; hồ sơ tiếp nhận trước 01/7/2025: Thông tư 01/2018).")}
                """),
            "xin-loi" => Html.Of($"""
                {PageForms.TextArea("reason", "Lý do chậm", V("reason"), errors, required: true, id: Id("reason"))}
                {PageForms.Input("newAppointmentAt", "Ngày hẹn trả mới", V("newAppointmentAt"), errors, type: "datetime-local", required: true, id: Id("newAppointmentAt"), hint: "Chỉ được hẹn lại một lần; cần thủ trưởng phê duyệt.")}
                """),
            "ket-qua" or "cong-dan-den" => PageForms.TextArea("note", "Ghi chú", V("note"), errors, id: Id("note")),
            "tra-ket-qua" => PageForms.Input("receivedBy", "Người nhận kết quả", V("receivedBy"), errors, id: Id("receivedBy"), hint: "Để trống nếu là người nộp hồ sơ."),
            "dung" or "tu-choi" => PageForms.TextArea("reason", "Lý do", V("reason"), errors, required: true, id: Id("reason")),
            _ => Html.Empty,
        };
        return Html.Of($"""
            <details class="action" id="{action.Slug}"{(errors.IsEmpty ? Html.Empty : Html.Of($" open"))}>
              <summary>{action.Title}</summary>
              <form method="post" action="{PathOf(dossier.Code)}/{action.Slug}" novalidate>
                {PageForms.ErrorSummary(errors, prefix)}
                {PageForms.Antiforgery(http)}
                {fields}
                {When(V("occurredAt"), errors, prefix)}
                <button type="submit"{(action.Slug is "dung" or "tu-choi" ? Html.Of($" class=\"button-danger\"") : Html.Empty)}>{action.Button}</button>
              </form>
            </details>
            """);
    }

    private static Html Apologies(HttpContext http, Dossier dossier, StaffMember member, string? failed, FormErrors errors, PostedForm? posted)
    {
        var pending = dossier.Apologies.Where(a => a.Status == ApologyStatus.Pending).ToList();
        if (pending.Count == 0)
        {
            return Html.Empty;
        }

        var formErrors = failed == "duyet-xin-loi" ? errors : FormErrors.None;
        return Html.Join(pending.Select(a => Html.Of($"""
            <section class="notice notice-info" id="duyet-xin-loi" aria-label="Phiếu xin lỗi chờ phê duyệt">
              <p><strong>Phiếu xin lỗi chờ thủ trưởng phê duyệt</strong></p>
              <p>Lý do: {a.Reason}<br>Ngày hẹn mới đề nghị: <strong>{VietnameseText.DateTime(a.NewAppointmentAt)}</strong><br>Người lập: {a.RequestedBy}, {VietnameseText.DateTime(a.RequestedAt)}</p>
              {(member.IsInRole(Roles.Head) && !dossier.Status.IsTerminal()
                  ? Html.Of($"""
                      <form method="post" action="{PathOf(dossier.Code)}/duyet-xin-loi">
                        {PageForms.ErrorSummary(formErrors, "duyet-xin-loi-")}
                        {PageForms.Antiforgery(http)}
                        <input type="hidden" name="apologyId" value="{a.Id}">
                        {When(failed == "duyet-xin-loi" ? posted?["occurredAt"] : null, formErrors, "duyet-xin-loi-")}
                        <button type="submit">Phê duyệt và dời ngày hẹn</button>
                      </form>
                      """)
                  : Html.Empty)}
            </section>
            """)));
    }

    private static Html When(string? value, FormErrors errors, string prefix) => Html.Of($"""
        <details class="when"{(errors.For("occurredAt") is null ? Html.Empty : Html.Of($" open"))}>
          <summary>Việc này đã xảy ra trước đó?</summary>
          {PageForms.Input("occurredAt", "Thời điểm thực tế", value, errors, type: "datetime-local", id: prefix + "occurredAt", hint: "Để trống nếu là bây giờ. Không được sau hiện tại, không trước khi tiếp nhận.")}
        </details>
        """);

    private static Html Person(Person person) => Html.Of($"""
        <dl class="facts">
          <dt>Họ và tên</dt><dd>{person.FullName}</dd>
          <dt>Số định danh</dt><dd>{person.IdNumber ?? "—"}</dd>
          <dt>Điện thoại</dt><dd>{person.Phone ?? "—"}</dd>
          <dt>Địa chỉ</dt><dd>{person.Address ?? "—"}</dd>
          <dt>Email</dt><dd>{person.Email ?? "—"}</dd>
        </dl>
        """);

    private static Html Ledger(List<DossierEvent> events) => Html.Of($"""
        <div class="table-wrap">
        <table>
          <thead><tr><th scope="col">#</th><th scope="col">Sự kiện</th><th scope="col">Thời điểm</th><th scope="col">Người thực hiện</th><th scope="col">Chi tiết</th></tr></thead>
          <tbody>{events.Select(e => Html.Of($"""
            <tr>
              <td>{e.Sequence}</td>
              <td>{VietnameseText.Event(e.Kind)}</td>
              <td>{VietnameseText.DateTime(e.OccurredAt)}{(e.OccurredAt != e.RecordedAt ? Html.Of($"<br><span class=\"muted\">ghi lúc {VietnameseText.DateTime(e.RecordedAt)}</span>") : Html.Empty)}</td>
              <td>{e.Actor}</td>
              <td><ul class="details">{EventDetails.Read(e.Details).Where(kv => kv.Value.Length > 0).Select(kv => Html.Of($"<li>{VietnameseText.DetailName(kv.Key)}: {VietnameseText.DetailValue(kv.Value)}</li>"))}</ul></td>
            </tr>
            """))}</tbody>
        </table>
        </div>
        """);

    private static int? Hours(string? text) =>
        text is null ? null : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var hours) ? hours : -1;
}

/// <summary>What the dossier page reads besides the request.</summary>
internal sealed record PageServices(DossierStore Store, CurrentStaff Staff, OneStopDbContext Db, AgencyDeadlines Deadlines, IClock Clock, Microsoft.Extensions.Options.IOptions<OneStop.Sla.DeadlineThresholds> Thresholds);
