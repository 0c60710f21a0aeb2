using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using OneStop.Api.Identity;
using OneStop.Api.Pages;
using OneStop.Api.Problems;
using OneStop.Calendar;
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
        string? agency, string? from, string? to, string? unit, string? procedure, string? kind,
        OneStopDbContext db, CurrentStaff staff, IClock clock, OutcomeIndicators indicators, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var filter = LatenessEndpoints.Filter(unit, procedure, kind, validation);
        var scope = await DashboardScope.ResolveAsync(agency, from, to, db, staff, clock, validation, cancellationToken);
        if (scope is null || filter is null || !validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var member = await staff.GetAsync(cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.Path.StartsWith(member.AgencyPath)).OrderBy(a => a.Path).ToListAsync(cancellationToken);
        var summary = await LatenessEndpoints.SummariseAsync(scope, indicators, cancellationToken);
        var query = $"agency={Uri.EscapeDataString(scope.Agency.ElectronicId)}&from={DashboardScope.Format(scope.FromDate)}&to={DashboardScope.Format(scope.ToDate)}";
        if (filter != ListFilter.None)
        {
            // A number or a code followed from a table: the lists narrowed to it (the counts stay the period's).
            var late = await indicators.LatePageAsync(scope.Agency.Path, scope.From, scope.To, 1, cancellationToken, filter);
            var differs = await indicators.PaperDiffersPageAsync(scope.Agency.Path, scope.From, scope.To, 1, cancellationToken, filter);
            summary = summary with { Late = late.Items, PaperDiffers = differs.Items, LateTotal = late.Total, PaperDiffersTotal = differs.Total };
        }

        var ratings = await Ratings.RatingEndpoints.SummariseAsync(scope, db, cancellationToken);
        // The site's frame (navigation, skip link, stylesheet) around the dashboard's own blocks.
        return PageLayout.Staff(http, "Giám sát trễ hạn thực tế", Html.Of($"""
            <link rel="stylesheet" href="/css/dashboard.css">
            <div class="dashboard">
            <h1>Giám sát giải quyết hồ sơ: trễ hạn trên giấy và trễ hạn thực tế</h1>
            <p>{scope.Agency.Name} · từ {Date(scope.FromDate)} đến {Date(scope.ToDate)} · {member.FullName}</p>
            {Filters(scope, agencies)}
            {Counts(summary.Totals)}
            {Trend(summary.Weekly)}
            {Narrowed(filter, query)}
            {LateList(summary.Late, summary.LateTotal)}
            {Differs(summary.PaperDiffers, summary.PaperDiffersTotal, query)}
            {Groups("Theo cơ quan", summary.ByAgency, g => $"/giam-sat?agency={Uri.EscapeDataString(g.Key)}&from={DashboardScope.Format(scope.FromDate)}&to={DashboardScope.Format(scope.ToDate)}#tre-han")}
            {Groups("Theo đơn vị giải quyết (đơn vị giữ hồ sơ)", summary.ByDepartment, g => $"/giam-sat?{query}&unit={Uri.EscapeDataString(g.Key)}#tre-han")}
            {Groups("Theo thủ tục", summary.ByProcedure, g => $"/giam-sat?{query}&procedure={Uri.EscapeDataString(g.Key)}#tre-han")}
            {Groups("Theo cán bộ tiếp nhận", summary.ByClerk, null)}
            {Ratings.RatingSection.Render(ratings)}
            </div>
            """));
    }

    /// <summary>
    /// One line per dossier of the period from the stored outcomes, streamed (never the whole period in memory), UTF-8
    /// with a byte-order mark so that Excel reads Vietnamese. An open dossier's late minutes are as of its last audit.
    /// </summary>
    public static async Task<Results<PushStreamHttpResult, ValidationProblem>> ExportCsv(
        string? agency, string? from, string? to, OneStopDbContext db, CurrentStaff staff, IClock clock, OutcomeIndicators indicators, LatenessService service, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var scope = await DashboardScope.ResolveAsync(agency, from, to, db, staff, clock, validation, cancellationToken);
        if (scope is null)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        await service.DrainRefreshesAsync(cancellationToken);
        var name = $"giam-sat-{scope.Agency.ElectronicId}-{DashboardScope.Format(scope.FromDate)}-{DashboardScope.Format(scope.ToDate)}.csv";
        return TypedResults.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16);
            await writer.WriteLineAsync("Mã hồ sơ,Cơ quan,Thủ tục,Đơn vị giải quyết,Cán bộ tiếp nhận,Tiếp nhận,Hạn luật định,Lịch hẹn,Có kết quả (thực tế),Có kết quả (khai báo),Đúng hạn trên giấy,Đúng hạn thực tế,Số phút làm việc trễ,Đơn vị chịu trách nhiệm,Phát hiện");
            await foreach (var o in indicators.RowsAsync(scope.Agency.Path, scope.From, scope.To).WithCancellation(cancellationToken))
            {
                bool? truth = o.Outcome switch { TrueOutcome.Early or TrueOutcome.OnTime => true, TrueOutcome.Late => false, _ => null };
                var late = o.Outcome == TrueOutcome.Late || o.Standing == OpenStanding.Overdue || (o.Outcome == TrueOutcome.Refused && o.LateMinutes > 0);
                await writer.WriteLineAsync(string.Join(',', new[]
                {
                    o.Code, o.AgencyName, o.ProcedureName, o.Department, o.Clerk, OfficeTime.FormatIso(o.AcceptedAt), OfficeTime.FormatIso(o.StatutoryDueAt),
                    OfficeTime.FormatIso(o.AppointmentAt), o.ResultAt is { } r ? OfficeTime.FormatIso(r) : string.Empty,
                    o.DeclaredResultAt is { } dr ? OfficeTime.FormatIso(dr) : string.Empty, YesNo(o.PaperOnTime), YesNo(truth),
                    o.LateMinutes.ToString(CultureInfo.InvariantCulture), late ? o.UnitAtDue : string.Empty, o.FindingKinds.Replace(",", "; ", StringComparison.Ordinal),
                }.Select(Csv)));
            }
        }, "text/csv; charset=utf-8", name);
    }

    /// <summary>The dashboard as a workbook: counts and rates, groups, the late list, the masked dossiers with their findings.</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportXlsx(
        string? agency, string? from, string? to, OneStopDbContext db, CurrentStaff staff, IClock clock, OutcomeIndicators indicators, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var scope = await DashboardScope.ResolveAsync(agency, from, to, db, staff, clock, validation, cancellationToken);
        if (scope is null)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var summary = await LatenessEndpoints.SummariseAsync(scope, indicators, cancellationToken);
        var name = $"giam-sat-{scope.Agency.ElectronicId}-{DashboardScope.Format(scope.FromDate)}-{DashboardScope.Format(scope.ToDate)}.xlsx";
        return TypedResults.File(DashboardWorkbook.Build(scope.Agency.Name, scope.FromDate, scope.ToDate, summary), DashboardWorkbook.ContentType, name);
    }

    private static Html Filters(DashboardScope scope, List<OneStop.Agencies.Agency> agencies)
    {
        var options = agencies.Select(a => Html.Of($"""
            <option value="{a.ElectronicId}"{(a.Id == scope.Agency.Id ? Html.Of($" selected") : Html.Empty)}>{new string('\u00a0', Math.Max(0, a.Path.Count(c => c == '/') - 2) * 2) + a.Name}</option>
            """));
        var query = $"agency={Uri.EscapeDataString(scope.Agency.ElectronicId)}&from={DashboardScope.Format(scope.FromDate)}&to={DashboardScope.Format(scope.ToDate)}";

        // Form 06 is kept by each receiving agency for its own dossiers: one book per agency of the subtree.
        var year = scope.ToDate.Year.ToString(CultureInfo.InvariantCulture);
        var books = agencies.Where(a => a.Path.StartsWith(scope.Agency.Path, StringComparison.Ordinal)).Select(a => Html.Of($"""
            <a href="/api/reports/tracking-book.pdf?agency={Uri.EscapeDataString(a.ElectronicId)}&amp;year={year}">{a.Name}</a>
            """));
        return Html.Of($"""
            <form class="filters" method="get" action="/giam-sat" aria-label="Bộ lọc">
              <label for="agency">Cơ quan (gồm cấp dưới)<select id="agency" name="agency">{options}</select></label>
              <label for="from">Từ ngày<input id="from" name="from" type="date" value="{DashboardScope.Format(scope.FromDate)}"></label>
              <label for="to">Đến ngày<input id="to" name="to" type="date" value="{DashboardScope.Format(scope.ToDate)}"></label>
              <button type="submit">Xem</button>
            </form>
            <p class="exports"><a href="/giam-sat/bao-cao.csv?{query}">Xuất CSV</a><a href="/giam-sat/bao-cao.xlsx?{query}">Xuất Excel (XLSX)</a></p>
            <p class="exports">Sổ theo dõi hồ sơ (Mẫu 06) năm {year} (PDF): {books}</p>
            """);
    }

    private static Html Counts(IndicatorCounts t) => Html.Of($"""
        <h2>Tỷ lệ đúng hạn</h2>
        <div class="cards rates">
          {Card("Đúng hạn theo giấy tờ (lịch hẹn, thời gian khai báo)", Rate(t.PaperOnTimeRate), "paper", "rate-paper")}
          {Card("Đúng hạn thực tế (hạn luật định, thời gian ghi sổ)", Rate(t.TrueOnTimeRate), "truth", "rate-true")}
          {Card("Đúng hạn / tổng hồ sơ tiếp nhận (NĐ 61/2018 điều 30)", Rate(t.Decree61Rate), null, "rate-decree61")}
        </div>
        <h2>Số lượng hồ sơ</h2>
        <div class="cards">
          {Card("Tiếp nhận trong kỳ", N(t.Received))}
          {Card("Kỳ trước chuyển sang", N(t.CarriedOver))}
          {Card("Đang giải quyết: trong hạn", N(t.InProgressOnTime))}
          {Card("Đang giải quyết: sắp đến hạn", N(t.InProgressDueSoon))}
          {Card("Đang giải quyết: quá hạn", N(t.InProgressOverdue))}
          {Card("Đã giải quyết: trước hạn", N(t.FinishedEarly))}
          {Card("Đã giải quyết: đúng hạn", N(t.FinishedOnTime))}
          {Card("Đã giải quyết: quá hạn", N(t.FinishedLate))}
          {Card("Có kết quả, công dân chưa nhận", N(t.NotCollected))}
          {Card("Từ chối giải quyết", N(t.Refused))}
          {Card("Dừng giải quyết", N(t.Stopped))}
        </div>
        """);

    private static Html Card(string label, string value, string? css = null, string? id = null) => Html.Of($"""
        <div class="card"{(id is null ? Html.Empty : Html.Of($" id=\"{id}\""))}><div class="{(css is null ? "n" : "n " + css)}">{value}</div><div>{label}</div></div>
        """);

    private static Html Trend(IReadOnlyList<WeeklyPoint> weeks)
    {
        const int Width = 720, Height = 220, Left = 40, Bottom = 190, Top = 20;
        var step = weeks.Count > 1 ? (Width - Left - 20) / (double)(weeks.Count - 1) : 0;
        string Points(Func<WeeklyPoint, int> onTime) => string.Join(' ', weeks.Select((w, i) => w.Finished == 0 ? null :
            string.Create(CultureInfo.InvariantCulture, $"{Left + i * step:0.#},{Bottom - (Bottom - Top) * onTime(w) / (double)w.Finished:0.#}")).Where(p => p is not null));
        var labels = weeks.Select((w, i) => Html.Of($"""
            <text x="{Left + i * step:0.#}" y="{Bottom + 18}" font-size="12" text-anchor="middle">{w.WeekStart.ToString("dd/MM", CultureInfo.InvariantCulture)}</text>
            """));
        var rows = weeks.Select(w => Html.Of($"""
            <tr><td>{Date(w.WeekStart)}</td><td class="num">{N(w.Finished)}</td><td class="num">{N(w.PaperOnTime)}</td><td class="num">{N(w.TrueOnTime)}</td></tr>
            """));
        return Html.Of($"""
            <h2>Xu hướng theo tuần</h2>
            <svg role="img" aria-labelledby="trend-title" viewBox="0 0 {Width} {Height}" width="100%" class="trend">
              <title id="trend-title">Tỷ lệ đúng hạn theo tuần: theo giấy tờ (nét đứt) và thực tế (nét liền)</title>
              <line x1="{Left}" y1="{Bottom}" x2="{Width - 10}" y2="{Bottom}" stroke="#555"/><line x1="{Left}" y1="{Top}" x2="{Left}" y2="{Bottom}" stroke="#555"/>
              <text x="4" y="{Top + 4}" font-size="12">100%</text><text x="14" y="{Bottom}" font-size="12">0%</text>
              <polyline fill="none" stroke="#6b4e00" stroke-width="3" stroke-dasharray="8 5" points="{Points(w => w.PaperOnTime)}"/>
              <polyline fill="none" stroke="#a30000" stroke-width="3" points="{Points(w => w.TrueOnTime)}"/>
              {labels}
            </svg>
            <table>
              <caption>Số liệu của biểu đồ</caption>
              <thead><tr>{ColumnHeads("Tuần bắt đầu", "Đã giải quyết", "Đúng hạn theo giấy tờ", "Đúng hạn thực tế")}</tr></thead>
              <tbody>{rows}</tbody>
            </table>
            """);
    }

    private static Html LateList(IReadOnlyList<AuditedDossier> late, int total)
    {
        var heading = Html.Of($"""<h2 id="tre-han">Hồ sơ trễ hạn thực tế ({N(total)}{(total > late.Count ? $", {N(late.Count)} đầu tiên" : string.Empty)})</h2>""");
        if (late.Count == 0)
        {
            return Html.Of($"{heading}<p>Không có hồ sơ trễ hạn trong kỳ.</p>");
        }

        var rows = late.Select(d => Html.Of($"""
            <tr><td><a href="{DossierHref(d.Code)}">{d.Code}</a></td><td>{d.ProcedureName}</td><td>{d.AgencyName}</td><td>{d.Audit.ResponsibleUnit}</td><td>{At(d.Audit.StatutoryDueAt)}</td><td>{At(d.Audit.AppointmentAt)}</td><td>{(d.Audit.ResultAt is { } r ? At(r) : "Chưa có")}</td><td class="num">{Hours(d.Audit.LateMinutes)}</td></tr>
            """));
        return Html.Of($"""
            {heading}
            <table aria-describedby="tre-han">
              <thead><tr>{ColumnHeads("Mã hồ sơ", "Thủ tục", "Cơ quan", "Đơn vị chịu trách nhiệm", "Hạn luật định", "Lịch hẹn trên giấy", "Có kết quả", "Số giờ làm việc trễ")}</tr></thead>
              <tbody>{rows}</tbody>
            </table>
            """);
    }

    /// <summary>The staff's page of a dossier, where its findings are shown.</summary>
    private static string DossierHref(string code) => "/quay/ho-so/" + Uri.EscapeDataString(code);

    private static Html Narrowed(ListFilter filter, string query)
    {
        if (filter == ListFilter.None)
        {
            return Html.Empty;
        }

        var parts = new List<string>();
        if (filter.Department is { } department)
        {
            parts.Add("đơn vị " + department[(department.IndexOf('/', StringComparison.Ordinal) + 1)..]);
        }

        if (filter.Procedure is { } procedure)
        {
            parts.Add("thủ tục " + procedure);
        }

        if (filter.Kind is { } kind)
        {
            parts.Add("dấu hiệu " + FindingName(kind));
        }

        return Html.Of($"""<p class="narrowed" role="status">Danh sách bên dưới chỉ gồm: {string.Join("; ", parts)}. <a href="/giam-sat?{query}">Bỏ lọc</a></p>""");
    }

    private static Html Differs(IReadOnlyList<AuditedDossier> differs, int total, string query)
    {
        var heading = Html.Of($"""<h2 id="che-giau">Hồ sơ giấy tờ ghi đúng hạn nhưng thực tế trễ hạn ({N(total)}{(total > differs.Count ? $", {N(differs.Count)} đầu tiên" : string.Empty)})</h2>""");
        if (differs.Count == 0)
        {
            return Html.Of($"{heading}<p>Không có hồ sơ nào mà giấy tờ và sổ sự kiện khác nhau.</p>");
        }

        var sections = differs.Select(d =>
        {
            var a = d.Audit;
            var result = a.ResultAt is { } r
                ? $"có kết quả thực tế {At(r)}" + (a.DeclaredResultAt is { } dr && dr != r ? $" (khai báo {At(dr)})" : "")
                : "chưa có kết quả";
            var findings = a.Findings.Select(f => Html.Of($"""
                <li><strong><a href="/giam-sat?{query}&kind={f.Kind}#che-giau">{FindingName(f.Kind)}</a></strong>: {f.ExplanationVi} (sự kiện số {string.Join(", ", f.Events.Select(e => e.Sequence.ToString(CultureInfo.InvariantCulture)))})</li>
                """));
            return Html.Of($"""
                <section aria-label="Hồ sơ {d.Code}">
                  <h3><a href="{DossierHref(d.Code)}">{d.Code}</a> – {d.ProcedureName}</h3>
                  <p>Hạn luật định {At(a.StatutoryDueAt)}; lịch hẹn trên giấy {At(a.AppointmentAt)}; {result}; trễ {Hours(a.LateMinutes)} giờ làm việc.</p>
                  <ul>{findings}</ul>
                </section>
                """);
        });
        return Html.Of($"{heading}{sections}");
    }

    private static Html Groups(string title, IReadOnlyList<IndicatorGroup> groups, Func<IndicatorGroup, string>? lateList)
    {
        Html Late(IndicatorGroup g) => lateList is null
            ? Html.Of($"{N(g.Counts.FinishedLate + g.Counts.InProgressOverdue)}")
            : Html.Of($"""<a href="{lateList(g)}">{N(g.Counts.FinishedLate + g.Counts.InProgressOverdue)}</a>""");
        var rows = groups.Select(g => Html.Of($"""
            <tr><th scope="row">{g.Name}</th><td class="num">{N(g.Counts.Received)}</td><td class="num">{N(g.Counts.CarriedOver)}</td><td class="num">{N(g.Counts.Finished)}</td><td class="num">{Late(g)}</td><td class="num">{N(g.Counts.InProgress)}</td><td class="num">{Rate(g.Counts.PaperOnTimeRate)}</td><td class="num">{Rate(g.Counts.TrueOnTimeRate)}</td></tr>
            """));
        return Html.Of($"""
            <h2>{title}</h2>
            <table>
              <thead><tr>{ColumnHeads("Tên", "Tiếp nhận", "Chuyển sang", "Đã giải quyết", "Quá hạn", "Đang giải quyết", "Đúng hạn (giấy tờ)", "Đúng hạn (thực tế)")}</tr></thead>
              <tbody>{rows}</tbody>
            </table>
            """);
    }

    private static IEnumerable<Html> ColumnHeads(params string[] names) => names.Select(n => Html.Of($"""<th scope="col">{n}</th>"""));

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

    private static string Hours(long minutes) => (minutes / 60m).ToString("0.0", Vi);

    private static string Date(LocalDate date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string At(Instant instant) => OfficeTime.ToLocal(instant).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string YesNo(bool? value) => value switch { true => "Có", false => "Không", _ => string.Empty };

    /// <summary>
    /// A CSV cell. Text that a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage
    /// return: OWASP "CSV injection") gets a leading apostrophe, so a unit typed as <c>=HYPERLINK(...)</c> is shown
    /// as text (a plain number such as -5 stays a number); then quoted when it holds a comma, quote or line break.
    /// </summary>
    internal static string Csv(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var formula = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
            && !decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);
        var text = formula ? "'" + value : value;
        return text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
