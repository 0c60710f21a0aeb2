using System.Globalization;
using NodaTime;

namespace OneStop.Api.Documents;

/// <summary>
/// Dates and times as Vietnamese administrative documents write them. Values are already office
/// local time (the view models carry <see cref="LocalDateTime"/>): nothing here reads a clock or a zone.
/// </summary>
/// <remarks>
/// Decree 30/2020 app. I §II.5: in "ngày … tháng … năm …" a day below 10 and the months 1 and 2
/// take a leading zero ("ngày 05 tháng 02", "ngày 05 tháng 3"), so the month is not a plain "MM".
/// Hours and minutes are always two digits ("09 giờ 00 phút").
/// </remarks>
public static class VietnameseDateFormat
{
    /// <summary>"09 giờ 00 phút, ngày 03 tháng 11 năm 2025".</summary>
    public static string TimeAndDate(LocalDateTime value) =>
        string.Create(CultureInfo.InvariantCulture, $"{value.Hour:00} giờ {value.Minute:00} phút, {Date(value.Date)}");

    /// <summary>"ngày 03 tháng 11 năm 2025".</summary>
    public static string Date(LocalDate value) =>
        string.Create(CultureInfo.InvariantCulture, $"ngày {value.Day:00} tháng {Month(value.Month)} năm {value.Year:0000}");

    /// <summary>"Ba Đình, ngày 03 tháng 11 năm 2025": the place and date line.</summary>
    public static string PlaceAndDate(string place, LocalDate value) => $"{place}, {Date(value)}";

    /// <summary>"09 giờ 00 phút, ngày 03/11/2025": for table cells.</summary>
    public static string TimeAndShortDate(LocalDateTime value) =>
        string.Create(CultureInfo.InvariantCulture, $"{value.Hour:00} giờ {value.Minute:00} phút, ngày {ShortDate(value.Date)}");

    /// <summary>"09:00 03/11/2025": for narrow register columns.</summary>
    public static string Compact(LocalDateTime value) =>
        string.Create(CultureInfo.InvariantCulture, $"{value.Hour:00}:{value.Minute:00} {ShortDate(value.Date)}");

    /// <summary>"03/11/2025".</summary>
    public static string ShortDate(LocalDate value) =>
        string.Create(CultureInfo.InvariantCulture, $"{value.Day:00}/{value.Month:00}/{value.Year:0000}");

    private static string Month(int month) =>
        month <= 2 ? month.ToString("00", CultureInfo.InvariantCulture) : month.ToString(CultureInfo.InvariantCulture);
}
