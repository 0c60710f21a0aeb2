using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime.Text;
using OneStop.Api.Pages;
using OneStop.Calendar;
using OneStop.Deadlines;
using OneStop.Users;

namespace OneStop.Api.AdministrationPages;

/// <summary>
/// The administration endpoints' validation messages in Vietnamese (the desk's are in <see cref="VietnameseText"/>),
/// and the names of roles, holiday periods, units and counting modes as the pages write them.
/// </summary>
public static partial class AdminText
{
    private static readonly Dictionary<string, string> Messages = new(StringComparer.Ordinal)
    {
        ["Required: an electronic id such as 000.00.12.H40."] = "Bắt buộc: mã định danh gồm 4 nhóm, ví dụ 000.00.12.H40.",
        ["Another agency has this electronic id."] = "Mã định danh này đã được cơ quan khác sử dụng.",
        ["Required: the electronic id of your agency or of one under it."] = "Chọn cơ quan của bạn hoặc một cơ quan trực thuộc.",
        ["A time such as 15:00."] = "Nhập giờ dạng 15:00.",
        ["WorkingHours or CivilCode."] = "Chọn một cách tính thời hạn.",
        ["A session such as 07:30-11:30 (start before end)."] = "Buổi làm việc dạng 07:30-11:30 (giờ bắt đầu trước giờ kết thúc).",
        ["At least one working session is needed."] = "Cần ít nhất một buổi làm việc.",
        ["Sessions must be in order and must not overlap."] = "Các buổi phải theo thứ tự thời gian và không chồng lên nhau.",
        ["Required: a national procedure code such as 1.000948.H38."] = "Bắt buộc: mã thủ tục quốc gia, ví dụ 1.000948.H38.",
        ["A procedure has this code already."] = "Đã có thủ tục mang mã này.",
        ["Required: only an administrator of a root agency may add a procedure that every agency offers."] =
            "Chọn cơ quan giải quyết: chỉ quản trị của cơ quan cấp cao nhất được thêm thủ tục chung cho mọi cơ quan.",
        ["Required: a whole number from 0 to 10000."] = "Bắt buộc: số nguyên từ 0 đến 10000.",
        ["Required: WorkingDays, WorkingHours, SameDay or CalendarDays."] = "Chọn đơn vị thời hạn.",
        ["A same-day processing time has amount 0 or 1."] = "Thời hạn “trong ngày” chỉ nhận 0 hoặc 1.",
        ["A whole number of working hours from 1 to 10000."] = "Số giờ làm việc nguyên, từ 1 đến 10000.",
        ["Each unit has one budget."] = "Mỗi đơn vị chỉ có một dòng thời gian.",
        ["A whole number of đồng, zero or more."] = "Số đồng nguyên, không âm.",
        ["Required: a date (2025-07-01) or an instant with its offset (2025-07-01T00:00:00+07:00), 1900–2199."] = "Bắt buộc: ngày có hiệu lực trong khoảng năm 1900–2199.",
        ["Required: lower-case letters, digits and '-', at most 100 characters (e.g. 2026-culture-day)."] =
            "Bắt buộc: chữ thường không dấu, chữ số và dấu '-', tối đa 100 ký tự (ví dụ 2026-ngay-van-hoa).",
        ["Required: a year from 1900 to 2199."] = "Bắt buộc: năm từ 1900 đến 2199.",
        ["A notice that covers no holiday period must give at least one day."] = "Thông báo không thuộc dịp nghỉ lễ nào phải có ít nhất một ngày nghỉ hoặc ngày làm bù.",
        ["A yyyy-MM-dd date from 1900-01-01 to 2199-12-31."] = "Ngày dạng 24/11/2026, trong khoảng năm 1900–2199.",
        ["Not an email address (e.g. ten@phuong.gov.vn), at most 256 characters."] = "Địa chỉ email không hợp lệ (ví dụ ten@phuong.gov.vn), tối đa 256 ký tự.",
        ["You cannot take the Admin role from yourself: another administrator must."] = "Bạn không thể tự bỏ quyền Quản trị của mình: việc này do một quản trị viên khác thực hiện.",
        ["Not an iCalendar object: no BEGIN:VCALENDAR."] = "Tệp không phải iCalendar (thiếu BEGIN:VCALENDAR).",
        ["No VEVENT to import (events computed from the rules are skipped)."] = "Tệp không có sự kiện nào cần nhập (các ngày tính theo quy tắc được bỏ qua).",
        ["Recurring events are not read: give each day as its own event."] = "Không đọc sự kiện lặp lại: mỗi ngày là một sự kiện riêng.",
        ["No document number: give X-ONESTOP-DOCUMENT or the documentNumber query parameter."] = "Thiếu số văn bản: nhập số văn bản trong ô bên dưới hoặc ghi X-ONESTOP-DOCUMENT trong tệp.",
        ["A year such as 2026."] = "Năm dạng 2026.",
        ["Required: an all-day date, DTSTART;VALUE=DATE:yyyyMMdd, from 1900 to 2199."] = "Thiếu ngày bắt đầu (DTSTART;VALUE=DATE), năm 1900–2199.",
        ["An all-day date after DTSTART (exclusive), at most 31 days later."] = "Ngày kết thúc phải sau ngày bắt đầu, tối đa 31 ngày.",
    };

