using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using OneStop.Api.Administration;
using OneStop.Api.Calendar;
using OneStop.Api.Identity;
using OneStop.Api.Pages;
using OneStop.Calendar;
using OneStop.Dossiers;

namespace OneStop.Api.AdministrationPages;

/// <summary>
/// <c>/quan-tri/lich</c>: the calendar notices in force and every revision, the form that adds a notice or corrects
/// one (same key: a new revision), iCalendar export and import; <c>/quan-tri/lich/{year}</c>: the working calendar
/// of a year as <c>GET /api/calendar/{year}</c> gives it. Changes run <see cref="CalendarNoticeEndpoints"/>, which
/// rebuild the working calendar.
/// </summary>
internal static partial class CalendarPages
{
    private static readonly string[] Lists = ["covers", "daysOff", "makeUpWorkingDays"];

    private static readonly string[] MonthNames =
        ["Tháng Một", "Tháng Hai", "Tháng Ba", "Tháng Tư", "Tháng Năm", "Tháng Sáu", "Tháng Bảy", "Tháng Tám", "Tháng Chín", "Tháng Mười", "Tháng Mười một", "Tháng Mười hai"];

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/lich", Notices);
        group.MapPost("/lich", Add);
        group.MapPost("/lich/nhap", Import);
        group.MapGet("/lich/{year:int}", Year);
    }

    public static async Task<ContentHttpResult> Notices(
        HttpContext http, string? sua, string? tb, CalendarNoticeStore store, IClock clock, CancellationToken cancellationToken)
    {
        var notices = (await CalendarNoticeEndpoints.List(store, cancellationToken)).Value!;
        var query = http.Request.Query;
        var message = tb switch
        {
            "da-them" => "Đã thêm thông báo; lịch làm việc đã được cập nhật.",
            "da-sua" => "Đã lưu bản sửa của thông báo; lịch làm việc đã được cập nhật. Bản cũ vẫn còn trong lịch sử.",
            "khong-doi" => "Thông báo giống hệt bản đang có hiệu lực: không có gì thay đổi.",
            "da-nhap" => $"Đã nhập tệp iCalendar: {query["moi"]} thông báo mới, {query["sua"]} thông báo sửa, {query["giu"]} không đổi; bỏ qua {query["bo"]} sự kiện tính theo quy tắc.",
            _ => null,
        };
        var editing = sua is null ? null : notices.InForce.FirstOrDefault(n => n.Key == sua);
        Func<string, string?> value = editing is null ? _ => null : name => name switch
        {
            "key" => editing.Key,
            "year" => editing.Year.ToString(CultureInfo.InvariantCulture),
            "documentNumber" => editing.DocumentNumber,
            "name" => editing.Name,
            "daysOff" => string.Join(", ", editing.DaysOff.Select(AdminText.Date)),
            "makeUpWorkingDays" => string.Join(", ", editing.MakeUpWorkingDays.Select(AdminText.Date)),
            _ => null,
        };
        return NoticesPage(http, notices, clock, message, value, editing?.Covers ?? [], FormErrors.None, null, StatusCodes.Status200OK);
    }

    public static async Task<Results<ContentHttpResult, RedirectHttpResult>> Add(
        HttpContext http, IFormCollection form, CalendarNoticeStore store, CurrentStaff staff, IClock clock, CancellationToken cancellationToken)
    {
        string? Value(string name) => AdministrationPages.Value(form, name);
        var covers = AdministrationPages.Values(form, "covers");
        var request = new CalendarNoticeRequest(
            Value("key"),
            int.TryParse(Value("year"), NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null,
            covers,
            Value("documentNumber"),
            Value("name"),
            Dates(Value("daysOff")),
            Dates(Value("makeUpWorkingDays")));
        FormErrors errors;
        string? error = null;
        try
        {
            var result = await CalendarNoticeEndpoints.Add(request, store, staff, cancellationToken);
            switch (result.Result)
            {
                case Created<CalendarNoticeResponse> created:
                    return TypedResults.Redirect(AdministrationPages.CalendarPath + (created.Value!.Revision == 1 ? "?tb=da-them" : "?tb=da-sua"));
                case Ok<CalendarNoticeResponse>:
                    return TypedResults.Redirect(AdministrationPages.CalendarPath + "?tb=khong-doi");
                default:
                    errors = AdminText.Errors(AdministrationPages.ErrorsOf(result.Result), Lists);
                    break;
            }
        }
        catch (DossierRuleException e) when (e.Code == "calendar-notice-conflict")
        {
            errors = FormErrors.None;
            error = "Một quản trị viên khác vừa lưu thông báo cùng mã. Tải lại trang, kiểm tra rồi lưu lại.";
        }

        var notices = (await CalendarNoticeEndpoints.List(store, cancellationToken)).Value!;
        return NoticesPage(http, notices, clock, null, Value, covers, errors, error, errors.IsEmpty ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
    }

    /// <summary>Imports an uploaded <c>.ics</c> file through the JSON endpoint's import, then redirects with what changed.</summary>
    public static async Task<Results<ContentHttpResult, RedirectHttpResult>> Import(
        HttpContext http, IFormCollection form, CalendarNoticeStore store, CurrentStaff staff, IClock clock, CancellationToken cancellationToken)
    {
        var file = form.Files.GetFile("file");
        IDictionary<string, string[]>? errors;
        string? error = null;
        if (file is null || file.Length == 0)
        {
            errors = new Dictionary<string, string[]> { ["file"] = ["Chọn tệp .ics cần nhập."] };
        }
        else if (file.Length > CalendarNoticeEndpoints.MaxImportBytes)
        {
            errors = new Dictionary<string, string[]> { ["file"] = ["Tệp quá lớn: tối đa 2 MB."] };
        }
        else
        {
            string text;
            using (var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8))
            {
                text = (await reader.ReadToEndAsync(cancellationToken)).TrimStart('\uFEFF');
            }

            try
            {
                var result = await CalendarNoticeEndpoints.ImportTextAsync(text, AdministrationPages.Value(form, "documentNumber"), AdministrationPages.Value(form, "keyPrefix"), store, staff, cancellationToken);
                if (result.Result is Ok<CalendarImportResponse> { Value: { } done })
                {
                    return TypedResults.Redirect(string.Create(CultureInfo.InvariantCulture,
                        $"{AdministrationPages.CalendarPath}?tb=da-nhap&moi={done.Added.Count}&sua={done.Corrected.Count}&giu={done.Unchanged.Count}&bo={done.SkippedEvents}"));
                }

                errors = AdministrationPages.ErrorsOf(result.Result);
            }
            catch (DossierRuleException e) when (e.Code == "calendar-notice-conflict")
            {
                errors = null;
                error = "Một quản trị viên khác vừa lưu thông báo cùng mã. Thử nhập lại.";
            }
        }

        var notices = (await CalendarNoticeEndpoints.List(store, cancellationToken)).Value!;
        var importErrors = (errors ?? new Dictionary<string, string[]>())
            .Select(e => (Field: e.Key == "file" || e.Key == "body" ? string.Empty : e.Key, Message: string.Join(" ", e.Value.Select(AdminText.Message)))).ToList();
        return NoticesPage(http, notices, clock, null, _ => null, [], FormErrors.None, error, error is null ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict, importErrors);
    }

    public static ContentHttpResult Year(HttpContext http, int year, WorkingCalendarProvider calendars)
    {
        var answer = CalendarEndpoints.GetYear(year.ToString(CultureInfo.InvariantCulture), calendars);
        if (answer.Result is not Ok<CalendarYearResponse> { Value: { } calendar })
        {
            return AdministrationPages.Page(http, "Lịch làm việc", AdministrationPages.CalendarPath, Html.Of($"""
                <h1>Lịch làm việc</h1>
                <p class="notice notice-error" role="alert">Lịch chỉ có từ năm 1900 đến năm 2199.</p>
                """), StatusCodes.Status404NotFound);
        }

        var off = calendar.DaysOff.ToDictionary(d => d.Date, StringComparer.Ordinal);
        var makeUp = calendar.MakeUpWorkingDays.ToDictionary(d => d.Date, StringComparer.Ordinal);
        var months = Enumerable.Range(1, 12).Select(m => Month(year, m, off, makeUp));
        var offRows = calendar.DaysOff.Select(d => DayRow(d.Date, AdminText.DayOffKind(d.Kind), d.Name, "day-" + d.Kind));
        var makeUpRows = calendar.MakeUpWorkingDays.Select(d => DayRow(d.Date, "Làm bù", d.Name, "day-makeup"));
        var status = calendar.Status == "official"
            ? Html.Of($"""<p class="notice notice-success" role="status">Lịch chính thức: mọi dịp nghỉ lễ của năm đã có thông báo.</p>""")
            : Html.Of($"""<p class="notice notice-info" role="status">Lịch tạm tính: còn dịp nghỉ lễ chưa có thông báo, ngày nghỉ được tính theo quy định của Bộ luật Lao động. Thời hạn hồ sơ sẽ được tính lại khi có thông báo.</p>""");
        return AdministrationPages.Page(http, $"Lịch làm việc năm {year}", AdministrationPages.CalendarPath, Html.Of($"""
            <p><a href="{AdministrationPages.CalendarPath}">← Thông báo lịch nghỉ</a></p>
            <h1>Lịch làm việc năm {year}</h1>
            <nav class="year-nav" aria-label="Chọn năm">
              <a href="{AdministrationPages.CalendarPath}/{year - 1}">← Năm {year - 1}</a>
              <a href="{AdministrationPages.CalendarPath}/{year + 1}">Năm {year + 1} →</a>
            </nav>
            {status}
            <ul class="legend" aria-label="Chú thích">
              <li><span class="swatch day-holiday"></span> Nghỉ lễ, Tết</li>
              <li><span class="swatch day-compensatory"></span> Nghỉ bù</li>
              <li><span class="swatch day-swap"></span> Nghỉ hoán đổi</li>
              <li><span class="swatch day-makeup"></span> Làm bù (thứ Bảy, Chủ nhật đi làm)</li>
              <li><span class="swatch day-weekend"></span> Nghỉ cuối tuần</li>
            </ul>
            <div class="months">{months}</div>
            <div class="pair">
              <section aria-labelledby="ngay-nghi">
                <h2 id="ngay-nghi">Ngày nghỉ trong tuần ({calendar.DaysOff.Count})</h2>
                {DayTable("Ngày nghỉ từ thứ Hai đến thứ Sáu", offRows, calendar.DaysOff.Count)}
              </section>
              <section aria-labelledby="ngay-lam-bu">
                <h2 id="ngay-lam-bu">Ngày làm bù ({calendar.MakeUpWorkingDays.Count})</h2>
                {DayTable("Thứ Bảy, Chủ nhật làm việc", makeUpRows, calendar.MakeUpWorkingDays.Count)}
              </section>
            </div>
            """));
    }

    /// <summary>
    /// Dates typed as 24/11/2026 or 2026-11-24, separated by commas, semicolons, spaces or lines, in the API's ISO
    /// form; anything else is passed on for the API to refuse beside the field.
    /// </summary>
    internal static List<string> Dates(string? text) =>
        (text ?? string.Empty).Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(d => VietnameseDate().Match(d) is { Success: true } m
                ? string.Create(CultureInfo.InvariantCulture, $"{m.Groups["y"].Value}-{int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture):00}-{int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture):00}")
                : d)
            .ToList();

    [GeneratedRegex(@"^(?<d>\d{1,2})/(?<m>\d{1,2})/(?<y>\d{4})$")]
    private static partial Regex VietnameseDate();

    private static Html DayRow(string iso, string kind, string name, string css)
    {
        var date = NodaTime.Text.LocalDatePattern.Iso.Parse(iso).Value;
        return Html.Of($"""<tr><td><span class="swatch {css}"></span> {AdminText.Date(iso)}</td><td>{AdminText.Weekday(date.DayOfWeek)}</td><td>{kind}</td><td>{name}</td></tr>""");
    }

    private static Html DayTable(string caption, IEnumerable<Html> rows, int count) =>
        count == 0
            ? Html.Of($"""<p class="muted">Không có.</p>""")
            : Html.Of($"""
                <table class="days">
                  <caption class="visually-hidden">{caption}</caption>
                  <thead><tr><th scope="col">Ngày</th><th scope="col">Thứ</th><th scope="col">Loại</th><th scope="col">Tên</th></tr></thead>
                  <tbody>{rows}</tbody>
                </table>
                """);

    /// <summary>One month as a Monday-first grid; the lists under the grid say the same in words.</summary>
    private static Html Month(int year, int month, Dictionary<string, CalendarDayResponse> off, Dictionary<string, CalendarDayResponse> makeUp)
    {
        var first = new LocalDate(year, month, 1);
        var days = CalendarSystem.Iso.GetDaysInMonth(year, month);
        var cells = new List<Html>();
        for (var i = 1; i < (int)first.DayOfWeek; i++)
        {
            cells.Add(Html.Of($"<td></td>"));
        }

        for (var d = 1; d <= days; d++)
        {
            var date = new LocalDate(year, month, d);
            var iso = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var cell = off.TryGetValue(iso, out var o) ? Html.Of($"""<td class="day-{o.Kind}" title="{AdminText.DayOffKind(o.Kind)}: {o.Name}">{d}</td>""")
                : makeUp.TryGetValue(iso, out var w) ? Html.Of($"""<td class="day-makeup" title="Làm bù: {w.Name}">{d}</td>""")
                : date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday ? Html.Of($"""<td class="day-weekend">{d}</td>""")
                : Html.Of($"<td>{d}</td>");
            cells.Add(cell);
        }

        var weeks = cells.Chunk(7).Select(w => Html.Of($"<tr>{Html.Join(w)}</tr>"));
        return Html.Of($"""
            <table class="month" aria-label="{MonthNames[month - 1]} năm {year}">
              <caption>{MonthNames[month - 1]}</caption>
              <thead><tr><th scope="col" abbr="Thứ Hai">T2</th><th scope="col" abbr="Thứ Ba">T3</th><th scope="col" abbr="Thứ Tư">T4</th><th scope="col" abbr="Thứ Năm">T5</th><th scope="col" abbr="Thứ Sáu">T6</th><th scope="col" abbr="Thứ Bảy">T7</th><th scope="col" abbr="Chủ nhật">CN</th></tr></thead>
              <tbody>{weeks}</tbody>
            </table>
            """);
    }

    private static ContentHttpResult NoticesPage(
        HttpContext http, CalendarNoticesResponse notices, IClock clock, string? message, Func<string, string?> value, IReadOnlyCollection<string> covers,
        FormErrors errors, string? error, int status, List<(string Field, string Message)>? importErrors = null)
    {
        var thisYear = OfficeTime.ToLocal(clock.GetCurrentInstant()).Year;
        // Decades of notices are stored: the table shows the years around this one unless asked for all or one.
        var asked = http.Request.Query["nam"].ToString();
        var all = asked == "tat-ca";
        var oneYear = int.TryParse(asked, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : (int?)null;
        var shown = notices.InForce.Where(n => all || (oneYear is { } only ? n.Year == only : Math.Abs(n.Year - thisYear) <= 1)).ToList();
        var inForce = shown.OrderByDescending(n => n.Year).ThenBy(n => n.Key, StringComparer.Ordinal).Select(n => Html.Of($"""
            <tr>
              <td>{n.Year}</td>
              <td>{n.Name}<br><span class="code small">{n.Key}</span>{(n.Revision > 1 ? $" · bản sửa {n.Revision}" : string.Empty)}</td>
              <td>{n.DocumentNumber}</td>
              <td>{string.Join(", ", n.Covers.Select(c => Enum.TryParse<HolidayPeriod>(c, out var p) ? AdminText.Period(p) : c))}</td>
              <td>{string.Join(", ", n.DaysOff.Select(AdminText.Date))}</td>
              <td>{string.Join(", ", n.MakeUpWorkingDays.Select(AdminText.Date))}</td>
              <td><a href="{AdministrationPages.CalendarPath}?sua={Uri.EscapeDataString(n.Key)}#sua-thong-bao">Sửa<span class="visually-hidden"> {n.Name} năm {n.Year}</span></a></td>
            </tr>
            """));
        var history = notices.History.OrderByDescending(n => n.RecordedAt, StringComparer.Ordinal).Select(n => Html.Of($"""
            <tr><td>{n.RecordedAt[..10]} {n.RecordedAt[11..16]}</td><td>{n.RecordedBy}</td><td class="code small">{n.Key}</td><td>{n.Revision}</td><td>{n.Name}</td><td>{n.DocumentNumber}</td>
              <td>{string.Join(", ", n.DaysOff.Select(AdminText.Date))}{(n.MakeUpWorkingDays.Count == 0 ? string.Empty : "; làm bù " + string.Join(", ", n.MakeUpWorkingDays.Select(AdminText.Date)))}</td></tr>
            """));
        var periods = Enum.GetValues<HolidayPeriod>().Select(p => (p.ToString(), AdminText.Period(p)));
        var importList = importErrors is null || importErrors.Count == 0 ? Html.Empty : Html.Of($"""
            <div class="notice notice-error" role="alert" id="file-error">
              <p><strong>Chưa nhập được tệp: không thông báo nào được lưu.</strong></p>
              <ul>{importErrors.Select(e => Html.Of($"<li>{(e.Field.Length == 0 ? Html.Empty : Html.Of($"<span class=\"code small\">{e.Field}</span>: "))}{e.Message}</li>"))}</ul>
            </div>
            """);
        var correcting = value("key") is { } key && notices.InForce.Any(n => n.Key == key);
        return AdministrationPages.Page(http, "Lịch làm việc", AdministrationPages.CalendarPath, Html.Of($"""
            <h1>Lịch làm việc: thông báo nghỉ lễ, nghỉ bù, làm bù</h1>
            {PageLayout.Notice("success", message)}
            {PageLayout.Notice("error", error)}
            <p class="year-links">Xem lịch cả năm:
              <a href="{AdministrationPages.CalendarPath}/{thisYear - 1}">{thisYear - 1}</a>
              <a href="{AdministrationPages.CalendarPath}/{thisYear}">{thisYear}</a>
              <a href="{AdministrationPages.CalendarPath}/{thisYear + 1}">{thisYear + 1}</a></p>
            <div class="admin-grid">
              <section aria-labelledby="sua-thong-bao">
                <h2 id="sua-thong-bao">{(correcting ? "Sửa thông báo" : "Thêm hoặc sửa thông báo")}</h2>
                <p class="hint">Cùng mã với một thông báo đã có là bản sửa; bản cũ được giữ trong lịch sử. Lịch làm việc và thời hạn hồ sơ được tính lại ngay.</p>
                {PageForms.ErrorSummary(errors)}
                <form method="post" action="{AdministrationPages.CalendarPath}" class="stack" novalidate>
                  {PageForms.Antiforgery(http)}
                  <div class="inline">
                    {PageForms.Input("key", "Mã thông báo", value("key"), errors, required: true, hint: "Chữ thường không dấu, số, dấu '-'. Ví dụ 2026-ngay-van-hoa.", extra: Html.Of($"""autocomplete="off" spellcheck="false" """))}
                    {PageForms.Input("year", "Năm", value("year") ?? thisYear.ToString(CultureInfo.InvariantCulture), errors, type: "number", required: true, extra: Html.Of($"""min="1900" max="2199" """))}
                  </div>
                  {AdministrationPages.Checkboxes("covers", "Dịp nghỉ lễ mà thông báo ấn định (nếu có)", periods, covers, errors)}
                  {PageForms.Input("documentNumber", "Số, ký hiệu văn bản", value("documentNumber"), errors, required: true, hint: "Ví dụ: Nghị quyết 05/2025/NQ-CP.")}
                  {PageForms.Input("name", "Tên", value("name"), errors, required: true, hint: "Ví dụ: Ngày Văn hóa Việt Nam.")}
                  {PageForms.TextArea("daysOff", "Ngày nghỉ (thứ Hai – thứ Sáu)", value("daysOff"), errors, hint: "Các ngày dạng 24/11/2026, cách nhau bởi dấu phẩy hoặc xuống dòng.")}
                  {PageForms.TextArea("makeUpWorkingDays", "Ngày làm bù (thứ Bảy, Chủ nhật)", value("makeUpWorkingDays"), errors, hint: "Các ngày dạng 21/11/2026, cách nhau bởi dấu phẩy hoặc xuống dòng.")}
                  <button type="submit">Lưu thông báo</button>
                  {(correcting ? Html.Of($"""<a class="button button-secondary" href="{AdministrationPages.CalendarPath}">Thêm thông báo mới</a>""") : Html.Empty)}
                </form>
              </section>
              <section aria-labelledby="icalendar">
                <h2 id="icalendar">iCalendar</h2>
                <h3>Xuất lịch</h3>
                <form method="get" action="/api/admin/calendar/export.ics" class="inline">
                  {PageForms.Input("from", "Từ năm", thisYear.ToString(CultureInfo.InvariantCulture), FormErrors.None, type: "number", id: "export-from", extra: Html.Of($"""min="1900" max="2199" """))}
                  {PageForms.Input("to", "Đến năm", (thisYear + 1).ToString(CultureInfo.InvariantCulture), FormErrors.None, type: "number", id: "export-to", extra: Html.Of($"""min="1900" max="2199" """))}
                  <button type="submit" class="button-secondary">Tải tệp .ics</button>
                </form>
                <p><a href="/api/admin/calendar/export.ics?from={thisYear}&amp;to={thisYear}">Tải lịch năm {thisYear} (.ics)</a></p>
                <h3>Nhập lịch</h3>
                <p class="hint">Mỗi ngày nghỉ là một sự kiện cả ngày; ngày làm bù có CATEGORIES:MAKE-UP-WORKING-DAY. Tệp được nhập trọn vẹn hoặc không nhập gì.</p>
                {importList}
                <form method="post" action="{AdministrationPages.CalendarPath}/nhap" enctype="multipart/form-data" class="stack">
                  {PageForms.Antiforgery(http)}
                  <div class="field">
                    <label for="file">Tệp iCalendar (.ics) <span class="req">(bắt buộc)</span></label>
                    <input type="file" id="file" name="file" accept=".ics,text/calendar" required{(importErrors is { Count: > 0 } ? Html.Of($""" aria-describedby="file-error" aria-invalid="true" """) : Html.Empty)}>
                  </div>
                  {PageForms.Input("documentNumber", "Số văn bản (khi tệp không ghi)", null, FormErrors.None, id: "import-documentNumber")}
                  {PageForms.Input("keyPrefix", "Tiền tố mã thông báo (khi tệp không ghi)", null, FormErrors.None, id: "import-keyPrefix", hint: "Ví dụ: nghi-le; mã sẽ là nghi-le-2026.")}
                  <button type="submit" class="button-secondary">Nhập tệp</button>
                </form>
              </section>
            </div>
            <h2 id="hieu-luc">Thông báo đang có hiệu lực</h2>
            <p class="year-links">{(all ? $"Tất cả {notices.InForce.Count} thông báo." : oneYear is { } only ? $"Năm {only}: {shown.Count} thông báo." : $"Năm {thisYear - 1}–{thisYear + 1}: {shown.Count} trong {notices.InForce.Count} thông báo.")}
              <a href="{AdministrationPages.CalendarPath}?nam=tat-ca#hieu-luc">Xem tất cả các năm</a></p>
            <div class="table-wrap"><table>
              <caption class="visually-hidden">Thông báo đang có hiệu lực, năm mới nhất trước</caption>
              <thead><tr><th scope="col">Năm</th><th scope="col">Thông báo</th><th scope="col">Số văn bản</th><th scope="col">Dịp nghỉ</th><th scope="col">Ngày nghỉ</th><th scope="col">Ngày làm bù</th><th scope="col"><span class="visually-hidden">Thao tác</span></th></tr></thead>
              <tbody>{inForce}</tbody>
            </table></div>
            <details class="history">
              <summary>Lịch sử mọi bản đã lưu ({notices.History.Count})</summary>
              <div class="table-wrap"><table>
                <caption class="visually-hidden">Lịch sử thông báo, mới nhất trước</caption>
                <thead><tr><th scope="col">Lưu lúc</th><th scope="col">Người lưu</th><th scope="col">Mã</th><th scope="col">Bản</th><th scope="col">Tên</th><th scope="col">Số văn bản</th><th scope="col">Ngày</th></tr></thead>
                <tbody>{history}</tbody>
              </table></div>
            </details>
            """), status);
    }
}
