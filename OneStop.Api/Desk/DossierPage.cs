using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using OneStop.Api.Documents;
using OneStop.Api.Dossiers;
using OneStop.Api.Identity;
using OneStop.Api.Pages;
using OneStop.Deadlines;
using OneStop.Dossiers;
using OneStop.Jobs.Lateness;
using OneStop.Lateness;
using OneStop.Persistence;
using OneStop.Users;

namespace OneStop.Api.Desk;

/// <summary>
/// <c>/quay/ho-so/{code}</c>: the dossier's status, its three deadlines, applicant, documents and ledger (in
/// Vietnamese, by kind), a link for every form that exists for it, its lateness findings for supervisors and heads, and
/// one form per action the user's roles and the dossier's state allow. Each action posts to its own address, runs the
/// JSON endpoint's handler, and redirects back with a message; bad input re-renders the page with the errors beside
/// the fields; a broken rule (409) comes back as a clear message.
/// </summary>
internal static class DossierPage
{
    private const string Route = "/quay/ho-so/{code}";

    /// <summary>Where an action posted from the drafts list returns (<c>ve=xin-loi-cho-duyet</c>).</summary>
    private const string BackToDrafts = "xin-loi-cho-duyet";

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
            (code, f, actions, ct) => DossierEndpoints.ApproveApology(code, ApologyId(f), new OccurredAtRequest(f.OccurredAt), actions, ct)),
        new("tu-choi-xin-loi", "Không phê duyệt phiếu xin lỗi", "Không phê duyệt", "Đã ghi nhận không phê duyệt phiếu xin lỗi; ngày hẹn trả giữ nguyên.", [Roles.Officer, Roles.Head, Roles.Clerk],
            _ => false,
            (code, f, actions, ct) => DossierEndpoints.RejectApology(code, ApologyId(f), new ReasonRequest(f["reason"], f.OccurredAt), actions, ct)),
        new("cap-lai-giay-tiep-nhan", "Cấp lại giấy tiếp nhận (Mẫu 01)", "Cấp lại giấy tiếp nhận", "Đã cấp lại giấy tiếp nhận. In giấy mới trong mục Giấy tờ in.", [Roles.Clerk],
            d => !d.Status.IsTerminal(),
            (code, f, actions, ct) => DossierEndpoints.ReissueReceipt(code, new ReissueReceiptRequest(VietnameseText.FromLocalInput(f["appointmentAt"]), f["reason"], f.OccurredAt), actions, ct)),
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

    /// <summary>The success message of an action by its address (the drafts list shows it too).</summary>
    public static string? DoneOf(string? slug) => Actions.FirstOrDefault(a => a.Slug == slug)?.Done;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(Route, Show).RequireAuthorization(Policies.Staff).ExcludeFromDescription();
        foreach (var action in Actions)
        {
            app.MapPost(Route + "/" + action.Slug, (HttpContext http, string code, IFormCollection form, DossierActions actions, PageServices services, CancellationToken cancellationToken) =>
                    ActAsync(action, http, code, form, actions, services, cancellationToken))
                .RequireAuthorization(Policies.AnyOf(action.Roles)).ExcludeFromDescription();
        }
    }

    public static Task<IResult> Show(HttpContext http, string code, PageServices services, CancellationToken cancellationToken)
    {
        var done = http.Request.Query["tb"].ToString();
        var rule = http.Request.Query["loi"].ToString();
        var success = done == "da-tiep-nhan"
            ? "Đã tiếp nhận hồ sơ. In giấy tiếp nhận và hẹn trả kết quả cho công dân."
            : DoneOf(done);
        return RenderAsync(code, success, rule.Length == 0 ? null : Messages.Rule(rule), null, FormErrors.None, null, services, cancellationToken);
    }

    private static async Task<IResult> ActAsync(
        DossierActionForm action, HttpContext http, string code, IFormCollection form, DossierActions actions, PageServices services, CancellationToken cancellationToken)
    {
        var posted = new PostedForm(form);
        var toDrafts = posted["ve"] == BackToDrafts;
        try
        {
            var outcome = await action.Run(code, posted, actions, cancellationToken);
            return outcome.Result switch
            {
                Ok<DossierStateResponse> => TypedResults.Redirect(toDrafts ? DeskRoutes.Drafts + "?tb=" + action.Slug : PathOf(code) + "?tb=" + action.Slug),
                ValidationProblem invalid when toDrafts => await DeskPages.DraftsAsync(http, services, null, null, Guid.TryParse(posted["apologyId"], out var failedId) ? failedId : null, FormErrors.From(invalid), cancellationToken, StatusCodes.Status400BadRequest),
                ValidationProblem invalid => await RenderAsync(code, null, null, action.Slug, FormErrors.From(invalid), posted, services, cancellationToken, StatusCodes.Status400BadRequest),
                _ => await RenderAsync(code, null, null, null, FormErrors.None, null, services, cancellationToken),
            };
        }
        catch (DossierRuleException e)
        {
            return TypedResults.Redirect((toDrafts ? DeskRoutes.Drafts : PathOf(code)) + "?loi=" + Uri.EscapeDataString(e.Code));
        }
    }

    private static async Task<IResult> RenderAsync(
        string code, string? success, string? ruleError, string? failed, FormErrors errors, PostedForm? posted,
        PageServices services, CancellationToken cancellationToken, int status = StatusCodes.Status200OK)
    {
        if (await services.Store.FindAsync(code, cancellationToken) is not var (dossier, agency))
        {
            return PageResults.Error(StatusCodes.Status404NotFound, $"Không có hồ sơ mã “{code}” trong phạm vi cơ quan của bạn. Kiểm tra lại mã, hoặc tìm hồ sơ theo tên, số định danh, số điện thoại.");
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
        // Hand-overs go to a unit of the agency's catalogue (the API refuses any other).
        var units = await services.Units.ActiveNamesAsync(dossier.AgencyId, cancellationToken);
        var offered = Actions.Where(a => a.IsOffered(dossier) && a.Roles.Any(member.IsInRole)).ToList();
        var actors = events.Select(e => e.Actor)
            .Concat(events.SelectMany(e => EventDetails.Read(e.Details).Where(kv => kv.Key is "giver" or "receiver").Select(kv => kv.Value)))
            .Concat(dossier.Apologies.Select(a => a.RequestedBy));
        var names = await services.Names.ForAsync(actors, cancellationToken);
        var forms = FormLinks(dossier, services.FormSets.For(agency.ElectronicId, dossier.AcceptedAt));

        // The true-lateness audit of this dossier, for those who answer for it (supervisors, heads, administrators):
        // computed now from the ledger, not stored (a page view changes nothing).
        IReadOnlyList<Finding>? findings = null;
        if (member.IsInRole(Roles.Supervisor) || member.IsInRole(Roles.Head) || member.IsInRole(Roles.Admin))
        {
            var audited = await services.Lateness.AuditAsync([dossier.Id], now, cancellationToken);
            findings = audited.SingleOrDefault()?.Audit.Findings ?? [];
        }

        var model = new DossierPageModel(
            dossier, procedure.Name, procedure.Code, urgency, events, forms, findings, units, offered, member, names, success, ruleError, failed, errors, posted);

        // Decree 13/2023: who read a dossier's personal data is logged, once the page is built (the commit is the
        // last thing that can fail).
        db.PersonalDataReads.Add(new PersonalDataRead(dossier.Id, member.UserName, now, "GET " + Route));
        await db.SaveChangesAsync(cancellationToken);
        return PageResults.Page<DossierView>(new { M = model }, status);
    }

    /// <summary>Every form that exists for the dossier besides the latest receipt (its own button); once re-issued, each receipt by number.</summary>
    private static List<DossierFormLink> FormLinks(Dossier dossier, FormSet set)
    {
        var links = new List<DossierFormLink>();
        foreach (var link in DossierForms.Available(dossier, set))
        {
            if (link.Name == DossierForms.Receipt && dossier.Receipts.Count <= 1)
            {
                // The page's first button prints it.
                continue;
            }

            if (link.Name == DossierForms.Receipt)
            {
                links.AddRange(dossier.Receipts.OrderByDescending(r => r.Number).Select(r => link with
                {
                    Title = link.Title + (r.Number == 1 ? " (lần đầu)" : $" (cấp lại lần {r.Number - 1})"),
                    Url = link.Url + "?number=" + r.Number.ToString(CultureInfo.InvariantCulture),
                }));
            }
            else
            {
                links.Add(link);
            }
        }

        return links;
    }

    private static Guid ApologyId(PostedForm form) => Guid.TryParse(form["apologyId"], out var id) ? id : Guid.Empty;

    private static int? Hours(string? text) =>
        text is null ? null : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var hours) ? hours : -1;
}

/// <summary>What the dossier page shows.</summary>
public sealed record DossierPageModel(
    Dossier Dossier, string ProcedureName, string ProcedureCode, QueueUrgency Urgency, IReadOnlyList<DossierEvent> Ledger,
    IReadOnlyList<DossierFormLink> Forms, IReadOnlyList<Finding>? Findings, IReadOnlyList<string> Units, IReadOnlyList<DossierActionForm> Offered,
    StaffMember Member, Func<string, string> Names, string? Success, string? RuleError, string? Failed, FormErrors Errors, PostedForm? Posted);

/// <summary>What the dossier page reads besides the request.</summary>
public sealed record PageServices(
    DossierStore Store, CurrentStaff Staff, OneStopDbContext Db, AgencyDeadlines Deadlines, IClock Clock,
    Microsoft.Extensions.Options.IOptions<OneStop.Sla.DeadlineThresholds> Thresholds, StaffNames Names, FormSets FormSets, LatenessService Lateness,
    PendingApologies PendingApologies, OneStop.Api.Units.UnitDirectory Units);
