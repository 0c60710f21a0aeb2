using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using OneStop.Calendar;
using OneStop.Dossiers;

namespace OneStop.Api.Pages;

/// <summary>
/// What the pages say in Vietnamese: the API's validation messages, the rules' codes, statuses, event kinds,
/// and dates as the desk writes them ("09:00 ngày 10/03/2025").
/// </summary>
public static partial class VietnameseText
{
    private static readonly Dictionary<string, string> Messages = new(StringComparer.Ordinal)
    {
        ["Required."] = "Bắt buộc.",
        ["A personal id number has 12 digits."] = "Số định danh cá nhân gồm 12 chữ số.",
        ["A Vietnamese phone number: 0 or +84, then 9 or 10 digits (e.g. 0912345678)."] = "Số điện thoại Việt Nam: 0 hoặc +84 rồi 9 hoặc 10 chữ số (ví dụ 0912345678).",
        ["Not an email address."] = "Địa chỉ email không hợp lệ.",
        ["An ISO 8601 date and time with its offset, e.g. 2025-11-03T09:00:00+07:00."] = "Ngày giờ không hợp lệ.",
        ["Cannot be later than now."] = "Không được sau thời điểm hiện tại.",
        ["Cannot be earlier than the dossier's acceptance."] = "Không được trước thời điểm tiếp nhận hồ sơ.",
        ["Must fall between 1900 and 2199."] = "Phải trong khoảng năm 1900–2199.",
        ["Unknown agency, or not one of yours."] = "Cơ quan không tồn tại hoặc không thuộc phạm vi của bạn.",
        ["Unknown procedure, or not offered by this agency."] = "Thủ tục không tồn tại hoặc cơ quan này không giải quyết.",
        ["The procedure has no version in force."] = "Thủ tục chưa có phiên bản đang có hiệu lực.",
        ["Counter, Online or Post."] = "Chọn kênh tiếp nhận: tại quầy, trực tuyến hoặc qua bưu chính.",
        ["At least one original or copy, no negative counts."] = "Ít nhất một bản chính hoặc một bản sao; không nhập số âm.",
        ["From 0 to 2400 working hours."] = "Từ 0 đến 2400 giờ làm việc.",
        ["Required: the new appointment."] = "Nhập ngày hẹn trả mới.",
        ["The new appointment must be in the future."] = "Ngày hẹn mới phải sau thời điểm hiện tại.",
        ["This dossier has no such apology."] = "Hồ sơ không có phiếu xin lỗi này.",
    };

    private static readonly Dictionary<string, string> Details = new(StringComparer.Ordinal)
    {
        ["code"] = "mã hồ sơ",
        ["trackingNumber"] = "số sổ theo dõi",
        ["processingTime"] = "thời hạn",
        ["countingMode"] = "cách tính",
        ["countingStartsAt"] = "bắt đầu tính",
        ["statutoryDueAt"] = "hạn theo quy định",
        ["statutoryDueBefore"] = "hạn trước đó",
        ["appointmentAt"] = "hẹn trả",
        ["appointmentBefore"] = "hẹn trả trước đó",
        ["calendarStatus"] = "lịch",
        ["from"] = "từ",
        ["to"] = "đến",
        ["giver"] = "người giao",
        ["receiver"] = "người nhận",
        ["stepDueAt"] = "hạn bước",
        ["finishedStep"] = "bước vừa xong",
        ["number"] = "lần",
        ["unit"] = "đơn vị",
        ["reason"] = "lý do",
        ["missingDocuments"] = "cần bổ sung",
        ["apologyId"] = "phiếu",
        ["newAppointmentAt"] = "hẹn mới",
        ["note"] = "ghi chú",
        ["receivedBy"] = "người nhận kết quả",
        ["status"] = "tình trạng",
    };

