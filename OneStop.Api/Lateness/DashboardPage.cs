using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using OneStop.Api.Identity;
using OneStop.Api.Pages;
using OneStop.Api.Problems;
using OneStop.Calendar;
using OneStop.Deadlines;
using OneStop.Jobs.Lateness;
using OneStop.Lateness;
using OneStop.Persistence;
using OneStop.Users;

namespace OneStop.Api.Lateness;

/// <summary>
/// The supervisor's dashboard (<c>/giam-sat</c>), server-rendered in Vietnamese: counts and both on-time rates,
/// the late list, the dossiers where paper and truth differ with their findings, the weekly trend, filters and
/// exports. Signed-out visitors are sent to <c>/dang-nhap</c> by the cookie scheme.
/// </summary>
public static class DashboardPage
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static IEndpointRouteBuilder MapDashboardPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/giam-sat", Render).ExcludeFromDescription().AddEndpointFilter(SupervisorsOnly);
        app.MapGet("/giam-sat/bao-cao.csv", ExportCsv).ExcludeFromDescription().AddEndpointFilter(SupervisorsOnly);
        app.MapGet("/giam-sat/bao-cao.xlsx", ExportXlsx).ExcludeFromDescription().AddEndpointFilter(SupervisorsOnly);
        return app;
    }

    /// <summary>
    /// Supervisors and administrators only. A page, so a visitor who is not signed in (cookie or bearer) is sent to
    /// the sign-in page instead of the API's bare 401; a signed-in member of another role gets 403.
    /// </summary>
    private static async ValueTask<object?> SupervisorsOnly(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return TypedResults.Redirect("/dang-nhap?ReturnUrl=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString));
        }

        return http.User.IsInRole(Roles.Supervisor) || http.User.IsInRole(Roles.Admin) ? await next(context) : TypedResults.Forbid();
    }

    public static async Task<Results<ContentHttpResult, ValidationProblem>> Render(
        HttpContext http,
        string? agency, string? from, string? to, OneStopDbContext db, CurrentStaff staff, IClock clock, LatenessService service, AgencyDeadlines deadlines, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var scope = await DashboardScope.ResolveAsync(agency, from, to, db, staff, clock, validation, cancellationToken);
        if (scope is null)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var member = await staff.GetAsync(cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.Path.StartsWith(member.AgencyPath)).OrderBy(a => a.Path).ToListAsync(cancellationToken);
        var summary = await LatenessEndpoints.SummariseAsync(scope, service, deadlines, cancellationToken);
        // The site's frame (navigation, skip link, stylesheet) around the dashboard's own blocks.
        var html = new HtmlBuilder().Raw("<link rel=\"stylesheet\" href=\"/css/dashboard.css\">").Open("div", ("class", "dashboard"))
            .Element("h1", "Giám sát giải quyết hồ sơ: trễ hạn trên giấy và trễ hạn thực tế")
            .Element("p", $"{scope.Agency.Name} · từ {Date(scope.FromDate)} đến {Date(scope.ToDate)} · {member.FullName}");
        Filters(html, scope, agencies);
        Counts(html, summary.Totals);
        Trend(html, summary.Weekly);
        LateList(html, summary.Late);
        Differs(html, summary.PaperDiffers);
        Groups(html, "Theo cơ quan", summary.ByAgency);
        Groups(html, "Theo đơn vị giải quyết (đơn vị giữ hồ sơ)", summary.ByDepartment);
        Groups(html, "Theo thủ tục", summary.ByProcedure);
        Groups(html, "Theo cán bộ tiếp nhận", summary.ByClerk);
        html.Close("div");
        return PageLayout.Staff(http, "Giám sát trễ hạn thực tế", Html.FromEscaped(html.ToString()));
    }

    /// <summary>One line per dossier of the period, UTF-8 with a byte-order mark so that Excel reads Vietnamese.</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportCsv(
        string? agency, string? from, string? to, OneStopDbContext db, CurrentStaff staff, IClock clock, LatenessService service, AgencyDeadlines deadlines, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var scope = await DashboardScope.ResolveAsync(agency, from, to, db, staff, clock, validation, cancellationToken);
        if (scope is null)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var audited = await service.AuditSubtreeAsync(scope.Agency.Path, scope.To, cancellationToken);
        var csv = new StringBuilder("\uFEFF");
        csv.AppendLine("Mã hồ sơ,Cơ quan,Thủ tục,Đơn vị giải quyết,Cán bộ tiếp nhận,Tiếp nhận,Hạn luật định,Lịch hẹn,Có kết quả (thực tế),Có kết quả (khai báo),Đúng hạn trên giấy,Đúng hạn thực tế,Số phút làm việc trễ,Đơn vị chịu trách nhiệm,Phát hiện");
        foreach (var d in audited.Where(d => d.Audit.ResultAt is not { } r || r >= scope.From).OrderBy(d => d.Code, StringComparer.Ordinal))
        {
            var a = d.Audit;
            csv.AppendJoin(',', new[]
            {
                d.Code, d.AgencyName, d.ProcedureName, a.Department, a.RegisteredBy, OfficeTime.FormatIso(a.AcceptedAt), OfficeTime.FormatIso(a.StatutoryDueAt),
                OfficeTime.FormatIso(a.AppointmentAt), a.ResultAt is { } r ? OfficeTime.FormatIso(r) : string.Empty,
                a.DeclaredResultAt is { } dr ? OfficeTime.FormatIso(dr) : string.Empty, YesNo(a.PaperOnTime), YesNo(a.TrueOnTime),
                a.LateMinutes.ToString(CultureInfo.InvariantCulture), a.ResponsibleUnit ?? string.Empty,
                string.Join("; ", a.Findings.Select(f => f.Kind.ToString())),
            }.Select(Csv)).AppendLine();
        }

        var name = $"giam-sat-{scope.Agency.ElectronicId}-{DashboardScope.Format(scope.FromDate)}-{DashboardScope.Format(scope.ToDate)}.csv";
        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", name);
    }

    /// <summary>The dashboard as a workbook: counts and rates, groups, the late list, the masked dossiers with their findings.</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportXlsx(
        string? agency, string? from, string? to, OneStopDbContext db, CurrentStaff staff, IClock clock, LatenessService service, AgencyDeadlines deadlines, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var scope = await DashboardScope.ResolveAsync(agency, from, to, db, staff, clock, validation, cancellationToken);
        if (scope is null)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var summary = await LatenessEndpoints.SummariseAsync(scope, service, deadlines, cancellationToken);
        var name = $"giam-sat-{scope.Agency.ElectronicId}-{DashboardScope.Format(scope.FromDate)}-{DashboardScope.Format(scope.ToDate)}.xlsx";
        return TypedResults.File(DashboardWorkbook.Build(scope.Agency.Name, scope.FromDate, scope.ToDate, summary), DashboardWorkbook.ContentType, name);
    }

    private static void Filters(HtmlBuilder html, DashboardScope scope, List<OneStop.Agencies.Agency> agencies)
    {
        html.Open("form", ("class", "filters"), ("method", "get"), ("action", "/giam-sat"), ("aria-label", "Bộ lọc"))
            .Open("label", ("for", "agency")).Text("Cơ quan (gồm cấp dưới)").Open("select", ("id", "agency"), ("name", "agency"));
        foreach (var a in agencies)
        {
            var depth = a.Path.Count(c => c == '/') - 2;
            html.Open("option", ("value", a.ElectronicId), ("selected", a.Id == scope.Agency.Id ? "selected" : null))
                .Text(new string('\u00a0', Math.Max(0, depth) * 2) + a.Name).Close("option");
        }

        html.Close("select").Close("label")
            .Open("label", ("for", "from")).Text("Từ ngày").Open("input", ("id", "from"), ("name", "from"), ("type", "date"), ("value", DashboardScope.Format(scope.FromDate))).Close("label")
            .Open("label", ("for", "to")).Text("Đến ngày").Open("input", ("id", "to"), ("name", "to"), ("type", "date"), ("value", DashboardScope.Format(scope.ToDate))).Close("label")
            .Element("button", "Xem", ("type", "submit")).Close("form");
        var query = $"agency={Uri.EscapeDataString(scope.Agency.ElectronicId)}&from={DashboardScope.Format(scope.FromDate)}&to={DashboardScope.Format(scope.ToDate)}";
        html.Open("p", ("class", "exports"))
            .Element("a", "Xuất CSV", ("href", "/giam-sat/bao-cao.csv?" + query))
            .Element("a", "Xuất Excel (XLSX)", ("href", "/giam-sat/bao-cao.xlsx?" + query))
            .Close("p");

        // Form 06 is kept by each receiving agency for its own dossiers: one book per agency of the subtree.
        var year = scope.ToDate.Year.ToString(CultureInfo.InvariantCulture);
        html.Open("p", ("class", "exports")).Text($"Sổ theo dõi hồ sơ (Mẫu 06) năm {year} (PDF): ");
        foreach (var a in agencies.Where(a => a.Path.StartsWith(scope.Agency.Path, StringComparison.Ordinal)))
        {
            html.Element("a", a.Name, ("href", $"/api/reports/tracking-book.pdf?agency={Uri.EscapeDataString(a.ElectronicId)}&year={year}"));
        }

        html.Close("p");
    }

    private static void Counts(HtmlBuilder html, IndicatorCounts t)
    {
        html.Element("h2", "Tỷ lệ đúng hạn").Open("div", ("class", "cards rates"));
        Card(html, "Đúng hạn theo giấy tờ (lịch hẹn, thời gian khai báo)", Rate(t.PaperOnTimeRate), "paper", "rate-paper");
        Card(html, "Đúng hạn thực tế (hạn luật định, thời gian ghi sổ)", Rate(t.TrueOnTimeRate), "truth", "rate-true");
        Card(html, "Đúng hạn / tổng hồ sơ tiếp nhận (NĐ 61/2018 điều 30)", Rate(t.Decree61Rate), null, "rate-decree61");
        html.Close("div").Element("h2", "Số lượng hồ sơ").Open("div", ("class", "cards"));
        Card(html, "Tiếp nhận trong kỳ", N(t.Received));
        Card(html, "Kỳ trước chuyển sang", N(t.CarriedOver));
        Card(html, "Đang giải quyết: trong hạn", N(t.InProgressOnTime));
        Card(html, "Đang giải quyết: sắp đến hạn", N(t.InProgressDueSoon));
        Card(html, "Đang giải quyết: quá hạn", N(t.InProgressOverdue));
        Card(html, "Đã giải quyết: trước hạn", N(t.FinishedEarly));
        Card(html, "Đã giải quyết: đúng hạn", N(t.FinishedOnTime));
        Card(html, "Đã giải quyết: quá hạn", N(t.FinishedLate));
        Card(html, "Có kết quả, công dân chưa nhận", N(t.NotCollected));
        Card(html, "Từ chối giải quyết", N(t.Refused));
        Card(html, "Dừng giải quyết", N(t.Stopped));
        html.Close("div");
    }

    private static void Card(HtmlBuilder html, string label, string value, string? css = null, string? id = null) =>
        html.Open("div", ("class", "card"), ("id", id)).Element("div", value, ("class", css is null ? "n" : "n " + css)).Element("div", label).Close("div");

    private static void Trend(HtmlBuilder html, IReadOnlyList<WeeklyPoint> weeks)
    {
        html.Element("h2", "Xu hướng theo tuần");
        const int Width = 720, Height = 220, Left = 40, Bottom = 190, Top = 20;
        var step = weeks.Count > 1 ? (Width - Left - 20) / (double)(weeks.Count - 1) : 0;
        string Points(Func<WeeklyPoint, int> onTime) => string.Join(' ', weeks.Select((w, i) => w.Finished == 0 ? null :
            string.Create(CultureInfo.InvariantCulture, $"{Left + i * step:0.#},{Bottom - (Bottom - Top) * onTime(w) / (double)w.Finished:0.#}")).Where(p => p is not null));
        var svg = new HtmlBuilder().Open("svg", ("role", "img"), ("aria-labelledby", "trend-title"), ("viewBox", $"0 0 {Width} {Height}"), ("width", "100%"), ("style", "max-width:48rem"))
            .Element("title", "Tỷ lệ đúng hạn theo tuần: theo giấy tờ (nét đứt) và thực tế (nét liền)", ("id", "trend-title"))
            .Raw($"<line x1=\"{Left}\" y1=\"{Bottom}\" x2=\"{Width - 10}\" y2=\"{Bottom}\" stroke=\"#555\"/><line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Bottom}\" stroke=\"#555\"/>")
            .Raw($"<text x=\"4\" y=\"{Top + 4}\" font-size=\"12\">100%</text><text x=\"14\" y=\"{Bottom}\" font-size=\"12\">0%</text>")
            .Raw($"<polyline fill=\"none\" stroke=\"#6b4e00\" stroke-width=\"3\" stroke-dasharray=\"8 5\" points=\"{Points(w => w.PaperOnTime)}\"/>")
            .Raw($"<polyline fill=\"none\" stroke=\"#a30000\" stroke-width=\"3\" points=\"{Points(w => w.TrueOnTime)}\"/>");
        for (var i = 0; i < weeks.Count; i++)
        {
            svg.Element("text", weeks[i].WeekStart.ToString("dd/MM", CultureInfo.InvariantCulture),
                ("x", (Left + i * step).ToString("0.#", CultureInfo.InvariantCulture)), ("y", (Bottom + 18).ToString(CultureInfo.InvariantCulture)), ("font-size", "12"), ("text-anchor", "middle"));
        }

        html.Raw(svg.Close("svg").ToString());
        html.Open("table").Element("caption", "Số liệu của biểu đồ").Open("thead").Open("tr")
            .Element("th", "Tuần bắt đầu", ("scope", "col")).Element("th", "Đã giải quyết", ("scope", "col"))
            .Element("th", "Đúng hạn theo giấy tờ", ("scope", "col")).Element("th", "Đúng hạn thực tế", ("scope", "col")).Close("tr").Close("thead").Open("tbody");
        foreach (var w in weeks)
        {
            html.Open("tr").Element("td", Date(w.WeekStart)).Element("td", N(w.Finished), ("class", "num"))
                .Element("td", N(w.PaperOnTime), ("class", "num")).Element("td", N(w.TrueOnTime), ("class", "num")).Close("tr");
        }

        html.Close("tbody").Close("table");
    }

    private static void LateList(HtmlBuilder html, IReadOnlyList<AuditedDossier> late)
    {
        html.Element("h2", $"Hồ sơ trễ hạn thực tế ({N(late.Count)})", ("id", "tre-han"));
        if (late.Count == 0)
        {
            html.Element("p", "Không có hồ sơ trễ hạn trong kỳ.");
            return;
        }

        html.Open("table", ("aria-describedby", "tre-han")).Open("thead").Open("tr");
        foreach (var h in new[] { "Mã hồ sơ", "Thủ tục", "Cơ quan", "Đơn vị chịu trách nhiệm", "Hạn luật định", "Lịch hẹn trên giấy", "Có kết quả", "Số giờ làm việc trễ" })
        {
            html.Element("th", h, ("scope", "col"));
        }

        html.Close("tr").Close("thead").Open("tbody");
        foreach (var d in late)
        {
            var a = d.Audit;
            html.Open("tr").Element("td", d.Code).Element("td", d.ProcedureName).Element("td", d.AgencyName).Element("td", a.ResponsibleUnit ?? "")
                .Element("td", At(a.StatutoryDueAt)).Element("td", At(a.AppointmentAt)).Element("td", a.ResultAt is { } r ? At(r) : "Chưa có")
                .Element("td", (a.LateMinutes / 60m).ToString("0.0", Vi), ("class", "num")).Close("tr");
        }

        html.Close("tbody").Close("table");
    }

    private static void Differs(HtmlBuilder html, IReadOnlyList<AuditedDossier> differs)
    {
        html.Element("h2", $"Hồ sơ giấy tờ ghi đúng hạn nhưng thực tế trễ hạn ({N(differs.Count)})", ("id", "che-giau"));
        if (differs.Count == 0)
        {
            html.Element("p", "Không có hồ sơ nào mà giấy tờ và sổ sự kiện khác nhau.");
            return;
        }

        foreach (var d in differs)
        {
            var a = d.Audit;
            html.Open("section", ("aria-label", "Hồ sơ " + d.Code)).Element("h3", $"{d.Code} – {d.ProcedureName}")
                .Element("p", $"Hạn luật định {At(a.StatutoryDueAt)}; lịch hẹn trên giấy {At(a.AppointmentAt)}; " +
                    (a.ResultAt is { } r ? $"có kết quả thực tế {At(r)}" + (a.DeclaredResultAt is { } dr && dr != r ? $" (khai báo {At(dr)})" : "") : "chưa có kết quả") +
                    $"; trễ {(a.LateMinutes / 60m).ToString("0.0", Vi)} giờ làm việc.")
                .Open("ul");
            foreach (var f in a.Findings)
            {
                html.Open("li").Element("strong", FindingName(f.Kind)).Text(": " + f.ExplanationVi + " ")
                    .Text("(sự kiện số " + string.Join(", ", f.Events.Select(e => e.Sequence.ToString(CultureInfo.InvariantCulture))) + ")").Close("li");
            }

            html.Close("ul").Close("section");
        }
    }

    private static void Groups(HtmlBuilder html, string title, IReadOnlyList<IndicatorGroup> groups)
    {
        html.Element("h2", title).Open("table").Open("thead").Open("tr");
        foreach (var h in new[] { "Tên", "Tiếp nhận", "Chuyển sang", "Đã giải quyết", "Quá hạn", "Đang giải quyết", "Đúng hạn (giấy tờ)", "Đúng hạn (thực tế)" })
        {
            html.Element("th", h, ("scope", "col"));
        }

        html.Close("tr").Close("thead").Open("tbody");
        foreach (var g in groups)
        {
            var c = g.Counts;
            html.Open("tr").Element("th", g.Name, ("scope", "row")).Element("td", N(c.Received), ("class", "num")).Element("td", N(c.CarriedOver), ("class", "num"))
                .Element("td", N(c.Finished), ("class", "num")).Element("td", N(c.FinishedLate + c.InProgressOverdue), ("class", "num"))
                .Element("td", N(c.InProgress), ("class", "num")).Element("td", Rate(c.PaperOnTimeRate), ("class", "num"))
                .Element("td", Rate(c.TrueOnTimeRate), ("class", "num")).Close("tr");
        }

        html.Close("tbody").Close("table");
    }

    internal static string FindingName(FindingKind kind) => kind switch
    {
        FindingKind.LateAgainstStatute => "Trễ so với hạn luật định",
        FindingKind.AppointmentBeyondStatute => "Lịch hẹn vượt hạn luật định",
        FindingKind.ReceiptReissued => "Cấp lại giấy tiếp nhận, dời lịch hẹn",
        FindingKind.ApologyLate => "Phiếu xin lỗi gửi muộn",
        FindingKind.ApologyMissing => "Không có phiếu xin lỗi",
        FindingKind.SecondRescheduling => "Dời lịch hẹn lần thứ hai",
        FindingKind.SupplementOutOfTime => "Yêu cầu bổ sung quá thời hạn",
        FindingKind.RepeatedSupplement => "Yêu cầu bổ sung nhiều lần",
        FindingKind.Backdated => "Khai lùi thời gian",
        FindingKind.ResultNotThere => "Công dân đến nhưng chưa có kết quả",
        _ => "Sổ sự kiện bị sửa",
    };

    private static string Rate(decimal? rate) => rate is { } r ? (r * 100).ToString("0.0", Vi) + "%" : "–";

    private static string N(int n) => n.ToString("N0", Vi);

    private static string Date(LocalDate date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string At(Instant instant) => OfficeTime.ToLocal(instant).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string YesNo(bool? value) => value switch { true => "Có", false => "Không", _ => string.Empty };

    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
