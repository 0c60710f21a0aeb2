using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using OneStop.Api.Administration;
using OneStop.Api.Dossiers;
using OneStop.Api.Identity;
using OneStop.Api.Pages;
using OneStop.Api.Problems;
using OneStop.Dossiers;
using OneStop.Persistence;
using OneStop.Procedures;
using OneStop.Users;

namespace OneStop.Api.Desk;

/// <summary>
/// <c>/quay/tiep-nhan</c>: find the procedure by name or code, tick the documents handed in from its checklist,
/// type the applicant (and proxy), choose the channel; the registration goes through <see cref="DossierIntake"/>
/// with an idempotency key drawn when the form is shown, so a double click registers one dossier.
/// </summary>
internal static class RegistrationPage
{
    private const int SearchLimit = 30;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(PageLayout.RegisterPath, Show).RequireAuthorization(PageAuthorization.For(Roles.Clerk, Roles.Admin)).ExcludeFromDescription();
        app.MapPost(PageLayout.RegisterPath, Register).RequireAuthorization(PageAuthorization.For(Roles.Clerk, Roles.Admin)).ExcludeFromDescription();
    }

    public static async Task<ContentHttpResult> Show(
        HttpContext http, string? tim, OneStopDbContext db, CurrentStaff staff, IClock clock, CancellationToken cancellationToken)
    {
        var chosen = http.Request.Query["thu-tuc"].ToString();
        var procedures = await OfferedAsync(db, staff, cancellationToken);
        if (chosen.Length > 0)
        {
            var procedure = procedures.SingleOrDefault(p => p.Code == chosen);
            if (procedure is not null && procedure.VersionInForce(clock.GetCurrentInstant()) is { } version)
            {
                return FormPage(http, procedure, version, _ => null, FormErrors.None, Guid.NewGuid().ToString("N"), null, StatusCodes.Status200OK);
            }

            return SearchPage(http, tim, procedures, "Không tìm thấy thủ tục này hoặc thủ tục chưa có phiên bản có hiệu lực. Chọn lại trong danh sách.");
        }

        return SearchPage(http, tim, procedures, null);
    }

    public static async Task<Results<ContentHttpResult, RedirectHttpResult>> Register(
        HttpContext http, IFormCollection form, DossierIntake intake, OneStopDbContext db, CurrentStaff staff, IClock clock, CancellationToken cancellationToken)
    {
        string? Value(string name) => form.TryGetValue(name, out var v) ? v.ToString() : null;
        var procedures = await OfferedAsync(db, staff, cancellationToken);
        var procedure = procedures.SingleOrDefault(p => p.Code == Value("procedureCode"));
        if (procedure is null || procedure.VersionInForce(clock.GetCurrentInstant()) is not { } version)
        {
            return SearchPage(http, null, procedures, "Chọn thủ tục hành chính trước khi tiếp nhận.");
        }

        var checkedIndices = new List<int>();
        var documents = new List<DocumentRequest>();
        for (var i = 0; i < version.RequiredDocuments.Count; i++)
        {
            if (Value($"doc{i}") is not null)
            {
                checkedIndices.Add(i);
                documents.Add(new DocumentRequest(version.RequiredDocuments[i].Name, Count(Value($"docOriginals{i}")), Count(Value($"docCopies{i}"))));
            }
        }

        var applicant = Person("applicant", Value);
        var proxy = Person("proxy", Value);
        var request = new RegisterDossierRequest(
            procedure.Code,
            null,
            applicant,
            proxy is { FullName: null, IdNumber: null, Phone: null, Address: null, Email: null } ? null : proxy,
            documents,
            Enum.TryParse<Channel>(Value("channel"), ignoreCase: false, out var channel) && Enum.IsDefined(channel) ? channel : Channel.Counter,
            VietnameseText.FromLocalInput(Value("acceptedAt")),
            string.IsNullOrWhiteSpace(Value("receivedElsewhere.agency")) && string.IsNullOrWhiteSpace(Value("receivedElsewhere.receivedAt"))
                ? null
                : new ReceivedElsewhereRequest(Value("receivedElsewhere.agency"), VietnameseText.FromLocalInput(Value("receivedElsewhere.receivedAt"))));
        var key = Value("idempotencyKey") is { Length: > 0 and <= 200 } k ? k : null;

        // The API reads an empty list as "the whole checklist"; at the desk, nothing ticked is a mistake.
        if (documents.Count == 0)
        {
            var validation = new Validation();
            validation.Add("documents", ValidationCodes.NoDocumentTicked, "Tick at least one document received.");
            _ = InputRules.Person(request.Applicant, "applicant", required: true, validation);
            _ = InputRules.Person(request.Proxy, "proxy", required: false, validation);
            return FormPage(http, procedure, version, Value, FormErrors.From(validation), key ?? Guid.NewGuid().ToString("N"), null, StatusCodes.Status400BadRequest);
        }

        var outcome = await intake.RegisterAsync(request, key, cancellationToken);
        if (outcome.Response is { } created)
        {
            return TypedResults.Redirect(DossierPage.PathOf(created.Code) + "?tb=da-tiep-nhan");
        }

        if (outcome.Replayed is { } replay)
        {
            using var body = JsonDocument.Parse(replay.ResponseBody);
            return TypedResults.Redirect(DossierPage.PathOf(body.RootElement.GetProperty("code").GetString()!) + "?tb=da-tiep-nhan");
        }

        if (outcome.IsKeyReused)
        {
            return FormPage(http, procedure, version, Value, FormErrors.None, Guid.NewGuid().ToString("N"),
                "Phiếu này đã được gửi trước đó với nội dung khác. Kiểm tra lại rồi bấm tiếp nhận một lần nữa.", StatusCodes.Status409Conflict);
        }

        var errors = new FormErrors();
        foreach (var (field, message) in FormErrors.From(outcome.Errors).All)
        {
            // documents[j] is the j-th ticked document: point at its line of the checklist.
            errors.Add(field.StartsWith("documents[", StringComparison.Ordinal) && int.TryParse(field.AsSpan(10, field.IndexOf(']', StringComparison.Ordinal) - 10), CultureInfo.InvariantCulture, out var j) && j < checkedIndices.Count
                ? $"documents[{checkedIndices[j]}]" : field, message);
        }

        return FormPage(http, procedure, version, Value, errors, key ?? Guid.NewGuid().ToString("N"), null, StatusCodes.Status400BadRequest);
    }

    private static int Count(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : (string.IsNullOrWhiteSpace(text) ? 0 : -1);

    private static PersonRequest Person(string prefix, Func<string, string?> value)
    {
        string? Field(string name) => value($"{prefix}.{name}") is { } v && !string.IsNullOrWhiteSpace(v) ? v : null;
        return new PersonRequest(Field("fullName"), Field("idNumber"), Field("phone"), Field("address"), Field("email"));
    }

    /// <summary>Procedures this member's agency offers (read from the catalogue until the procedures API serves the desk).</summary>
    private static async Task<List<Procedure>> OfferedAsync(OneStopDbContext db, CurrentStaff staff, CancellationToken cancellationToken)
    {
        var member = await staff.GetAsync(cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.Path.StartsWith(member.AgencyPath)).Select(a => a.Id).ToListAsync(cancellationToken);
        var procedures = await db.Procedures.AsNoTracking().Include(p => p.Versions).ToListAsync(cancellationToken);
        return procedures.Where(p => p.AgencyId is null || agencies.Contains(p.AgencyId.Value)).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
    }

    private static ContentHttpResult SearchPage(HttpContext http, string? search, List<Procedure> procedures, string? error)
    {
        var query = ProcedureCatalogue.Normalize(search?.Trim() ?? string.Empty);
        var found = procedures
            .Where(p => query.Length == 0 || ProcedureCatalogue.Normalize(p.Name).Contains(query, StringComparison.Ordinal) || ProcedureCatalogue.Normalize(p.Code).Contains(query, StringComparison.Ordinal))
            .Take(SearchLimit).ToList();
        var items = found.Select(p => Html.Of($"""
            <li><a href="{PageLayout.RegisterPath}?thu-tuc={Uri.EscapeDataString(p.Code)}">{p.Name}</a>
              <span class="muted">— {p.Code} · {p.Field} · {p.Versions.MaxBy(v => v.Number)?.ProcessingTime.ToString()}</span></li>
            """));
        var list = found.Count == 0
            ? Html.Of($"""<p class="notice notice-info">Không có thủ tục nào khớp với “{search}”.</p>""")
            : Html.Of($"""<ul class="procedures">{items}</ul>""");
        return PageLayout.Staff(http, "Tiếp nhận hồ sơ", Html.Of($"""
            <h1>Tiếp nhận hồ sơ</h1>
            {PageLayout.Notice("error", error)}
            <form method="get" action="{PageLayout.RegisterPath}" class="inline" role="search">
              {PageForms.Input("tim", "Tìm thủ tục theo tên hoặc mã", search, FormErrors.None, type: "search", hint: "Ví dụ: kết hôn, khai sinh, 1.000894.H99", extra: Html.Of($"""autocomplete="off" autofocus"""))}
              <button type="submit">Tìm</button>
            </form>
            <h2>{(query.Length == 0 ? "Các thủ tục" : "Kết quả tìm")} ({found.Count})</h2>
            {list}
            """), error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static ContentHttpResult FormPage(
        HttpContext http, Procedure procedure, ProcedureVersion version, Func<string, string?> value, FormErrors errors, string key, string? error, int status)
    {
        var posted = value("procedureCode") is not null;
        var checklist = version.RequiredDocuments.Select((d, i) =>
        {
            var id = PageForms.IdOf($"documents[{i}]");
            var ticked = !posted || value($"doc{i}") is not null;
            var docError = errors.For($"documents[{i}]");
            return Html.Of($"""
                <li{(docError is null ? Html.Empty : Html.Of($" class=\"has-error\""))}>
                  <label class="doc"><input type="checkbox" id="{id}" name="doc{i}"{(ticked ? Html.Of($" checked") : Html.Empty)}> {d.Name}</label>
                  <span class="counts">
                    <span class="count"><label for="docOriginals{i}">Bản chính</label>
                      <input type="number" id="docOriginals{i}" name="docOriginals{i}" min="0" max="99" value="{value($"docOriginals{i}") ?? d.Originals.ToString(CultureInfo.InvariantCulture)}"></span>
                    <span class="count"><label for="docCopies{i}">Bản sao</label>
                      <input type="number" id="docCopies{i}" name="docCopies{i}" min="0" max="99" value="{value($"docCopies{i}") ?? d.Copies.ToString(CultureInfo.InvariantCulture)}"></span>
                  </span>
                  {(docError is null ? Html.Empty : Html.Of($"""<p class="error">{docError}</p>"""))}
                </li>
                """);
        });
        var channel = value("channel") ?? nameof(Channel.Counter);
        var main = Html.Of($"""
            <h1>Tiếp nhận hồ sơ</h1>
            <p class="lead"><strong>{procedure.Name}</strong> <span class="muted">({procedure.Code})</span><br>
              Thời hạn giải quyết: {version.ProcessingTime.ToString()} · Lệ phí: {version.Fee.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.')} đồng ·
              <a href="{PageLayout.RegisterPath}">Chọn thủ tục khác</a></p>
            {PageLayout.Notice("error", error)}
            {PageForms.ErrorSummary(errors)}
            <form method="post" action="{PageLayout.RegisterPath}" class="stack wide" novalidate>
              {PageForms.Antiforgery(http)}
              <input type="hidden" name="procedureCode" value="{procedure.Code}">
              <input type="hidden" name="idempotencyKey" value="{key}">
              <fieldset id="documents" tabindex="-1">
                <legend>Thành phần hồ sơ đã nhận</legend>
                {(errors.For("documents") is { } none ? Html.Of($"""<p class="error">{none}</p>""") : Html.Empty)}
                <ul class="checklist">{checklist}</ul>
              </fieldset>
              <div class="pair">
                <fieldset>
                  <legend>Người nộp hồ sơ</legend>
                  {PersonFields("applicant", value, errors, required: true)}
                </fieldset>
                <fieldset>
                  <legend>Người được ủy quyền (nếu có)</legend>
                  {PersonFields("proxy", value, errors, required: false)}
                </fieldset>
              </div>
              <fieldset>
                <legend>Tiếp nhận</legend>
                {PageForms.Select("channel", "Kênh tiếp nhận", channel, [(nameof(Channel.Counter), "Trực tiếp tại quầy"), (nameof(Channel.Online), "Trực tuyến"), (nameof(Channel.Post), "Qua bưu chính")], errors)}
                <details class="when"{(errors.For("acceptedAt") is null ? Html.Empty : Html.Of($" open"))}>
                  <summary>Hồ sơ đã nhận trước đó?</summary>
                  {PageForms.Input("acceptedAt", "Thời điểm tiếp nhận thực tế", value("acceptedAt"), errors, type: "datetime-local", hint: "Để trống nếu nhận ngay bây giờ.")}
                </details>
                <details class="when"{(errors.For("receivedElsewhere.agency") is null && errors.For("receivedElsewhere.receivedAt") is null ? Html.Empty : Html.Of($" open"))}>
                  <summary>Hồ sơ do bộ phận một cửa nơi khác tiếp nhận (không phụ thuộc địa giới hành chính)?</summary>
                  <p class="hint">Thời gian giải quyết tính từ khi cơ quan có thẩm quyền nhận được hồ sơ (Nghị định 118/2025, Điều 17 khoản 3, sửa đổi bởi Nghị định 309/2026).</p>
                  {PageForms.Input("receivedElsewhere.agency", "Mã định danh của cơ quan đã tiếp nhận", value("receivedElsewhere.agency"), errors, hint: "Ví dụ 000.00.13.H99.", extra: Html.Of($"""autocomplete="off" spellcheck="false" """))}
                  {PageForms.Input("receivedElsewhere.receivedAt", "Thời điểm nơi đó tiếp nhận", value("receivedElsewhere.receivedAt"), errors, type: "datetime-local")}
                </details>
              </fieldset>
              <button type="submit">Tiếp nhận và lập giấy hẹn</button>
            </form>
            """);
        return PageLayout.Staff(http, "Tiếp nhận: " + procedure.Name, main, status);
    }

    private static Html PersonFields(string prefix, Func<string, string?> value, FormErrors errors, bool required) => Html.Of($"""
        {PageForms.Input(prefix + ".fullName", "Họ và tên", value(prefix + ".fullName"), errors, required: required, extra: Html.Of($"""autocomplete="off" """))}
        {PageForms.Input(prefix + ".idNumber", "Số định danh cá nhân", value(prefix + ".idNumber"), errors, hint: "12 chữ số trên thẻ căn cước.", extra: Html.Of($"""inputmode="numeric" autocomplete="off" """))}
        {PageForms.Input(prefix + ".phone", "Số điện thoại", value(prefix + ".phone"), errors, type: "tel", extra: Html.Of($"""autocomplete="off" """))}
        {PageForms.Input(prefix + ".address", "Địa chỉ", value(prefix + ".address"), errors, extra: Html.Of($"""autocomplete="off" """))}
        {PageForms.Input(prefix + ".email", "Email", value(prefix + ".email"), errors, type: "email", extra: Html.Of($"""autocomplete="off" """))}
        """);
}