    private static readonly Dictionary<string, string> FieldNames = new(StringComparer.Ordinal)
    {
        ["fullName"] = "Họ và tên",
        ["idNumber"] = "Số định danh cá nhân",
        ["phone"] = "Số điện thoại",
        ["address"] = "Địa chỉ",
        ["email"] = "Email",
        ["documents"] = "Thành phần hồ sơ",
        ["channel"] = "Kênh tiếp nhận",
        ["acceptedAt"] = "Thời điểm tiếp nhận",
        ["procedureCode"] = "Thủ tục",
        ["toUnit"] = "Đơn vị nhận",
        ["giver"] = "Người giao",
        ["receiver"] = "Người nhận",
        ["stepBudgetHours"] = "Thời gian cho bước",
        ["reason"] = "Lý do",
        ["missingDocuments"] = "Giấy tờ cần bổ sung",
        ["newAppointmentAt"] = "Ngày hẹn trả mới",
        ["note"] = "Ghi chú",
        ["receivedBy"] = "Người nhận kết quả",
        ["occurredAt"] = "Thời điểm thực tế",
    };

    /// <summary>
    /// A validation message of the API in Vietnamese by its English text; unknown messages are kept as they are.
    /// Left only for the administration pages' <c>AdminText</c> until they read <see cref="Messages"/> by code;
    /// every other page shows errors through <see cref="FormErrors"/>, by code.
    /// </summary>
    public static string Message(string english)
    {
        ArgumentNullException.ThrowIfNull(english);
        if (Messages.TryGetValue(english, out var known))
        {
            return known;
        }

        var bounded = BoundedText().Match(english);
        if (bounded.Success)
        {
            var limit = bounded.Groups["n"].Value;
            return bounded.Groups["required"].Success ? $"Bắt buộc, tối đa {limit} ký tự." : $"Tối đa {limit} ký tự.";
        }

        return english;
    }

    /// <summary>
    /// The label of a form field for the error summary: "proxy.phone" gives "Số điện thoại (người được ủy
    /// quyền)", "documents[1]" gives "Thành phần hồ sơ, dòng 2".
    /// </summary>
    public static string FieldName(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var dot = field.LastIndexOf('.');
        var leaf = dot < 0 ? field : field[(dot + 1)..];
        var bracket = leaf.IndexOf('[', StringComparison.Ordinal);
        var name = FieldNames.GetValueOrDefault(bracket < 0 ? leaf : leaf[..bracket], leaf);
        if (bracket >= 0 && int.TryParse(leaf.AsSpan(bracket + 1, leaf.Length - bracket - 2), NumberStyles.Integer, CultureInfo.InvariantCulture, out var index))
        {
            name += ", dòng " + (index + 1).ToString(CultureInfo.InvariantCulture);
        }

        return field.StartsWith("proxy.", StringComparison.Ordinal) ? name + " (người được ủy quyền)"
            : field.StartsWith("applicant.", StringComparison.Ordinal) ? name + " (người nộp)"
            : name;
    }

    /// <summary>The message of a broken rule, by its stable code (<see cref="Messages.Rule"/>).</summary>
    public static string Rule(string? code) => OneStop.Api.Pages.Messages.Rule(code);

    /// <summary>Whether <paramref name="code"/> is a rule code this page knows.</summary>
    public static bool IsRule(string? code) => OneStop.Api.Pages.Messages.IsRule(code);

    public static string Channel(Channel channel) => channel switch
    {
        OneStop.Dossiers.Channel.Online => "Trực tuyến",
        OneStop.Dossiers.Channel.Post => "Qua bưu chính",
        _ => "Trực tiếp tại quầy",
    };

