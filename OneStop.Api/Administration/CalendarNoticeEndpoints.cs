using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using OneStop.Api.Identity;
using OneStop.Api.Problems;
using OneStop.Calendar;
using OneStop.Users;

namespace OneStop.Api.Administration;

/// <summary>
/// Calendar notices (administrators): the government's yearly days off and make-up days, with their document
/// numbers; corrections keep the history; iCalendar export and import. Every change rebuilds the working calendar.
/// The calendar is national: any administrator may change it.
/// </summary>
public static class CalendarNoticeEndpoints
{
    /// <summary>An import body larger than this is refused: 300 years of notices are far smaller.</summary>
    internal const int MaxImportBytes = 2 * 1024 * 1024;

    private const int MaxExportYears = 50;

    public static IEndpointRouteBuilder MapCalendarNoticeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/calendar").WithTags("Administration: calendar")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin));
        group.MapGet("/notices", List);
        group.MapPost("/notices", Add).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/export.ics", Export);
        group.MapPost("/import", Import).Accepts<string>("text/calendar").ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Ok<CalendarNoticesResponse>> List(CalendarNoticeStore store, CancellationToken cancellationToken)
    {
        var history = await store.HistoryAsync(cancellationToken);
        return TypedResults.Ok(new CalendarNoticesResponse(
            CalendarNoticeStore.InForce(history).OrderBy(r => r.Year).ThenBy(r => r.Key, StringComparer.Ordinal).Select(CalendarNoticeResponse.From).ToList(),
            history.Select(CalendarNoticeResponse.From).ToList()));
    }

    /// <summary>Adds a notice, or corrects the one with the same key (a new revision); 200 when nothing changes.</summary>
    public static async Task<Results<Created<CalendarNoticeResponse>, Ok<CalendarNoticeResponse>, ValidationProblem>> Add(
        CalendarNoticeRequest request, CalendarNoticeStore store, CurrentStaff staff, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var notice = CalendarNoticeRules.Parse(request, string.Empty, validation);
        if (notice is null)
        {
            return AdminResults.Invalid(validation);
        }

        var member = await staff.GetAsync(cancellationToken);
        var changes = await store.AppendAsync([notice], member.UserName, cancellationToken);
        if (changes.Unchanged.Count > 0)
        {
            return TypedResults.Ok(CalendarNoticeResponse.From(changes.Unchanged[0]));
        }

        var stored = changes.Added.Concat(changes.Corrected).Single();
        return TypedResults.Created("/api/admin/calendar/notices", CalendarNoticeResponse.From(stored));
    }

    /// <summary>The calendar of the years <c>from</c>..<c>to</c> (default: this year) as iCalendar; see <see cref="CalendarICalendar"/>.</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem>> Export(
        int? from, int? to, CalendarNoticeStore store, WorkingCalendarProvider calendars, IClock clock, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var thisYear = OfficeTime.ToLocal(now).Year;
        var first = from ?? to ?? thisYear;
        var last = to ?? from ?? thisYear;
        var validation = new Validation();
        if (first < WorkingCalendar.MinDate.Year || first > WorkingCalendar.MaxDate.Year)
        {
            validation.Add("from", ValidationCodes.Year, "A year from 1900 to 2199.");
        }

        if (last < WorkingCalendar.MinDate.Year || last > WorkingCalendar.MaxDate.Year || last < first || last - first >= MaxExportYears)
        {
            validation.Add("to", ValidationCodes.ExportYears, $"A year from 1900 to 2199, not before 'from', at most {MaxExportYears} years in all.", MaxExportYears);
        }

        if (!validation.IsValid)
        {
            return AdminResults.Invalid(validation);
        }

        // The notices and the calendar are read from the same state: the calendar current now was built from
        // the rows in force (every change rebuilds it after saving).
        var calendar = calendars.Current;
        var inForce = CalendarNoticeStore.InForce(await store.HistoryAsync(cancellationToken));
        var text = CalendarICalendar.Export(calendar, inForce, first, last, now);
        var name = string.Create(CultureInfo.InvariantCulture, $"onestop-calendar-{first}-{last}.ics");
        return TypedResults.File(Encoding.UTF8.GetBytes(text), "text/calendar; charset=utf-8", name);
    }

    /// <summary>
    /// Reads a <c>text/calendar</c> body into notices (see <see cref="CalendarICalendar"/> for the mapping) and stores
    /// those that differ from the notices in force, all or nothing.
    /// </summary>
    public static async Task<Results<Ok<CalendarImportResponse>, ValidationProblem>> Import(
        HttpRequest http, string? documentNumber, string? key, CalendarNoticeStore store, CurrentStaff staff, CancellationToken cancellationToken)
    {
        var text = await ReadBodyAsync(http, cancellationToken);
        if (text is null)
        {
            return AdminResults.Invalid("body", $"At most {MaxImportBytes / 1024 / 1024} MB.");
        }

        return await ImportTextAsync(text, documentNumber, key, store, staff, cancellationToken);
    }

    /// <summary>The import of an iCalendar text already read (the administration page's uploaded file).</summary>
    internal static async Task<Results<Ok<CalendarImportResponse>, ValidationProblem>> ImportTextAsync(
        string text, string? documentNumber, string? key, CalendarNoticeStore store, CurrentStaff staff, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var (requests, skipped) = CalendarICalendar.Import(text, documentNumber, key, validation);
        var notices = new List<CalendarNotice>();
        foreach (var request in requests)
        {
            if (CalendarNoticeRules.Parse(request, $"notices[{request.Key}].", validation) is { } notice)
            {
                notices.Add(notice);
            }
        }

        if (!validation.IsValid)
        {
            return AdminResults.Invalid(validation);
        }

        var member = await staff.GetAsync(cancellationToken);
        var changes = await store.AppendAsync(notices, member.UserName, cancellationToken);
        return TypedResults.Ok(new CalendarImportResponse(
            changes.Added.Select(r => r.Key).ToList(),
            changes.Corrected.Select(r => r.Key).ToList(),
            changes.Unchanged.Select(r => r.Key).ToList(),
            skipped));
    }

    private static async Task<string?> ReadBodyAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        if (http.ContentLength > MaxImportBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await http.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxImportBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
    }
}
