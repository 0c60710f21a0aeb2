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
/// <c>/quan-tri/lich</c> (<see cref="CalendarNoticesPage"/>): the calendar notices in force and every revision, the
/// form that adds a notice or corrects one (same key: a new revision), iCalendar export and import;
/// <c>/quan-tri/lich/{year}</c> (<see cref="CalendarYearPage"/>): the working calendar of a year as
/// <c>GET /api/calendar/{year}</c> gives it. Changes run <see cref="CalendarNoticeEndpoints"/>, which rebuild the
/// working calendar.
/// </summary>
internal static partial class CalendarPages
{
    private static readonly string[] Lists = ["covers", "daysOff", "makeUpWorkingDays"];

    private static readonly string[] FormFields = ["key", "year", "documentNumber", "name", "daysOff", "makeUpWorkingDays"];

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/lich", Notices);
        group.MapPost("/lich", Add);
        group.MapPost("/lich/nhap", Import);
        group.MapGet("/lich/{year:int}", Year);
    }

    public static async Task<RazorComponentResult<CalendarNoticesPage>> Notices(
        string? sua, string? tb, string? nam, string? moi, string? giu, string? bo, CalendarNoticeStore store, IClock clock, CancellationToken cancellationToken)
    {
        var notices = (await CalendarNoticeEndpoints.List(store, cancellationToken)).Value!;
        var message = tb switch
        {
            "da-them" => "Đã thêm thông báo; lịch làm việc đã được cập nhật.",
            "da-sua" => "Đã lưu bản sửa của thông báo; lịch làm việc đã được cập nhật. Bản cũ vẫn còn trong lịch sử.",
            "khong-doi" => "Thông báo giống hệt bản đang có hiệu lực: không có gì thay đổi.",
            "da-nhap" => $"Đã nhập tệp iCalendar: {Count(moi)} thông báo mới, {Count(sua)} thông báo sửa, {Count(giu)} không đổi; bỏ qua {Count(bo)} sự kiện tính theo quy tắc.",
            _ => null,
        };
        var editing = sua is null || tb == "da-nhap" ? null : notices.InForce.FirstOrDefault(n => n.Key == sua);
        var values = editing is null ? new Dictionary<string, string?>() : new Dictionary<string, string?>
        {
            ["key"] = editing.Key,
            ["year"] = editing.Year.ToString(CultureInfo.InvariantCulture),
            ["documentNumber"] = editing.DocumentNumber,
            ["name"] = editing.Name,
            ["daysOff"] = string.Join(", ", editing.DaysOff.Select(AdminText.Date)),
            ["makeUpWorkingDays"] = string.Join(", ", editing.MakeUpWorkingDays.Select(AdminText.Date)),
        };
        return Page(notices, clock, nam, StatusCodes.Status200OK, new { Message = message, Values = values, Covers = editing?.Covers ?? [] });
    }

    public static async Task<Results<RazorComponentResult<CalendarNoticesPage>, RedirectHttpResult>> Add(
        IFormCollection form, CalendarNoticeStore store, CurrentStaff staff, IClock clock, CancellationToken cancellationToken)
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
                    errors = AdminErrors.From(result.Result, Lists);
                    break;
            }
        }
        catch (DossierRuleException e) when (e.Code == "calendar-notice-conflict")
        {
            errors = FormErrors.None;
            error = "Một quản trị viên khác vừa lưu thông báo cùng mã. Tải lại trang, kiểm tra rồi lưu lại.";
        }

        var notices = (await CalendarNoticeEndpoints.List(store, cancellationToken)).Value!;
        return Page(notices, clock, null, errors.IsEmpty ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest,
            new { Error = error, Errors = errors, Covers = covers, Values = FormFields.ToDictionary(f => f, Value) });
    }

    /// <summary>Imports an uploaded <c>.ics</c> file through the JSON endpoint's import, then redirects with what changed.</summary>
    public static async Task<Results<RazorComponentResult<CalendarNoticesPage>, RedirectHttpResult>> Import(
        IFormCollection form, CalendarNoticeStore store, CurrentStaff staff, IClock clock, CancellationToken cancellationToken)
    {
        var file = form.Files.GetFile("file");
        var errors = new List<(string Field, string Message)>();
        string? error = null;
        if (file is null || file.Length == 0)
        {
            errors.Add((string.Empty, "Chọn tệp .ics cần nhập."));
        }
        else if (file.Length > CalendarNoticeEndpoints.MaxImportBytes)
        {
            errors.Add((string.Empty, "Tệp quá lớn: tối đa 2 MB."));
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

                errors.AddRange(FormErrors.From(result.Result).All.Select(e => (e.Field == "body" ? string.Empty : e.Field, e.Message)));
            }
            catch (DossierRuleException e) when (e.Code == "calendar-notice-conflict")
            {
                error = "Một quản trị viên khác vừa lưu thông báo cùng mã. Thử nhập lại.";
            }
        }

        var notices = (await CalendarNoticeEndpoints.List(store, cancellationToken)).Value!;
        return Page(notices, clock, null, error is null ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict, new { Error = error, ImportErrors = errors });
    }

    public static Results<RazorComponentResult<CalendarYearPage>, RazorComponentResult<ErrorPage>> Year(int year, WorkingCalendarProvider calendars)
    {
        var answer = CalendarEndpoints.GetYear(year.ToString(CultureInfo.InvariantCulture), calendars);
        return answer.Result is Ok<CalendarYearResponse> { Value: { } calendar }
            ? PageResults.Page<CalendarYearPage>(new { Year = year, Calendar = calendar })
            : PageResults.Error(StatusCodes.Status404NotFound, "Lịch chỉ có từ năm 1900 đến năm 2199.");
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

    // A count from the redirect's query: digits only, else 0.
    private static int Count(string? text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static RazorComponentResult<CalendarNoticesPage> Page(CalendarNoticesResponse notices, IClock clock, string? nam, int status, object parameters)
    {
        var values = parameters.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(parameters));
        values[nameof(CalendarNoticesPage.Notices)] = notices;
        values[nameof(CalendarNoticesPage.ThisYear)] = OfficeTime.ToLocal(clock.GetCurrentInstant()).Year;
        values[nameof(CalendarNoticesPage.ShownYear)] = nam == "tat-ca" ? 0 : int.TryParse(nam, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;
        return PageResults.Page<CalendarNoticesPage>(values, status);
    }
}
