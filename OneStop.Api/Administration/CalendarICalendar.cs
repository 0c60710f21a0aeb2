using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;
using NodaTime.Text;
using OneStop.Api.Problems;
using OneStop.Calendar;

namespace OneStop.Api.Administration;

/// <summary>
/// The working calendar as iCalendar (RFC 5545), and back.
/// </summary>
/// <remarks>
/// Export: one all-day VEVENT per weekday off and per make-up working day. SUMMARY is the day's Vietnamese name,
/// DESCRIPTION the notice's document number, CATEGORIES <c>holiday</c>, <c>compensatory</c>, <c>swap</c> or
/// <c>makeup</c>, UID <c>yyyyMMdd-key@onestop</c> (stable across exports; SEQUENCE is the notice's revision − 1).
/// A day that comes from a notice carries the notice: <c>X-ONESTOP-KEY</c>, <c>X-ONESTOP-YEAR</c>,
/// <c>X-ONESTOP-COVERS</c> (holiday periods, comma-separated; absent when none), <c>X-ONESTOP-DOCUMENT</c>,
/// <c>X-ONESTOP-NAME</c> (the notice's name). Every notice in force whose year is in the range, or that has a date
/// in it, is exported whole. A day computed from the Labour Code because no notice covers its period carries
/// <c>X-ONESTOP-SOURCE:rules</c> and UID <c>yyyyMMdd-rules@onestop</c>.
/// <para>
/// Import: <c>X-ONESTOP-SOURCE:rules</c> events are skipped (the rules give them anyway). Every other VEVENT must be
/// all-day (<c>DTSTART;VALUE=DATE</c>, optional exclusive <c>DTEND</c>, at most 31 days; no RRULE). CATEGORIES
/// containing <c>makeup</c> makes its dates make-up working days; otherwise they are days off (in a range of
/// several days the weekend dates are dropped, they are off anyway). Events with the same <c>X-ONESTOP-KEY</c> form
/// one notice. Events without one form one notice per document and year, keyed <c>{prefix}-{year}</c> where the
/// prefix is the <c>key</c> query parameter, or <c>ical-</c> and 8 hex digits of the document number's SHA-256
/// (so that importing the same file again corrects the same notice); such a notice covers no period and only adds
/// days. The document number is <c>X-ONESTOP-DOCUMENT</c>, else the <c>documentNumber</c> query parameter; the
/// name is <c>X-ONESTOP-NAME</c>, else the first SUMMARY. Export then import therefore gives back the same notices
/// and the same calendar.
/// </para>
/// </remarks>
public static class CalendarICalendar
{
    public const string MakeUpCategory = "makeup";

    private const string RulesSource = "rules";

    private static readonly LocalDatePattern BasicDate = LocalDatePattern.CreateWithInvariantCulture("yyyyMMdd");

