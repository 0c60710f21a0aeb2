namespace OneStop.Calendar;

/// <summary>
/// A date in Vietnam's lunisolar calendar, as computed by <see cref="VietnameseLunarCalendar"/>.
/// </summary>
/// <remarks>
/// A plain value: constructing one does not check it exists. Use
/// <see cref="VietnameseLunarCalendar.ToSolar(int, int, int, bool)"/> to validate and convert.
/// </remarks>
/// <param name="Year">
/// The lunar year: the Gregorian year in which its month 1 (Tết) begins. Months 11 and 12 can fall
/// in January or February of the next Gregorian year.
/// </param>
/// <param name="Month">The month number, 1..12. A leap month repeats the number of the month before it.</param>
/// <param name="Day">The day of the month, 1..29 or 1..30; day 1 is the day of the new moon at UTC+7.</param>
/// <param name="IsLeapMonth">
/// True for the intercalary month (tháng nhuận) that follows the regular month of the same number.
/// </param>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth);
