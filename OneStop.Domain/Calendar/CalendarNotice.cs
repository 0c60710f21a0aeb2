using NodaTime;

namespace OneStop.Calendar;

/// <summary>
/// A government notice fixing the civil-service days off of one or more holiday periods of a year, with the
/// weekend days that are worked instead (make-up days). Where a notice covers a period, it is the truth for it.
/// </summary>
/// <param name="Key">A stable identifier (e.g. <c>2025-tet</c>); a correction is a notice with the same key.</param>
/// <param name="Year">The year whose periods it covers (a notice for Tết Dương lịch 2019 may give 31/12/2018 off).</param>
/// <param name="Covers">The statutory periods it settles; empty for an extra day off outside them (e.g. 24/11).</param>
/// <param name="DocumentNumber">The official document, e.g. <c>Công văn 8726/VPCP-KGVX</c>.</param>
/// <param name="Name">What the break is called.</param>
/// <param name="DaysOff">Monday–Friday dates that are not working days; weekend dates are ignored.</param>
/// <param name="MakeUpWorkingDays">Saturday or Sunday dates that are working days.</param>
public sealed record CalendarNotice(
    string Key,
    int Year,
    IReadOnlyList<HolidayPeriod> Covers,
    string DocumentNumber,
    string Name,
    IReadOnlyList<LocalDate> DaysOff,
    IReadOnlyList<LocalDate> MakeUpWorkingDays);
