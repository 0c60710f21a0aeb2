using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using OneStop.Api.Problems;
using OneStop.Calendar;

namespace OneStop.Api.Administration;

/// <summary>What a calendar notice must satisfy before it changes the working calendar.</summary>
internal static partial class CalendarNoticeRules
{
    /// <summary>More than a year of weekdays would not fit the stored column (2,000 characters).</summary>
    public const int MaxDays = 150;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$")]
    private static partial Regex KeyPattern();

    /// <summary>
    /// Checks a notice and returns it with its dates sorted and without duplicates. Days off are Monday–Friday and
    /// make-up days Saturday or Sunday (a weekend day off or a weekday "make-up" changes nothing and is a typing
    /// error). The dates lie in the notice's year, or in the December before or the January after it (the notice
    /// for Tết Dương lịch 2019 gave 31/12/2018 off), and in 1900–2199, the calendar's range.
    /// </summary>
    public static CalendarNotice? Parse(CalendarNoticeRequest request, string prefix, Validation validation)
    {
        var key = request.Key?.Trim() ?? string.Empty;
        if (!KeyPattern().IsMatch(key))
        {
            validation.Add(prefix + "key", ValidationCodes.NoticeKey, "Required: lower-case letters, digits and '-', at most 100 characters (e.g. 2026-culture-day).");
        }

        var year = request.Year ?? 0;
        if (year < WorkingCalendar.MinDate.Year || year > WorkingCalendar.MaxDate.Year)
        {
            validation.Add(prefix + "year", ValidationCodes.Year, "Required: a year from 1900 to 2199.");
        }

        var covers = new List<HolidayPeriod>();
        var coverNames = InputPolicy.List(request.Covers, prefix + "covers", Enum.GetValues<HolidayPeriod>().Length, validation) ? request.Covers ?? [] : [];
        for (var i = 0; i < coverNames.Count; i++)
        {
            if (Enum.TryParse<HolidayPeriod>(coverNames[i], ignoreCase: false, out var period) && Enum.IsDefined(period)
                && !char.IsAsciiDigit(coverNames[i][0]))
            {
                covers.Add(period);
            }
            else
            {
                validation.Add($"{prefix}covers[{i}]", ValidationCodes.Invalid, "One of " + string.Join(", ", Enum.GetNames<HolidayPeriod>()) + ".");
            }
        }

        var documentNumber = Required(request.DocumentNumber, prefix + "documentNumber", 500, validation);
        var name = Required(request.Name, prefix + "name", 300, validation);
        var inYear = year is >= 1900 and <= 2199;
        var daysOff = Dates(request.DaysOff, prefix + "daysOff", validation, year, inYear, weekend: false);
        var makeUps = Dates(request.MakeUpWorkingDays, prefix + "makeUpWorkingDays", validation, year, inYear, weekend: true);
        if (daysOff.Count + makeUps.Count == 0 && covers.Count == 0)
        {
            validation.Add(prefix + "daysOff", ValidationCodes.NoticeWithoutDays, "A notice that covers no holiday period must give at least one day.");
        }

        return validation.IsValid
            ? new CalendarNotice(key, year, covers.Distinct().Order().ToList(), documentNumber, name, daysOff, makeUps)
            : null;
    }

    /// <summary>Whether two notices say the same (order of dates and periods aside).</summary>
    public static bool SameAs(CalendarNotice a, CalendarNotice b) =>
        a.Key == b.Key && a.Year == b.Year && a.DocumentNumber == b.DocumentNumber && a.Name == b.Name
        && a.Covers.Order().SequenceEqual(b.Covers.Order())
        && a.DaysOff.Order().SequenceEqual(b.DaysOff.Order())
        && a.MakeUpWorkingDays.Order().SequenceEqual(b.MakeUpWorkingDays.Order());

    private static string Required(string? value, string field, int maxLength, Validation validation) =>
        InputPolicy.Text(value, field, maxLength, validation);

    private static List<LocalDate> Dates(IReadOnlyList<string>? values, string field, Validation validation, int year, bool checkYear, bool weekend)
    {
        var dates = new SortedSet<LocalDate>();
        values ??= [];
        if (values.Count > MaxDays)
        {
            validation.Add(field, ValidationCodes.TooManyItems, $"At most {MaxDays} dates.", MaxDays);
            return [];
        }

        for (var i = 0; i < values.Count; i++)
        {
            var parsed = LocalDatePattern.Iso.Parse(values[i] ?? string.Empty);
            var itemField = $"{field}[{i}]";
            if (!parsed.Success || !WorkingCalendar.Covers(parsed.Value))
            {
                validation.Add(itemField, ValidationCodes.CalendarDate, "A yyyy-MM-dd date from 1900-01-01 to 2199-12-31.");
                continue;
            }

            var date = parsed.Value;
            var isWeekend = date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;
            if (weekend && !isWeekend)
            {
                validation.Add(itemField, ValidationCodes.MakeUpNotWeekend, $"{Iso(date)} is a {date.DayOfWeek}: a make-up working day is a Saturday or Sunday.", Vietnamese(date));
            }
            else if (!weekend && isWeekend)
            {
                validation.Add(itemField, ValidationCodes.DayOffOnWeekend, $"{Iso(date)} is a {date.DayOfWeek}: a day off is a Monday to Friday.", Vietnamese(date));
            }
            else if (checkYear && (date < new LocalDate(year - 1, 12, 1) || date > new LocalDate(year + 1, 1, 31)))
            {
                validation.Add(itemField, ValidationCodes.DateNotInYear, $"{Iso(date)} is not in {year} (nor the December before or the January after).", Vietnamese(date), year);
            }
            else
            {
                dates.Add(date);
            }
        }

        return [.. dates];
    }

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    // The date as a page writes it in its message (the code's argument).
    private static string Vietnamese(LocalDate date) => date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