    public static string Event(DossierEventKind kind) => kind switch
    {
        DossierEventKind.Registered => "Tiếp nhận",
        DossierEventKind.HandedOver => "Bàn giao",
        DossierEventKind.SupplementRequested => "Yêu cầu bổ sung",
        DossierEventKind.SupplementReceived => "Nhận hồ sơ bổ sung",
        DossierEventKind.ApologyRequested => "Đề nghị xin lỗi, hẹn lại",
        DossierEventKind.ApologyApproved => "Phê duyệt phiếu xin lỗi",
        DossierEventKind.ResultReady => "Có kết quả",
        DossierEventKind.Returned => "Trả kết quả",
        DossierEventKind.VisitLogged => "Công dân đến hỏi",
        DossierEventKind.Refused => "Từ chối giải quyết",
        DossierEventKind.Stopped => "Dừng giải quyết",
        DossierEventKind.ReceiptReissued => "Cấp lại giấy tiếp nhận",
        DossierEventKind.SlaStateChanged => "Thay đổi tình trạng hạn",
        DossierEventKind.DeadlineRestated => "Tính lại hạn theo lịch",
        DossierEventKind.NotCollected => "Công dân chưa nhận kết quả",
        DossierEventKind.StepSlaStateChanged => "Thay đổi tình trạng hạn bước xử lý",
        _ => kind.ToString(),
    };

    /// <summary>The name of a ledger detail, in Vietnamese; unknown names are kept.</summary>
    public static string DetailName(string key) => Details.GetValueOrDefault(key, key);

    /// <summary>A ledger detail's value: ISO instants as the desk writes dates, step outcomes and calendar status in Vietnamese.</summary>
    public static string DetailValue(string value) =>
        OffsetDateTimePattern.ExtendedIso.Parse(value) is { Success: true } parsed ? DateTime(parsed.Value.ToInstant())
        : value switch
        {
            "Early" => "trước hạn",
            "OnTime" => "đúng hạn",
            "Late" => "quá hạn",
            "None" => "—",
            "Official" => "chính thức",
            "Provisional" => "tạm tính",
            "WorkingHours" => "theo giờ làm việc",
            "CivilCode" => "theo Bộ luật Dân sự",
            _ when Enum.TryParse<DossierStatus>(value, out var status) && Enum.IsDefined(status) => status.ToVietnamese(),
            _ => value,
        };

    /// <summary>"09:00, thứ Năm 20/03/2025": the appointment as the citizen reads it.</summary>
    public static string Appointment(Instant instant) =>
        OfficeTime.ToLocal(instant).ToString("HH:mm", CultureInfo.InvariantCulture) + ", " + Day(instant).Replace(",", string.Empty, StringComparison.Ordinal);

    /// <summary>"09:00 ngày 10/03/2025", in office time (UTC+7).</summary>
    public static string DateTime(Instant instant) => OfficeTime.FormatVietnamese(instant);

    /// <summary>"thứ Hai, 03/03/2025".</summary>
    public static string Day(Instant instant)
    {
        var date = OfficeTime.ToLocal(instant).Date;
        var weekday = date.DayOfWeek switch
        {
            IsoDayOfWeek.Monday => "thứ Hai",
            IsoDayOfWeek.Tuesday => "thứ Ba",
            IsoDayOfWeek.Wednesday => "thứ Tư",
            IsoDayOfWeek.Thursday => "thứ Năm",
            IsoDayOfWeek.Friday => "thứ Sáu",
            IsoDayOfWeek.Saturday => "thứ Bảy",
            _ => "Chủ nhật",
        };
        return weekday + ", " + date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
    }

    /// <summary>The value of a <c>datetime-local</c> input for <paramref name="instant"/>.</summary>
    public static string LocalInput(Instant instant) =>
        OfficeTime.ToLocal(instant).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// A <c>datetime-local</c> value ("2025-03-10T09:00") read as office time, as the API's ISO form with +07:00;
    /// other text is passed on for the API to reject; blank is null.
    /// </summary>
    public static string? FromLocalInput(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        return LocalInputPattern().IsMatch(text) ? text + (text.Length == 16 ? ":00" : string.Empty) + "+07:00" : text;
    }

    [GeneratedRegex(@"^(?<required>Required, )?(?:at|At) most (?<n>\d+) characters\.$")]
    private static partial Regex BoundedText();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$")]
    private static partial Regex LocalInputPattern();
}
