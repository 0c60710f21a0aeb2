using System.Globalization;
using OneStop.Calendar;

namespace OneStop.Api.Calendar;

/// <summary>A year of the working calendar: every weekday off and every weekend day worked.</summary>
public sealed record CalendarYearResponse(int Year, string Status, IReadOnlyList<CalendarDayResponse> DaysOff, IReadOnlyList<CalendarDayResponse> MakeUpWorkingDays)
{
    public static CalendarYearResponse From(CalendarYear year) => new(
        year.Year,
        year.Status.ToString().ToLowerInvariant(),
        year.DaysOff.Select(d => new CalendarDayResponse(Iso(d), d.Kind.ToString().ToLowerInvariant(), d.Name)).ToList(),
        year.MakeUpWorkingDays.Select(d => new CalendarDayResponse(Iso(d), null, d.Name)).ToList());

    private static string Iso(CalendarDay day) => day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>One day: <c>kind</c> is <c>holiday</c>, <c>compensatory</c> or <c>swap</c> for days off; absent for make-up days.</summary>
public sealed record CalendarDayResponse(string Date, string? Kind, string Name);
