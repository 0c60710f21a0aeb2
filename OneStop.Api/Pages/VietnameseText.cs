using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
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

    private static readonly Dictionary<string, string> Rules = new(StringComparer.Ordinal)
    {
        [DossierRules.Closed] = "Hồ sơ đã kết thúc: không ghi nhận thêm được.",
        [DossierRules.SupplementNotAtDepartment] = "Chỉ yêu cầu bổ sung khi hồ sơ đang ở bộ phận chuyên môn (Nghị định 61/2018, Điều 19 khoản 4).",
        [DossierRules.SupplementNotRequested] = "Hồ sơ chưa có yêu cầu bổ sung nào: không thể ghi nhận hồ sơ bổ sung.",
        [DossierRules.AppointmentAlreadyMoved] = "Ngày hẹn trả đã được điều chỉnh một lần; không được điều chỉnh lần nữa (Nghị định 61/2018, Điều 19 khoản 9).",
        [DossierRules.ApologyNotPending] = "Phiếu xin lỗi này đã được phê duyệt.",
        [DossierRules.ApologyNeedsHead] = "Chỉ thủ trưởng cơ quan được phê duyệt phiếu xin lỗi.",
        [DossierRules.StopAfterResult] = "Hồ sơ đã có kết quả: không thể dừng giải quyết.",
        [DossierRules.RefusalAfterResult] = "Hồ sơ đã có kết quả: không thể từ chối giải quyết.",
        [DossierRules.ReturnBeforeResult] = "Chỉ trả kết quả khi hồ sơ đã có kết quả.",
        [DossierRules.ResultNotInProcess] = "Chỉ ghi nhận kết quả khi hồ sơ đang được giải quyết.",
        [DossierRules.HandoverNotInProcess] = "Chỉ bàn giao khi hồ sơ đang được giải quyết.",
        [DossierRules.ConcurrentChange] = "Người khác vừa cập nhật hồ sơ này. Tải lại trang rồi thử lại.",
    };

    /// <summary>A validation message of the API in Vietnamese; unknown messages are kept as they are.</summary>
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

    /// <summary>The message of a broken rule, by its stable code.</summary>
    public static string Rule(string? code) =>
        code is not null && Rules.TryGetValue(code, out var text) ? text : "Quy định không cho phép thao tác này với hồ sơ ở trạng thái hiện tại.";

    /// <summary>Whether <paramref name="code"/> is a rule code this page knows.</summary>
    public static bool IsRule(string? code) => code is not null && Rules.ContainsKey(code);

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
        _ => kind.ToString(),
    };

    /// <summary>"09:00 ngày 10/03/2025", in office time (UTC+7).</summary>
    public static string DateTime(Instant instant) =>
        OfficeTime.ToLocal(instant).ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture);

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
