using System.Text.RegularExpressions;
using NodaTime;
using OneStop.Calendar;

namespace OneStop.Notifications;

/// <summary>
/// The citizen's messages (e-mail and the SMS/Zalo gateway alike): one Vietnamese template per kind of
/// <see cref="CitizenNoticeRule"/>, with the placeholders <c>{name}</c> (the addressee's own name, the only
/// personal data a message may carry), <c>{code}</c>, <c>{link}</c> (the status page's public address) and
/// <c>{appointment}</c> (the dossier's appointment, "07:30 ngày 03/12/2026"). Every template must carry the code
/// and the link. Installations may replace any template (<c>CitizenNotices:Templates:{Kind}</c>).
/// </summary>
public static partial class CitizenNoticeText
{
    /// <summary>The placeholders a template may use.</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["name", "code", "link", "appointment"];

    /// <summary>The longest template accepted (an SMS of several parts; the gateway splits).</summary>
    public const int MaxTemplateLength = 1000;

    /// <summary>The templates shipped, per kind.</summary>
    public static readonly IReadOnlyDictionary<string, string> Defaults = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [CitizenNoticeRule.Received] = "Kính gửi {name}: hồ sơ {code} đã được tiếp nhận, hẹn trả kết quả {appointment}. Tra cứu: {link}",
        [CitizenNoticeRule.AtDepartment] = "Kính gửi {name}: hồ sơ {code} đã được chuyển đến đơn vị chuyên môn giải quyết, hẹn trả kết quả {appointment}. Tra cứu: {link}",
        [CitizenNoticeRule.SupplementRequested] = "Kính gửi {name}: hồ sơ {code} cần bổ sung giấy tờ. Giấy tờ cần bổ sung và thời hạn: {link}",
        [CitizenNoticeRule.SupplementReceived] = "Kính gửi {name}: hồ sơ {code} đã nhận đủ giấy tờ bổ sung, hẹn trả kết quả {appointment}. Tra cứu: {link}",
        [CitizenNoticeRule.AppointmentMoved] = "Kính gửi {name}: lịch hẹn trả kết quả hồ sơ {code} đổi sang {appointment}. Lý do và thông tin: {link}",
        [CitizenNoticeRule.ResultReady] = "Kính gửi {name}: hồ sơ {code} đã có kết quả. Mời ông/bà mang giấy tiếp nhận đến nhận; địa điểm, giờ làm việc: {link}",
        [CitizenNoticeRule.Returned] = "Kính gửi {name}: kết quả hồ sơ {code} đã được trả. Cảm ơn ông/bà; quét mã QR trên giấy tiếp nhận để đánh giá. Tra cứu: {link}",
        [CitizenNoticeRule.NotCollected] = "Kính gửi {name}: kết quả hồ sơ {code} vẫn chờ ông/bà đến nhận. Địa điểm, giờ làm việc: {link}",
        [CitizenNoticeRule.Refused] = "Kính gửi {name}: hồ sơ {code} bị từ chối giải quyết. Lý do: {link}",
        [CitizenNoticeRule.Stopped] = "Kính gửi {name}: hồ sơ {code} đã dừng giải quyết. Chi tiết: {link}",
        [CitizenNoticeRule.Lapsed] = "Kính gửi {name}: hồ sơ {code} đã đóng do không bổ sung giấy tờ đúng hạn. Chi tiết: {link}",
    };

    /// <summary>What happened, in a few words (subjects, the administrators' lists).</summary>
    public static string Headline(string kind) => kind switch
    {
        CitizenNoticeRule.Received => "đã tiếp nhận",
        CitizenNoticeRule.AtDepartment => "đang giải quyết",
        CitizenNoticeRule.SupplementRequested => "cần bổ sung giấy tờ",
        CitizenNoticeRule.SupplementReceived => "đã nhận giấy tờ bổ sung",
        CitizenNoticeRule.AppointmentMoved => "đổi lịch hẹn trả kết quả",
        CitizenNoticeRule.ResultReady => "đã có kết quả",
        CitizenNoticeRule.Returned => "đã trả kết quả",
        CitizenNoticeRule.NotCollected => "kết quả chờ nhận",
        CitizenNoticeRule.Refused => "từ chối giải quyết",
        CitizenNoticeRule.Stopped => "dừng giải quyết",
        CitizenNoticeRule.Lapsed => "đã đóng do quá hạn bổ sung",
        _ => "thông báo",
    };

    /// <summary>The template with its placeholders filled.</summary>
    public static string Render(string template, string name, string code, string link, Instant appointment)
    {
        ArgumentNullException.ThrowIfNull(template);
        return Placeholder().Replace(template, m => m.Groups[1].Value switch
        {
            "name" => name,
            "code" => code,
            "link" => link,
            "appointment" => OfficeTime.FormatVietnamese(appointment),
            _ => m.Value,
        });
    }

    /// <summary>What is wrong with a template (for the check at start), or null.</summary>
    public static string? Problem(string? template)
    {
        if (string.IsNullOrWhiteSpace(template))
        {
            return "is empty";
        }

        if (template.Length > MaxTemplateLength)
        {
            return $"is longer than {MaxTemplateLength} characters";
        }

        var unknown = Placeholder().Matches(template).Select(m => m.Groups[1].Value).Where(p => !Placeholders.Contains(p)).ToList();
        if (unknown.Count > 0)
        {
            return $"uses unknown placeholders {string.Join(", ", unknown.Select(u => "{" + u + "}"))} (allowed: {string.Join(", ", Placeholders.Select(p => "{" + p + "}"))})";
        }

        return !template.Contains("{code}", StringComparison.Ordinal) || !template.Contains("{link}", StringComparison.Ordinal)
            ? "must carry {code} and {link}"
            : null;
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
