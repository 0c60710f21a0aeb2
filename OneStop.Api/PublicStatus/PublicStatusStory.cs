using NodaTime;
using OneStop.Api.Pages;
using OneStop.Dossiers;

namespace OneStop.Api.PublicStatus;

/// <summary>How the page should look for a state: a plain fact, good news, a request to act, or bad news.</summary>
public enum StatusTone
{
    Info,
    Success,
    Warning,
    Error,
}

/// <summary>
/// What the citizen is told about a dossier, true for its state (domain rule 11): the sentences and the dates,
/// independent of markup (the JSON endpoint and the page both render it).
/// </summary>
/// <param name="Dossier">The facts told.</param>
/// <param name="StatusText">The state in Vietnamese.</param>
/// <param name="Message">What the citizen should know or do.</param>
/// <param name="Tone">How the message looks.</param>
/// <param name="Late">Open, not waiting for a supplement, and past its statutory due or its appointment.</param>
/// <param name="Appointment">The appointment to show; null when it no longer means anything (closed, or a result exists).</param>
/// <param name="Facts">Label and value lines under the message (dates, reasons), in order.</param>
/// <param name="RatingOpen">Returned and not yet rated.</param>
/// <param name="Steps">The level of completion: each step's name and whether it is done, current or to come.</param>
public sealed record PublicStatusView(
    PublicDossierFacts Dossier,
    string StatusText,
    string Message,
    StatusTone Tone,
    bool Late,
    Instant? Appointment,
    IReadOnlyList<(string Label, string Value)> Facts,
    IReadOnlyList<(string Text, int State)> Steps,
    bool RatingOpen);

/// <summary>
/// The rules of what to say, one state at a time (domain rule 11; Decree 61/2018 art. 19 and Decree 118/2025
/// art. 19 on supplements and apologies). A returned dossier is never "ready to collect"; a supplement names what
/// to bring and by when; a late dossier shows the apology's new date and reason, or plainly "quá hạn" with the
/// statutory due; a refused or stopped one gives the reason as its form states it.
/// </summary>
public static class PublicStatusStory
{
    private static readonly (DossierStatus[] Statuses, string Text)[] StepNames =
    [
        ([DossierStatus.Received], "Đã tiếp nhận"),
        ([DossierStatus.InProcess, DossierStatus.AwaitingSupplement], "Đang giải quyết"),
        ([DossierStatus.ResultReady, DossierStatus.NotCollected], "Đã có kết quả"),
        ([DossierStatus.Returned], "Đã trả kết quả"),
    ];

