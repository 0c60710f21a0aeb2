namespace OneStop.Calendar;

/// <summary>One year of the working calendar as the public calendar endpoint shows it.</summary>
/// <param name="Year">The Gregorian year.</param>
/// <param name="Status">Official when every holiday period of the year is fixed by a notice.</param>
/// <param name="DaysOff">Every Monday–Friday of the year that is not a working day, in date order.</param>
/// <param name="MakeUpWorkingDays">Every Saturday or Sunday of the year that is a working day, in date order.</param>
public sealed record CalendarYear(
    int Year,
    CalendarStatus Status,
    IReadOnlyList<CalendarDay> DaysOff,
    IReadOnlyList<CalendarDay> MakeUpWorkingDays);