    /// <summary>The calendar of the years <paramref name="from"/>..<paramref name="to"/> as a VCALENDAR.</summary>
    public static string Export(WorkingCalendar calendar, IReadOnlyList<CalendarNoticeRecord> inForce, int from, int to, Instant now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(inForce);
        var days = new Dictionary<LocalDate, CalendarDay>();
        for (var year = Math.Max(from - 1, WorkingCalendar.MinDate.Year); year <= Math.Min(to + 1, WorkingCalendar.MaxDate.Year); year++)
        {
            var calendarYear = calendar.YearOf(year);
            foreach (var day in calendarYear.DaysOff.Concat(calendarYear.MakeUpWorkingDays))
            {
                days[day.Date] = day;
            }
        }

        var stamp = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var writer = new ICalendarWriter()
            .Begin("VCALENDAR")
            .Raw("VERSION", "2.0")
            .Raw("PRODID", "-//OneStop//Working calendar//VI")
            .Raw("CALSCALE", "GREGORIAN")
            .Text("X-WR-CALNAME", string.Create(CultureInfo.InvariantCulture, $"Lịch làm việc {from}–{to}"));
        var exported = new HashSet<LocalDate>();
        foreach (var record in inForce.OrderBy(r => r.Year).ThenBy(r => r.Key, StringComparer.Ordinal))
        {
            var notice = record.ToNotice();
            var daysOff = notice.DaysOff.Where(d => WorkingCalendar.Covers(d) && !IsWeekend(d)).ToList();
            var makeUps = notice.MakeUpWorkingDays.Where(d => WorkingCalendar.Covers(d) && IsWeekend(d)).ToList();
            if (!(notice.Year >= from && notice.Year <= to) && !daysOff.Concat(makeUps).Any(d => d.Year >= from && d.Year <= to))
            {
                continue;
            }

            foreach (var date in daysOff.Concat(makeUps).Order())
            {
                var kind = calendar.KindOf(date);
                var summary = days.TryGetValue(date, out var day) && day.Name.Length > 0 ? day.Name : notice.Name;
                Event(writer, date, notice.Key, stamp, summary, notice.DocumentNumber, Category(kind))
                    .Raw("SEQUENCE", (record.Revision - 1).ToString(CultureInfo.InvariantCulture))
                    .Text("X-ONESTOP-KEY", notice.Key)
                    .Raw("X-ONESTOP-YEAR", notice.Year.ToString(CultureInfo.InvariantCulture));
                if (notice.Covers.Count > 0)
                {
                    writer.TextList("X-ONESTOP-COVERS", notice.Covers.Select(c => c.ToString()));
                }

                writer.Text("X-ONESTOP-DOCUMENT", notice.DocumentNumber)
                    .Text("X-ONESTOP-NAME", notice.Name)
                    .End("VEVENT");
                exported.Add(date);
            }
        }

        foreach (var day in days.Values.Where(d => d.Date.Year >= from && d.Date.Year <= to && !exported.Contains(d.Date)).OrderBy(d => d.Date))
        {
            Event(writer, day.Date, RulesSource, stamp, day.Name, "Bộ luật Lao động 2019, Điều 111–112 (tạm tính: chưa có thông báo)", Category(day.Kind))
                .Raw("X-ONESTOP-SOURCE", RulesSource)
                .End("VEVENT");
        }

        return writer.End("VCALENDAR").ToString();
    }

    /// <summary>
    /// The notices an iCalendar object describes, as requests to be checked like any other; errors are added to
    /// <paramref name="validation"/> under <c>body</c> or <c>events[i].PROPERTY</c>.
    /// </summary>
    public static (List<CalendarNoticeRequest> Notices, int Skipped) Import(string text, string? documentNumber, string? keyPrefix, Validation validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        IReadOnlyList<ICalendarComponent> roots;
        try
        {
            roots = ICalendarReader.Read(text);
        }
        catch (FormatException e)
        {
            validation.Add("body", ValidationCodes.ICalendarUnreadable, e.Message);
            return ([], 0);
        }

        var calendars = roots.Where(r => r.Name == "VCALENDAR").ToList();
        if (calendars.Count == 0)
        {
            validation.Add("body", ValidationCodes.ICalendarNotCalendar, "Not an iCalendar object: no BEGIN:VCALENDAR.");
            return ([], 0);
        }

        var groups = new Dictionary<string, ImportedNotice>(StringComparer.Ordinal);
        var skipped = 0;
        var events = calendars.SelectMany(c => c.Descendants("VEVENT")).ToList();
        for (var i = 0; i < events.Count; i++)
        {
            var ev = events[i];
            var field = $"events[{i}]";
            if (string.Equals(ev.Property("X-ONESTOP-SOURCE")?.Text.Trim(), RulesSource, StringComparison.OrdinalIgnoreCase))
            {
                skipped++;
                continue;
            }

            if (ev.Property("RRULE") is not null || ev.Property("RDATE") is not null)
            {
                validation.Add(field + ".RRULE", ValidationCodes.ICalendarRecurring, "Recurring events are not read: give each day as its own event.");
                continue;
            }

            if (!TryDates(ev, field, validation, out var start, out var end))
            {
                continue;
            }

            var document = Blank(ev.Property("X-ONESTOP-DOCUMENT")?.Text) ?? Blank(documentNumber);
            if (document is null)
            {
                validation.Add(field + ".X-ONESTOP-DOCUMENT", ValidationCodes.ICalendarNoDocument, "No document number: give X-ONESTOP-DOCUMENT or the documentNumber query parameter.");
                continue;
            }

            var yearText = ev.Property("X-ONESTOP-YEAR")?.Text.Trim();
            var year = start.Year;
            if (yearText is not null && !int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out year))
            {
                validation.Add(field + ".X-ONESTOP-YEAR", ValidationCodes.Year, "A year such as 2026.");
                continue;
            }

            var key = Blank(ev.Property("X-ONESTOP-KEY")?.Text)
                ?? string.Create(CultureInfo.InvariantCulture, $"{Blank(keyPrefix) ?? "ical-" + ShortHash(document)}-{year}");
            var covers = ev.Property("X-ONESTOP-COVERS")?.TextList.Select(c => c.Trim()).Where(c => c.Length > 0).ToList() ?? [];
            var name = Blank(ev.Property("X-ONESTOP-NAME")?.Text) ?? Blank(ev.Property("SUMMARY")?.Text) ?? document;
            if (!groups.TryGetValue(key, out var notice))
            {
                groups[key] = notice = new ImportedNotice(key, year, covers, document, name);
            }
            else if (notice.Year != year || notice.Document != document || !notice.Covers.Order(StringComparer.Ordinal).SequenceEqual(covers.Order(StringComparer.Ordinal), StringComparer.Ordinal))
            {
                validation.Add(field, ValidationCodes.ICalendarDisagrees, $"Disagrees with an earlier event of notice {key} on its year, periods or document number.", key);
                continue;
            }

            var isMakeUp = ev.Property("CATEGORIES")?.TextList.Any(c => string.Equals(c.Trim(), MakeUpCategory, StringComparison.OrdinalIgnoreCase)) == true;
            var several = Period.Between(start, end, PeriodUnits.Days).Days > 1;
            for (var date = start; date < end; date = date.PlusDays(1))
            {
                if (isMakeUp)
                {
                    notice.MakeUps.Add(LocalDatePattern.Iso.Format(date));
                }
                else if (!several || !IsWeekend(date))
                {
                    notice.DaysOff.Add(LocalDatePattern.Iso.Format(date));
                }
            }
        }

