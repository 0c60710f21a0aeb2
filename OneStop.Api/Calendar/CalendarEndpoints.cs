using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime.Text;
using OneStop.Calendar;

namespace OneStop.Api.Calendar;

/// <summary>The public, read-only working calendar.</summary>
public static class CalendarEndpoints
{
    public static IEndpointRouteBuilder MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calendar").WithTags("Calendar").AllowAnonymous();
        group.MapGet("/{year}", GetYear).WithName("GetCalendarYear");
        group.MapGet("/lunar/{date}", GetLunarDate).WithName("GetLunarDate");
        return app;
    }

    /// <summary>Days off and make-up working days of a year (1900–2199), and whether the year is official.</summary>
    public static Results<Ok<CalendarYearResponse>, ValidationProblem> GetYear(string year, WorkingCalendarProvider calendars)
    {
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            || value < WorkingCalendar.MinDate.Year || value > WorkingCalendar.MaxDate.Year)
        {
            return Invalid("year", "The year must be a number from 1900 to 2199.");
        }

        return TypedResults.Ok(CalendarYearResponse.From(calendars.Current.YearOf(value)));
    }

    /// <summary>The Vietnamese lunar date (UTC+7) of a solar date (yyyy-MM-dd, 1900-01-01..2199-12-31).</summary>
    public static Results<Ok<LunarDateResponse>, ValidationProblem> GetLunarDate(string date)
    {
        var parsed = LocalDatePattern.Iso.Parse(date);
        if (!parsed.Success || !WorkingCalendar.Covers(parsed.Value))
        {
            return Invalid("date", "The date must be yyyy-MM-dd between 1900-01-01 and 2199-12-31.");
        }

        var lunar = VietnameseLunarCalendar.ToLunar(parsed.Value);
        return TypedResults.Ok(new LunarDateResponse(
            LocalDatePattern.Iso.Format(parsed.Value), lunar.Year, lunar.Month, lunar.Day, lunar.IsLeapMonth));
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
