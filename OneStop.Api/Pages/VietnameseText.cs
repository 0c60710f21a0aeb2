using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using OneStop.Calendar;
using OneStop.Dossiers;
using OneStop.Notifications;

namespace OneStop.Api.Pages;

/// <summary>
/// How the pages write what is not a message: form fields' names in the error summary, channels, and dates as the
/// desk writes them ("09:00 ngày 10/03/2025"). Messages are looked up by their stable code in <see cref="Messages"/>.
/// </summary>
public static partial class VietnameseText
{
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

    public static string Channel(Channel channel) => channel switch
    {
        OneStop.Dossiers.Channel.Online => "Trực tuyến",
        OneStop.Dossiers.Channel.Post => "Qua bưu chính",
        _ => "Trực tiếp tại quầy",
    };

    /// <summary>
    /// The citizen's consent to notices of each change of status (Decree 224/2026 art. 15(1)(g)), as recorded at
    /// registration: the channels it covers, or that there is none (the citizen is then told nothing).
    /// </summary>
    public static string NoticeConsent(CitizenChannels channels) => channels switch
    {
        CitizenChannels.Email => "Đồng ý nhận thông báo qua email",
        CitizenChannels.Gateway => "Đồng ý nhận thông báo qua tin nhắn (SMS/Zalo)",
        CitizenChannels.Email | CitizenChannels.Gateway => "Đồng ý nhận thông báo qua email và tin nhắn (SMS/Zalo)",
        _ => "Không đăng ký nhận thông báo",
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

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$")]
    private static partial Regex LocalInputPattern();
}