        if (events.Count == skipped && validation.IsValid)
        {
            validation.Add("body", ValidationCodes.ICalendarNoEvent, "No VEVENT to import (events computed from the rules are skipped).");
        }

        var requests = groups.Values
            .Select(n => new CalendarNoticeRequest(n.Key, n.Year, n.Covers, n.Document, n.Name, n.DaysOff, n.MakeUps))
            .ToList();
        return (requests, skipped);
    }

    private static ICalendarWriter Event(ICalendarWriter writer, LocalDate date, string uidPart, string stamp, string summary, string description, string category) =>
        writer.Begin("VEVENT")
            .Text("UID", BasicDate.Format(date) + "-" + uidPart + "@onestop")
            .Raw("DTSTAMP", stamp)
            .Raw("DTSTART;VALUE=DATE", BasicDate.Format(date))
            .Raw("DTEND;VALUE=DATE", BasicDate.Format(date.PlusDays(1)))
            .Text("SUMMARY", summary)
            .Text("DESCRIPTION", description)
            .TextList("CATEGORIES", [category])
            .Raw("TRANSP", "TRANSPARENT");

    private static bool TryDates(ICalendarComponent ev, string field, Validation validation, out LocalDate start, out LocalDate end)
    {
        end = default;
        if (!TryDate(ev.Property("DTSTART"), out start))
        {
            validation.Add(field + ".DTSTART", ValidationCodes.ICalendarStart, "Required: an all-day date, DTSTART;VALUE=DATE:yyyyMMdd, from 1900 to 2199.");
            return false;
        }

        var endProperty = ev.Property("DTEND");
        if (endProperty is null)
        {
            end = start.PlusDays(1);
            return true;
        }

        if (!TryDate(endProperty, out end) || end <= start || end > start.PlusDays(31))
        {
            validation.Add(field + ".DTEND", ValidationCodes.ICalendarEnd, "An all-day date after DTSTART (exclusive), at most 31 days later.");
            return false;
        }

        return true;
    }

    private static bool TryDate(ICalendarProperty? property, out LocalDate date)
    {
        date = default;
        if (property is null
            || (property.Parameters.TryGetValue("VALUE", out var type) && !string.Equals(type, "DATE", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var parsed = BasicDate.Parse(property.RawValue.Trim());
        date = parsed.Success ? parsed.Value : default;
        return parsed.Success && WorkingCalendar.Covers(date);
    }

    private static string Category(DayKind kind) => kind == DayKind.MakeUpWorkingDay ? MakeUpCategory : kind.ToString().ToLowerInvariant();

    private static bool IsWeekend(LocalDate date) => date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string ShortHash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 4));

    private sealed record ImportedNotice(string Key, int Year, List<string> Covers, string Document, string Name)
    {
        public List<string> DaysOff { get; } = [];

        public List<string> MakeUps { get; } = [];
    }
}
