using System.Globalization;
using NodaTime;
using OneStop.Calendar;
using OneStop.Sla;

namespace OneStop.Notifications;

/// <summary>
/// The Vietnamese wording of every notice, and the one formatter of the dates in them ("07:30 ngày 03/12/2026",
/// office time, Asia/Ho_Chi_Minh). Subjects name the dossier and what happened, so that a mailbox list is enough.
/// </summary>
public static class NoticeText
{
    /// <summary>"07:30 ngày 03/12/2026": hours and minutes, then the date, in office time.</summary>
    public static string Time(Instant instant) => OfficeTime.FormatVietnamese(instant);

    /// <summary>Who a staff notice is for, as the text names them.</summary>
    public static string Audience(NoticeAudience audience) => audience switch
    {
        NoticeAudience.Officer => "cán bộ, công chức xử lý hồ sơ",
        NoticeAudience.HeadOfDepartment => "lãnh đạo đơn vị đang giữ hồ sơ",
        NoticeAudience.HeadOfAgency => "thủ trưởng cơ quan",
        NoticeAudience.Supervisor => "bộ phận giám sát",
        _ => "công dân",
    };

    /// <summary>
    /// A rung of the escalation ladder: its number among the ladder's rungs, who it is for, and since when the
    /// dossier is due soon or overdue (and for how many working hours when the rung waits after that).
    /// </summary>
    public static (string Subject, string Body) Escalation(string code, string unit, Instant due, EscalationLevel level, int number, int count, Instant since, Instant at)
    {
        ArgumentNullException.ThrowIfNull(level);
        var rung = string.Create(CultureInfo.InvariantCulture, $"cấp {number}/{count}");
        var state = level.At == SlaState.DueSoon ? $"sắp đến hạn từ {Time(since)}" : $"quá hạn từ {Time(since)}";
        var after = level.WorkingHoursAfter > 0
            ? string.Create(CultureInfo.InvariantCulture, $", đã {level.WorkingHoursAfter} giờ làm việc (đến {Time(at)})")
            : string.Empty;
        var subject = level.At == SlaState.DueSoon
            ? $"[Nhắc việc {rung}] Hồ sơ {code} sắp đến hạn {Time(due)}"
            : string.Create(CultureInfo.InvariantCulture, $"[Cảnh báo {rung}] Hồ sơ {code} quá hạn từ {Time(since)}{(level.WorkingHoursAfter > 0 ? $", đã {level.WorkingHoursAfter} giờ làm việc" : string.Empty)}");
        var body = $"Hồ sơ {code} (đơn vị đang giữ: {unit}) có hạn giải quyết {Time(due)}; hồ sơ {state}{after}. "
            + $"Thông báo {rung} của quy trình nhắc việc, gửi {Audience(level.Audience)}.";
        return (subject, body);
    }

    /// <summary>The department's warning before the Form 04 deadline: the officer drafts Form 04, the head has it approved.</summary>
    public static (string Subject, string Body) ApologyWarning(string code, string unit, Instant due, Instant deadline, NoticeAudience audience) =>
        ($"Hồ sơ {code}: nếu trễ hạn, {(audience == NoticeAudience.Officer ? "lập" : "duyệt")} Phiếu xin lỗi (Mẫu 04) chậm nhất {Time(deadline)}",
         $"Hồ sơ {code} (đơn vị đang giữ: {unit}) có hạn giải quyết {Time(due)}. Nếu không kịp trả kết quả đúng hạn, Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04) phải được thủ trưởng duyệt và gửi chậm nhất {Time(deadline)}. Thông báo gửi {Audience(audience)}.");

    /// <summary>The head of the agency, when the Form 04 deadline passed without an approved apology.</summary>
    public static (string Subject, string Body) ApologyMissed(string code, Instant due, Instant deadline) =>
        ($"Hồ sơ {code}: quá hạn gửi Phiếu xin lỗi (Mẫu 04) từ {Time(deadline)}",
         $"Hồ sơ {code} có hạn giải quyết {Time(due)}. Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04) phải được duyệt chậm nhất {Time(deadline)} nhưng đến nay chưa có.");

    public static (string Subject, string Body) StepOverdue(string code, string unit, Instant stepDue, Instant due) =>
        ($"Hồ sơ {code}: bước xử lý tại {unit} quá hạn từ {Time(stepDue)}",
         $"Hồ sơ {code} đang ở {unit}; hạn của bước này là {Time(stepDue)}, hạn giải quyết hồ sơ {Time(due)}.");

    /// <summary>The citizen's reminder to bring a requested supplement before the procedure's time for it ends.</summary>
    public static (string Subject, string Body) SupplementReminder(string code, Instant supplementDue) =>
        ($"Nhắc bổ sung hồ sơ {code}",
         $"Hồ sơ {code} đang chờ ông/bà bổ sung. Hạn bổ sung là {Time(supplementDue)}; sau thời hạn này hồ sơ sẽ bị đóng.");

    /// <summary>
    /// What the outbox keeps of a citizen's status notice (for the administrators' lists): the code and what
    /// happened, nothing personal. The message sent is composed at send time (<see cref="CitizenNoticeText"/>).
    /// </summary>
    public static (string Subject, string Body) CitizenStatus(string code, string kind) =>
        ($"Hồ sơ {code}: {CitizenNoticeText.Headline(kind)}",
         $"Thông báo cho công dân về hồ sơ {code}: {CitizenNoticeText.Headline(kind)}.");
}
