using NodaTime;

namespace OneStop.Calendar;

/// <summary>A day that the law makes a holiday, whatever the weekday it falls on.</summary>
/// <param name="Date">The holiday's date.</param>
/// <param name="Period">The period it belongs to; a notice for that period overrides the rule.</param>
/// <param name="Name">Its Vietnamese name.</param>
public readonly record struct StatutoryHoliday(LocalDate Date, HolidayPeriod Period, string Name);