    /// <summary>A validation message of the administration endpoints in Vietnamese; others as <see cref="VietnameseText.Message"/>.</summary>
    public static string Message(string english)
    {
        ArgumentNullException.ThrowIfNull(english);
        if (Messages.TryGetValue(english, out var known))
        {
            return known;
        }

        if (WeekdayMismatch().Match(english) is { Success: true } weekday)
        {
            return Date(weekday.Groups["date"].Value) + (weekday.Groups["what"].Value == "a make-up working day is a Saturday or Sunday"
                ? " không phải thứ Bảy hoặc Chủ nhật: ngày làm bù phải là ngày nghỉ cuối tuần."
                : " là ngày cuối tuần: ngày nghỉ phải từ thứ Hai đến thứ Sáu.");
        }

        if (NotInYear().Match(english) is { Success: true } year)
        {
            return $"{Date(year.Groups["date"].Value)} không thuộc năm {year.Groups["year"].Value} (hoặc tháng 12 năm trước, tháng 1 năm sau).";
        }

        if (OutsideDay().Match(english) is { Success: true } day)
        {
            return $"Phải trong ngày làm việc: sau {day.Groups["start"].Value} và không muộn hơn {day.Groups["end"].Value}.";
        }

        if (PrecedesVersion().Match(english) is { Success: true } version)
        {
            return $"Không được trước ngày có hiệu lực của phiên bản {version.Groups["n"].Value} ({Date(version.Groups["date"].Value)}).";
        }

        if (english.StartsWith("At least one of Clerk", StringComparison.Ordinal))
        {
            return "Chọn ít nhất một vai trò.";
        }

        if (english.StartsWith("One of ", StringComparison.Ordinal))
        {
            return "Giá trị không hợp lệ.";
        }

        if (AtMost().Match(english) is { Success: true } most)
        {
            return $"Tối đa {most.Groups["n"].Value} {(most.Groups["what"].Value == "documents" ? "giấy tờ" : most.Groups["what"].Value == "steps" ? "bước" : "ngày")}.";
        }

        if (english.StartsWith("Passwords must be at least ", StringComparison.Ordinal) && MinimumLength().Match(english) is { Success: true } length)
        {
            return $"Mật khẩu phải có ít nhất {length.Value} ký tự.";
        }

        return english switch
        {
            _ when english.StartsWith("Passwords must have at least one digit", StringComparison.Ordinal) => "Mật khẩu phải có ít nhất một chữ số.",
            _ when english.StartsWith("Passwords must have at least one lowercase", StringComparison.Ordinal) => "Mật khẩu phải có ít nhất một chữ thường.",
            _ when english.StartsWith("Passwords must have at least one uppercase", StringComparison.Ordinal) => "Mật khẩu phải có ít nhất một chữ hoa.",
            _ when english.StartsWith("Passwords must use at least", StringComparison.Ordinal) => "Mật khẩu cần nhiều ký tự khác nhau hơn.",
            _ when english.StartsWith("Username ", StringComparison.Ordinal) && english.EndsWith("is already taken.", StringComparison.Ordinal) => "Tên đăng nhập này đã có người dùng.",
            _ when english.StartsWith("Username ", StringComparison.Ordinal) && english.Contains("is invalid", StringComparison.Ordinal) => "Tên đăng nhập chỉ gồm chữ cái không dấu, chữ số và các ký tự - . _ @ +.",
            _ => VietnameseText.Message(english),
        };
    }

    /// <summary>
    /// The errors of a validation problem, translated; an error about one item of a list ("daysOff[2]",
    /// "requiredDocuments[0].name") is written beside the list's field, naming the item.
    /// </summary>
    public static FormErrors Errors(IDictionary<string, string[]>? errors, params string[] lists)
    {
        var form = new FormErrors();
        foreach (var (field, messages) in errors ?? new Dictionary<string, string[]>())
        {
            var text = string.Join(" ", messages.Select(Message));
            var item = IndexedField().Match(field);
            if (item.Success && lists.Contains(item.Groups["list"].Value, StringComparer.Ordinal))
            {
                var n = int.Parse(item.Groups["i"].Value, CultureInfo.InvariantCulture) + 1;
                form.Add(item.Groups["list"].Value, $"Mục {n.ToString(CultureInfo.InvariantCulture)}: {text}");
            }
            else
            {
                form.Add(field, text);
            }
        }

        return form;
    }

    /// <summary>"2026-11-24" as "24/11/2026"; other text as it is.</summary>
    public static string Date(string iso) =>
        LocalDatePattern.Iso.Parse(iso) is { Success: true } parsed ? parsed.Value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : iso;

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

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2}) is a \w+: (?<what>.+)\.$")]
    private static partial Regex WeekdayMismatch();

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2}) is not in (?<year>\d+) ")]
    private static partial Regex NotInYear();

    [GeneratedRegex(@"^Must fall within the working day, after (?<start>\d\d:\d\d) and not after (?<end>\d\d:\d\d)\.$")]
    private static partial Regex OutsideDay();

    [GeneratedRegex(@"^Cannot precede version (?<n>\d+)'s \((?<date>\d{4}-\d{2}-\d{2})")]
    private static partial Regex PrecedesVersion();

    [GeneratedRegex(@"^At most (?<n>\d+) (?<what>documents|steps|dates)\.$")]
    private static partial Regex AtMost();

    [GeneratedRegex(@"\d+")]
    private static partial Regex MinimumLength();

    [GeneratedRegex(@"^(?<list>[A-Za-z]+)\[(?<i>\d+)\]")]
    private static partial Regex IndexedField();
}
