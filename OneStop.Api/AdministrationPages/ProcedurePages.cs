using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NodaTime;
using OneStop.Api.Administration;
using OneStop.Api.Deadlines;
using OneStop.Api.Identity;
using OneStop.Api.Pages;
using OneStop.Calendar;
using OneStop.Deadlines;
using OneStop.Persistence;

namespace OneStop.Api.AdministrationPages;

/// <summary>
/// <c>/quan-tri/thu-tuc</c>: the procedures an administrator sees, a search, a form for a new procedure; and
/// <c>/quan-tri/thu-tuc/{code}</c>: its versions and the form for the next one (versions are never edited: a
/// dossier keeps the version it was received under). Both run <see cref="ProcedureAdminEndpoints"/>.
/// </summary>
internal static class ProcedurePages
{
    private static readonly string[] Lists = ["requiredDocuments", "stepBudgets"];

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/thu-tuc", List);
        group.MapPost("/thu-tuc", Create);
        group.MapGet("/thu-tuc/{code}", Versions);
        group.MapPost("/thu-tuc/{code}", AddVersion);
    }

    public static async Task<ContentHttpResult> List(
        HttpContext http, string? tim, OneStopDbContext db, CurrentStaff staff, IOptions<OfficeHoursOptions> defaults, CancellationToken cancellationToken) =>
        await ListPageAsync(http, tim, null, _ => null, FormErrors.None, StatusCodes.Status200OK, db, staff, defaults, cancellationToken);

    public static async Task<Results<ContentHttpResult, RedirectHttpResult>> Create(
        HttpContext http, IFormCollection form, OneStopDbContext db, CurrentStaff staff, IOptions<OfficeHoursOptions> defaults, CancellationToken cancellationToken)
    {
        string? Value(string name) => AdministrationPages.Value(form, name);
        var request = new CreateProcedureRequest(Value("code"), Value("name"), Value("field"), Value("agency"));
        var result = await ProcedureAdminEndpoints.Create(request, db, staff, cancellationToken);
        if (AdministrationPages.ErrorsOf(result.Result) is { } errors)
        {
            return await ListPageAsync(http, null, null, Value, AdminText.Errors(errors), StatusCodes.Status400BadRequest, db, staff, defaults, cancellationToken);
        }

        return TypedResults.Redirect(PathOf(request.Code!.Trim()) + "?tb=da-them");
    }

    public static async Task<ContentHttpResult> Versions(
        HttpContext http, string code, string? tb, OneStopDbContext db, CurrentStaff staff, IClock clock, CancellationToken cancellationToken)
    {
        var message = tb switch
        {
            "da-them" => "Đã thêm thủ tục. Thêm phiên bản đầu tiên để bộ phận một cửa tiếp nhận được hồ sơ.",
            "da-them-phien-ban" => "Đã thêm phiên bản mới.",
            _ => null,
        };
        return await FindAsync(code, db, staff, cancellationToken) is { } procedure
            ? VersionsPage(http, procedure, clock, message, null, FormErrors.None, StatusCodes.Status200OK)
            : NotFound(http);
    }

    public static async Task<Results<ContentHttpResult, RedirectHttpResult>> AddVersion(
        HttpContext http, string code, IFormCollection form, OneStopDbContext db, CurrentStaff staff, IClock clock, CancellationToken cancellationToken)
    {
        string? Value(string name) => AdministrationPages.Value(form, name);
        var request = new AddProcedureVersionRequest(
            Value("effectiveFrom"),
            new DurationRequest(
                int.TryParse(Value("processingTime.amount"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var amount) ? amount : null,
                Enum.TryParse<DurationUnit>(Value("processingTime.unit"), out var unit) ? unit : null),
            Lines(Value("requiredDocuments")).Select(Document).ToList(),
            Lines(Value("stepBudgets")).Select(Budget).ToList(),
            Fee(Value("fee")),
            Value("cutOff"),
            Value("citizenSupplementTime.amount") is { } citizenDays
                ? new DurationRequest(int.TryParse(citizenDays, NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) ? days : -1, DurationUnit.WorkingDays)
                : null);
        var result = await ProcedureAdminEndpoints.AddVersion(code, request, db, staff, cancellationToken);
        var procedure = await FindAsync(code, db, staff, cancellationToken);
        if (procedure is null)
        {
            return NotFound(http);
        }

        if (result.Result is ProblemHttpResult problem)
        {
            return VersionsPage(http, procedure, clock, null, Value, FormErrors.None, problem.StatusCode,
                "Chỉ quản trị của cơ quan cấp cao nhất được thay đổi thủ tục chung cho mọi cơ quan.");
        }

        if (AdministrationPages.ErrorsOf(result.Result) is { } errors)
        {
            return VersionsPage(http, procedure, clock, null, Value, AdminText.Errors(errors, Lists), StatusCodes.Status400BadRequest);
        }

        return TypedResults.Redirect(PathOf(code) + "?tb=da-them-phien-ban");
    }

    private static string PathOf(string code) => AdministrationPages.ProceduresPath + "/" + Uri.EscapeDataString(code);

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>"Tờ khai | 1 | 0": name, originals (1 when left out), copies (0 when left out); a count that is not a number is refused by the API.</summary>
    private static RequiredDocumentRequest Document(string line)
    {
        var parts = line.Split('|', StringSplitOptions.TrimEntries);
        return new RequiredDocumentRequest(parts[0], Count(parts, 1, 1), Count(parts, 2, 0));
    }

    private static StepBudgetRequest Budget(string line)
    {
        var parts = line.Split('|', StringSplitOptions.TrimEntries);
        return new StepBudgetRequest(parts[0], Count(parts, 1, 0));
    }

    private static int Count(string[] parts, int index, int missing) =>
        parts.Length <= index || parts[index].Length == 0 ? missing
        : int.TryParse(parts[index], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : -1;

    /// <summary>"50.000" or "50000": đồng, dots grouping thousands as Vietnamese writes them; blank is free.</summary>
    private static decimal? Fee(string? text) =>
        text is null ? 0
        : decimal.TryParse(text.Replace(".", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var fee) ? fee : -1;

    private static async Task<ProcedureResponse?> FindAsync(string code, OneStopDbContext db, CurrentStaff staff, CancellationToken cancellationToken) =>
        (await ProcedureAdminEndpoints.Search(code, db, staff, cancellationToken)).Value!.FirstOrDefault(p => p.Code == code);

    private static ContentHttpResult NotFound(HttpContext http) =>
        AdministrationPages.Page(http, "Không tìm thấy thủ tục", AdministrationPages.ProceduresPath, Html.Of($"""
            <h1>Không tìm thấy thủ tục</h1>
            <p class="notice notice-error" role="alert">Không có thủ tục này trong phạm vi bạn quản trị.</p>
            <p><a href="{AdministrationPages.ProceduresPath}">Quay lại danh mục thủ tục</a></p>
            """), StatusCodes.Status404NotFound);

    private static async Task<ContentHttpResult> ListPageAsync(
        HttpContext http, string? search, string? message, Func<string, string?> value, FormErrors errors, int status,
        OneStopDbContext db, CurrentStaff staff, IOptions<OfficeHoursOptions> defaults, CancellationToken cancellationToken)
    {
        var found = (await ProcedureAdminEndpoints.Search(search, db, staff, cancellationToken)).Value!;
        var tree = (await AgencyAdminEndpoints.Tree(db, staff, defaults, cancellationToken)).Value!;
        var agencies = new List<(string, string)> { (string.Empty, "Mọi cơ quan (thủ tục chung)") };
        void Add(AgencyResponse a)
        {
            agencies.Add((a.ElectronicId, $"{a.Name} ({a.ElectronicId})"));
            foreach (var child in a.Children)
            {
                Add(child);
            }
        }

        Add(tree);
        var rows = found.Select(p =>
        {
            var latest = p.Versions.Count == 0 ? null : p.Versions[^1];
            return Html.Of($"""
                <tr>
                  <td><a class="code" href="{PathOf(p.Code)}">{p.Code}</a></td>
                  <td>{p.Name}</td>
                  <td>{p.Field}</td>
                  <td>{p.Agency ?? "Mọi cơ quan"}</td>
                  <td>{(latest is null ? Html.Of($"""<span class="badge badge-soon">Chưa có phiên bản</span>""") : Html.Of($"{latest.Number}: {latest.ProcessingTime.Text}, từ {AdminText.Date(latest.EffectiveFrom[..10])}"))}</td>
                </tr>
                """);
        });
        var table = found.Count == 0
            ? Html.Of($"""<p class="notice notice-info">Không có thủ tục nào khớp với “{search}”.</p>""")
            : Html.Of($"""
                <div class="table-wrap"><table>
                  <caption>Thủ tục ({found.Count}{(found.Count == ProcedureCatalogue.Limit ? "; chỉ hiện " + ProcedureCatalogue.Limit.ToString(CultureInfo.InvariantCulture) + " thủ tục đầu, hãy tìm cụ thể hơn" : string.Empty)})</caption>
                  <thead><tr><th scope="col">Mã</th><th scope="col">Tên thủ tục</th><th scope="col">Lĩnh vực</th><th scope="col">Cơ quan</th><th scope="col">Phiên bản mới nhất</th></tr></thead>
                  <tbody>{rows}</tbody>
                </table></div>
                """);
        return AdministrationPages.Page(http, "Thủ tục", AdministrationPages.ProceduresPath, Html.Of($"""
            <h1>Thủ tục hành chính</h1>
            {PageLayout.Notice("success", message)}
            <div class="admin-grid">
              <section aria-labelledby="danh-muc">
                <h2 id="danh-muc">Danh mục</h2>
                <form method="get" action="{AdministrationPages.ProceduresPath}" class="inline" role="search">
                  {PageForms.Input("tim", "Tìm theo tên hoặc mã", search, FormErrors.None, type: "search", extra: Html.Of($"""autocomplete="off" """))}
                  <button type="submit">Tìm</button>
                </form>
                {table}
              </section>
              <section aria-labelledby="them">
                <h2 id="them">Thêm thủ tục</h2>
                {PageForms.ErrorSummary(errors)}
                <form method="post" action="{AdministrationPages.ProceduresPath}" class="stack" novalidate>
                  {PageForms.Antiforgery(http)}
                  {PageForms.Input("code", "Mã thủ tục", value("code"), errors, required: true, hint: "Mã trên Cơ sở dữ liệu quốc gia về thủ tục hành chính, ví dụ 1.000948.H38.", extra: Html.Of($"""autocomplete="off" spellcheck="false" """))}
                  {PageForms.Input("name", "Tên thủ tục", value("name"), errors, required: true)}
                  {PageForms.Input("field", "Lĩnh vực", value("field"), errors, required: true, hint: "Ví dụ: Hộ tịch.")}
                  {PageForms.Select("agency", "Cơ quan giải quyết", value("agency") ?? string.Empty, agencies, errors)}
                  <button type="submit">Thêm thủ tục</button>
                </form>
              </section>
            </div>
            """), status);
    }

    private static ContentHttpResult VersionsPage(
        HttpContext http, ProcedureResponse procedure, IClock clock, string? message, Func<string, string?>? value, FormErrors errors, int status, string? error = null)
    {
        var latest = procedure.Versions.Count == 0 ? null : procedure.Versions[^1];
        var today = OfficeTime.ToLocal(clock.GetCurrentInstant()).Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string? Posted(string name, string? current) => value is null ? current : value(name);
        var rows = procedure.Versions.Reverse().Select(v => Html.Of($"""
            <tr>
              <td>{v.Number}</td>
              <td>{AdminText.Date(v.EffectiveFrom[..10])}</td>
              <td>{v.ProcessingTime.Text}</td>
              <td><ul class="plain">{v.RequiredDocuments.Select(d => Html.Of($"<li>{d.Name} <span class=\"muted\">({d.Originals} bản chính, {d.Copies} bản sao)</span></li>"))}</ul></td>
              <td><ul class="plain">{v.StepBudgets.Select(b => Html.Of($"<li>{b.Unit}: {b.WorkingHours} giờ</li>"))}</ul></td>
              <td class="num">{v.Fee.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.')} đ</td>
            </tr>
            """));
        var versions = procedure.Versions.Count == 0
            ? Html.Of($"""<p class="notice notice-info">Thủ tục chưa có phiên bản nào: chưa tiếp nhận được hồ sơ.</p>""")
            : Html.Of($"""
                <div class="table-wrap"><table>
                  <caption>Các phiên bản, mới nhất trước</caption>
                  <thead><tr><th scope="col">Số</th><th scope="col">Hiệu lực từ</th><th scope="col">Thời hạn</th><th scope="col">Thành phần hồ sơ</th><th scope="col">Thời gian từng bước</th><th scope="col">Lệ phí</th></tr></thead>
                  <tbody>{rows}</tbody>
                </table></div>
                """);
        var documents = latest is null ? null : string.Join("\n", latest.RequiredDocuments.Select(d => $"{d.Name} | {d.Originals} | {d.Copies}"));
        var budgets = latest is null ? null : string.Join("\n", latest.StepBudgets.Select(b => $"{b.Unit} | {b.WorkingHours}"));
        var units = Enum.GetValues<DurationUnit>().Select(u => (u.ToString(), AdminText.Unit(u)));
        return AdministrationPages.Page(http, "Thủ tục " + procedure.Code, AdministrationPages.ProceduresPath, Html.Of($"""
            <p><a href="{AdministrationPages.ProceduresPath}">← Danh mục thủ tục</a></p>
            <h1>{procedure.Name} <span class="muted">({procedure.Code})</span></h1>
            <p>Lĩnh vực: {procedure.Field} · Cơ quan: {procedure.Agency ?? "mọi cơ quan"}</p>
            {PageLayout.Notice("success", message)}
            {PageLayout.Notice("error", error)}
            {versions}
            <h2 id="phien-ban-moi">Thêm phiên bản {(latest?.Number ?? 0) + 1}</h2>
            <p class="hint">Phiên bản không sửa được; thay đổi thời hạn, thành phần hồ sơ, thời gian từng bước hay lệ phí là một phiên bản mới. Hồ sơ đã tiếp nhận giữ phiên bản cũ.</p>
            {PageForms.ErrorSummary(errors)}
            <form method="post" action="{PathOf(procedure.Code)}" class="stack wide" novalidate>
              {PageForms.Antiforgery(http)}
              {PageForms.Input("effectiveFrom", "Có hiệu lực từ ngày", Posted("effectiveFrom", today), errors, type: "date", required: true, hint: "Từ 00:00 giờ Hà Nội của ngày này.")}
              <fieldset>
                <legend>Thời hạn giải quyết</legend>
                <div class="inline">
                  {PageForms.Input("processingTime.amount", "Số lượng", Posted("processingTime.amount", latest?.ProcessingTime.Amount.ToString(CultureInfo.InvariantCulture)), errors, type: "number", required: true, extra: Html.Of($"""min="0" max="10000" """))}
                  {PageForms.Select("processingTime.unit", "Đơn vị", Posted("processingTime.unit", latest?.ProcessingTime.Unit ?? nameof(DurationUnit.WorkingDays)), units, errors)}
                </div>
              </fieldset>
              {PageForms.TextArea("requiredDocuments", "Thành phần hồ sơ", Posted("requiredDocuments", documents), errors, hint: "Mỗi dòng một giấy tờ: tên | số bản chính | số bản sao. Ví dụ: Tờ khai đăng ký kết hôn | 1 | 0")}
              {PageForms.TextArea("stepBudgets", "Thời gian cho từng bước", Posted("stepBudgets", budgets), errors, hint: "Mỗi dòng một đơn vị: tên đơn vị | số giờ làm việc (1 ngày làm việc = 8 giờ). Ví dụ: Bộ phận một cửa | 4")}
              {PageForms.Input("fee", "Lệ phí (đồng)", Posted("fee", latest?.Fee.ToString("0", CultureInfo.InvariantCulture)), errors, hint: "Để trống hoặc 0 nếu miễn lệ phí. Ví dụ 50000.", extra: Html.Of($"""inputmode="numeric" """))}
              {PageForms.Input("cutOff", "Giờ chốt nhận hồ sơ riêng của thủ tục", Posted("cutOff", latest?.CutOff), errors, hint: "Để trống: theo giờ chốt của cơ quan. Ví dụ 16:00, hoặc closing-1h (01 giờ trước khi kết thúc giờ hành chính).", extra: Html.Of($"""autocomplete="off" spellcheck="false" """))}
              {PageForms.Input("citizenSupplementTime.amount", "Thời hạn công dân bổ sung hồ sơ (ngày làm việc)", Posted("citizenSupplementTime.amount", latest?.CitizenSupplementTime?.Amount.ToString(CultureInfo.InvariantCulture)), errors, type: "number", hint: "Để trống: không giới hạn. Quá thời hạn này kể từ khi yêu cầu bổ sung mà công dân chưa bổ sung thì hồ sơ được đóng, có thông báo. Ví dụ 15.", extra: Html.Of($"""min="1" max="10000" """))}
              <button type="submit">Thêm phiên bản</button>
            </form>
            """), status);
    }
}