    /// <summary>Tells <paramref name="facts"/> as of <paramref name="now"/>.</summary>
    public static PublicStatusView Tell(PublicDossierFacts facts, Instant now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var desk = facts.Contact.Desk + ", " + facts.Contact.Agency + (facts.Contact.Address.Length > 0 ? " (" + facts.Contact.Address + ")" : string.Empty);
        var lines = new List<(string, string)>();
        var open = facts.Status is DossierStatus.Received or DossierStatus.InProcess;
        var late = open && (now > facts.StatutoryDueAt || now > facts.AppointmentAt);
        string status = facts.Status.ToVietnamese();
        string message;
        var tone = StatusTone.Info;
        Instant? appointment = null;
        switch (facts.Status)
        {
            case DossierStatus.Received or DossierStatus.InProcess when facts.Apology is { } apology:
                status = late ? "Quá hạn, đã hẹn lại ngày trả" : "Đã hẹn lại ngày trả kết quả";
                message = "Cơ quan giải quyết đã gửi thư xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)."
                    + (now > apology.NewAppointmentAt ? " Ngày hẹn lại cũng đã qua: mời ông/bà liên hệ Bộ phận Một cửa." : string.Empty);
                tone = StatusTone.Warning;
                appointment = apology.NewAppointmentAt;
                lines.Add(("Ngày hẹn trả mới", VietnameseText.Appointment(apology.NewAppointmentAt)));
                lines.Add(("Lý do", apology.Reason));
                if (late)
                {
                    lines.Add(("Hạn giải quyết theo quy định", VietnameseText.Appointment(facts.StatutoryDueAt)));
                }

                break;
            case DossierStatus.Received or DossierStatus.InProcess when late:
                status = "Quá hạn";
                message = "Hồ sơ đã quá hạn giải quyết và chưa có thư xin lỗi, hẹn lại ngày trả. Mời ông/bà liên hệ Bộ phận Một cửa.";
                tone = StatusTone.Error;
                lines.Add(("Hạn giải quyết theo quy định", VietnameseText.Appointment(facts.StatutoryDueAt)));
                if (facts.AppointmentAt != facts.StatutoryDueAt)
                {
                    lines.Add(("Ngày hẹn trả trên giấy tiếp nhận", VietnameseText.Appointment(facts.AppointmentAt)));
                }

                break;
            case DossierStatus.Received:
                message = "Hồ sơ đã được tiếp nhận và đang được chuyển đến bộ phận giải quyết.";
                appointment = facts.AppointmentAt;
                break;
            case DossierStatus.InProcess:
                message = "Hồ sơ đang được cơ quan chuyên môn giải quyết.";
                appointment = facts.AppointmentAt;
                break;
            case DossierStatus.AwaitingSupplement when facts.Supplement is { } supplement:
                message = "Hồ sơ cần bổ sung, hoàn thiện (Mẫu 02). Mời ông/bà nộp các giấy tờ dưới đây tại " + desk
                    + (supplement.BringBy is { } by ? " trước " + VietnameseText.Appointment(by) : string.Empty)
                    + ". Thời hạn giải quyết được tính lại từ đầu khi nhận đủ hồ sơ.";
                tone = StatusTone.Warning;
                lines.Add(("Cần bổ sung", string.Join("; ", supplement.MissingDocuments)));
                lines.Add(("Lý do", supplement.Reason));
                if (supplement.BringBy is { } bringBy)
                {
                    lines.Add(("Nộp bổ sung trước", VietnameseText.Appointment(bringBy)));
                }

                break;
            case DossierStatus.AwaitingSupplement:
                message = "Hồ sơ cần bổ sung, hoàn thiện. Mời ông/bà liên hệ " + desk + ".";
                tone = StatusTone.Warning;
                break;
            case DossierStatus.ResultReady:
                message = "Kết quả đã có. Mời ông/bà mang giấy tiếp nhận đến " + desk + " để nhận, trong giờ làm việc.";
                tone = StatusTone.Success;
                AddReady(facts, lines);
                break;
            case DossierStatus.NotCollected:
                message = "Kết quả đã có nhưng ông/bà chưa đến nhận. Mời ông/bà mang giấy tiếp nhận đến " + desk + " để nhận, trong giờ làm việc.";
                tone = StatusTone.Warning;
                AddReady(facts, lines);
                break;
            case DossierStatus.Returned:
                message = "Kết quả đã được trả cho ông/bà. Hồ sơ đã kết thúc.";
                tone = StatusTone.Success;
                if (facts.ClosedAt is { } returned)
                {
                    lines.Add(("Ngày trả kết quả", VietnameseText.Appointment(returned)));
                }

                break;
            case DossierStatus.Refused:
                message = "Cơ quan giải quyết đã từ chối giải quyết hồ sơ (Mẫu 03).";
                tone = StatusTone.Error;
                lines.Add(("Lý do từ chối", facts.ClosingReason ?? string.Empty));
                AddClosed(facts, lines);
                break;
            case DossierStatus.Stopped:
                message = "Hồ sơ đã dừng giải quyết theo đề nghị của người nộp (Thông báo dừng giải quyết hồ sơ).";
                lines.Add(("Lý do dừng", facts.ClosingReason ?? string.Empty));
                AddClosed(facts, lines);
                break;
            case DossierStatus.Lapsed:
                // The procedure's time for the citizen to bring the supplement ran out (domain rule 5): not lateness.
                message = "Hồ sơ đã đóng do không được bổ sung trong thời hạn. Ông/bà có thể nộp hồ sơ mới tại " + desk + ".";
                AddClosed(facts, lines);
                break;
            default:
                message = facts.Status.ToVietnamese();
                break;
        }

        return new PublicStatusView(facts, status, message, tone, late, appointment, lines, Steps(facts.Status), facts.Status == DossierStatus.Returned && !facts.Rated);
    }

    private static void AddReady(PublicDossierFacts facts, List<(string, string)> lines)
    {
        if (facts.ResultReadyAt is { } ready)
        {
            lines.Add(("Có kết quả từ", VietnameseText.Appointment(ready)));
        }

        lines.Add(("Nơi nhận", facts.Contact.Desk + ", " + facts.Contact.Agency + (facts.Contact.Address.Length > 0 ? ", " + facts.Contact.Address : string.Empty)));
        lines.Add(("Giờ nhận", string.Join("; ", facts.Contact.Hours)));
    }

    private static void AddClosed(PublicDossierFacts facts, List<(string, string)> lines)
    {
        if (facts.ClosedAt is { } closed)
        {
            lines.Add(("Ngày", VietnameseText.Day(closed)));
        }
    }

    // 0: to come, 1: current, 2: done. Refused and stopped dossiers have no progress line.
    private static (string, int)[] Steps(DossierStatus status)
    {
        var current = Array.FindIndex(StepNames, s => s.Statuses.Contains(status));
        return current < 0 ? [] : StepNames.Select((s, i) => (s.Text, i < current ? 2 : i == current ? 1 : 0)).ToArray();
    }
}
