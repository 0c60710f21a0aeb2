using NodaTime;

namespace OneStop.Calendar;

/// <summary>A date that is not an ordinary working day or weekend, with the reason.</summary>
/// <param name="Date">The date.</param>
/// <param name="Kind">Holiday, compensatory, swap or make-up working day.</param>
/// <param name="Name">The Vietnamese name of the break it belongs to.</param>
public readonly record struct CalendarDay(LocalDate Date, DayKind Kind, string Name);
