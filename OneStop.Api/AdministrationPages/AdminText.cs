using System.Globalization;
using NodaTime.Text;
using OneStop.Api.Pages;
using OneStop.Calendar;
using OneStop.Deadlines;
using OneStop.Users;

namespace OneStop.Api.AdministrationPages;

/// <summary>
/// The names of roles, holiday periods, units and counting modes, and dates, instants and amounts, as the
/// administration pages write them. (Validation messages are written from their codes: <see cref="Messages"/>.)
/// </summary>
public static class AdminText
{
    /// <summary>"2026-11-24" as "24/11/2026"; other text as it is.</summary>
    public static string Date(string iso) =>
        LocalDatePattern.Iso.Parse(iso) is { Success: true } parsed ? parsed.Value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : iso;

    /// <summary>An instant as the API writes it (office time, ISO) as "24/11/2026 09:15"; empty for none.</summary>
    public static string Instant(string? iso) =>
        iso is { Length: >= 16 } ? $"{Date(iso[..10])} {iso[11..16]}" : iso ?? string.Empty;

    /// <summary>Đồng with dots grouping thousands, as Vietnamese writes them: 50.000.</summary>
    public static string Money(decimal amount) => amount.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');

    public static string Role(string role) => role switch
    {
        Roles.Clerk => "Cán bộ một cửa",
        Roles.Officer => "Chuyên viên",
        Roles.Head => "Lãnh đạo cơ quan",
        Roles.Supervisor => "Giám sát",
        Roles.Admin => "Quản trị",
        _ => role,
    };

    public static string Period(HolidayPeriod period) => period switch
    {
        HolidayPeriod.NewYear => "Tết Dương lịch",
        HolidayPeriod.LunarNewYear => "Tết Nguyên đán",
        HolidayPeriod.HungKings => "Giỗ Tổ Hùng Vương",
        HolidayPeriod.ReunificationAndLabour => "30/4 và 1/5",
        HolidayPeriod.NationalDay => "Quốc khánh",
        _ => period.ToString(),
    };

    public static string Unit(DurationUnit unit) => unit switch
    {
        DurationUnit.WorkingDays => "ngày làm việc",
        DurationUnit.WorkingHours => "giờ làm việc",
        DurationUnit.SameDay => "trong ngày",
        DurationUnit.CalendarDays => "ngày (kể cả ngày nghỉ)",
        _ => unit.ToString(),
    };

    public static string Counting(string mode) => mode switch
    {
        nameof(CountingMode.CivilCode) => "Theo Bộ luật Dân sự (không tính ngày tiếp nhận, hạn vào cuối ngày)",
        _ => "Theo giờ làm việc (tính từ thời điểm tiếp nhận)",
    };

    /// <summary>The kind of a day off, as <c>GET /api/calendar/{year}</c> names it.</summary>
    public static string DayOffKind(string? kind) => kind switch
    {
        "holiday" => "Nghỉ lễ, Tết",
        "compensatory" => "Nghỉ bù",
        "swap" => "Nghỉ hoán đổi",
        _ => "Ngày nghỉ",
    };

    public static string Weekday(NodaTime.IsoDayOfWeek day) => day switch
    {
        NodaTime.IsoDayOfWeek.Monday => "Thứ Hai",
        NodaTime.IsoDayOfWeek.Tuesday => "Thứ Ba",
        NodaTime.IsoDayOfWeek.Wednesday => "Thứ Tư",
        NodaTime.IsoDayOfWeek.Thursday => "Thứ Năm",
        NodaTime.IsoDayOfWeek.Friday => "Thứ Sáu",
        NodaTime.IsoDayOfWeek.Saturday => "Thứ Bảy",
        _ => "Chủ nhật",
    };
}
