using NodaTime.Text;
using OneStop.Api.Pages;
using OneStop.Calendar;
using OneStop.Dossiers;
using OneStop.Notifications;
using OneStop.Sla;

namespace OneStop.Api.Desk;

/// <summary>
/// A ledger event as the dossier page shows it, in Vietnamese: its name, and its details chosen and worded by kind (a
/// tracking number stays a number, a status becomes its Vietnamese name, instants are office time). Internal values
/// (ids, hashes, calendar revisions, office-hour rules) are left out; staff are named by full name.
/// </summary>
public static class LedgerEventText
{
    public static string Title(DossierEventKind kind) => kind switch
    {
        DossierEventKind.Registered => "Tiếp nhận hồ sơ",
        DossierEventKind.HandedOver => "Bàn giao",
        DossierEventKind.SupplementRequested => "Yêu cầu bổ sung hồ sơ",
        DossierEventKind.SupplementReceived => "Nhận hồ sơ bổ sung",
        DossierEventKind.ApologyRequested => "Lập phiếu xin lỗi, đề nghị hẹn lại",
        DossierEventKind.ApologyApproved => "Thủ trưởng phê duyệt phiếu xin lỗi",
        DossierEventKind.ApologyRejected => "Thủ trưởng không phê duyệt phiếu xin lỗi",
        DossierEventKind.ResultReady => "Có kết quả",
        DossierEventKind.Returned => "Trả kết quả",
        DossierEventKind.VisitLogged => "Công dân đến hỏi",
        DossierEventKind.Refused => "Từ chối giải quyết",
        DossierEventKind.Stopped => "Dừng giải quyết",
        DossierEventKind.ReceiptReissued => "Cấp lại giấy tiếp nhận",
        DossierEventKind.SlaStateChanged => "Thay đổi tình trạng thời hạn",
        DossierEventKind.StepSlaStateChanged => "Thay đổi tình trạng thời hạn của bước",
        DossierEventKind.DeadlineRestated => "Tính lại thời hạn theo lịch mới",
        DossierEventKind.NotCollected => "Công dân chưa đến nhận kết quả",
        DossierEventKind.SupplementLapsed => "Hết hạn bổ sung, đóng hồ sơ",
        DossierEventKind.LedgerRechained => "Niêm phong lại nhật ký",
        _ => "Sự kiện khác",
    };

    /// <summary>The details of one event, in the order a reader wants them.</summary>
    /// <param name="e">The event.</param>
    /// <param name="staffName">A user name to the member's full name (the user name itself when unknown).</param>
    public static IReadOnlyList<(string Label, string Value)> Details(DossierEvent e, Func<string, string> staffName)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(staffName);
        var d = EventDetails.Read(e.Details);
        var lines = new List<(string, string)>();
        void Text(string key, string label)
        {
            if (d.TryGetValue(key, out var v) && v.Length > 0)
            {
                lines.Add((label, v));
            }
        }

        void Time(string key, string label)
        {
            if (d.TryGetValue(key, out var v) && OffsetDateTimePattern.ExtendedIso.Parse(v) is { Success: true } parsed)
            {
                lines.Add((label, OfficeTime.FormatVietnamese(parsed.Value.ToInstant())));
            }
        }

        void Person(string key, string label)
        {
            if (d.TryGetValue(key, out var v) && v.Length > 0)
            {
                lines.Add((label, staffName(v)));
            }
        }

        void Calendar()
        {
            if (d.TryGetValue("calendarStatus", out var v) && v.Length > 0)
            {
                lines.Add(("Lịch", v == nameof(CalendarStatus.Official) ? "chính thức" : "tạm tính (chưa có thông báo nghỉ chính thức)"));
            }
        }

        switch (e.Kind)
        {
            case DossierEventKind.Registered:
                Text("trackingNumber", "Số sổ theo dõi");
                Text("processingTime", "Thời hạn giải quyết");
                Time("countingStartsAt", "Bắt đầu tính");
                Time("statutoryDueAt", "Hạn theo quy định");
                Time("receivedAt", "Nơi khác tiếp nhận lúc");
                if (d.TryGetValue("noticeChannels", out var consent) && Enum.TryParse<CitizenChannels>(consent, out var channels))
                {
                    lines.Add(("Thông báo cho công dân", VietnameseText.NoticeConsent(channels)));
                }

                Calendar();
                break;
            case DossierEventKind.HandedOver:
                Text("from", "Từ");
                Text("to", "Đến");
                Person("giver", "Người giao");
                Person("receiver", "Người nhận");
                Time("stepDueAt", "Hạn của bước mới");
                if (d.TryGetValue("finishedStep", out var step) && Enum.TryParse<StepOutcome>(step, out var outcome) && outcome != StepOutcome.None)
                {
                    lines.Add(("Bước vừa xong", outcome switch { StepOutcome.Early => "trước hạn", StepOutcome.OnTime => "đúng hạn", _ => "quá hạn" }));
                }

                break;
            case DossierEventKind.SupplementRequested:
                Text("number", "Lần yêu cầu");
                Text("unit", "Đơn vị yêu cầu");
                Text("reason", "Lý do");
                Text("missingDocuments", "Giấy tờ cần bổ sung");
                Time("supplementDueAt", "Hạn công dân bổ sung");
                break;
            case DossierEventKind.SupplementReceived:
                Time("countingStartsAt", "Tính lại từ");
                Time("statutoryDueAt", "Hạn mới theo quy định");
                Time("statutoryDueBefore", "Hạn trước đó");
                Calendar();
                break;
            case DossierEventKind.ApologyRequested:
                Text("reason", "Lý do chậm");
                Time("newAppointmentAt", "Đề nghị hẹn trả mới");
                Time("statutoryDueAt", "Hạn theo quy định");
                break;
            case DossierEventKind.ApologyApproved:
                Time("appointmentBefore", "Hẹn trả trước đó");
                Time("appointmentAt", "Hẹn trả mới");
                break;
            case DossierEventKind.ApologyRejected:
                Text("reason", "Lý do không phê duyệt");
                break;
            case DossierEventKind.ResultReady:
                Text("from", "Đơn vị giải quyết");
                Text("note", "Ghi chú");
                Time("statutoryDueAt", "Hạn theo quy định");
                break;
            case DossierEventKind.Returned:
                Text("receivedBy", "Người nhận kết quả");
                break;
            case DossierEventKind.VisitLogged:
                Text("note", "Ghi chú");
                if (d.TryGetValue("status", out var status) && Enum.TryParse<DossierStatus>(status, out var parsed) && Enum.IsDefined(parsed) && !status.All(char.IsAsciiDigit))
                {
                    lines.Add(("Tình trạng lúc đó", parsed.ToVietnamese()));
                }

                Time("appointmentAt", "Hẹn trả");
                break;
            case DossierEventKind.Refused:
            case DossierEventKind.Stopped:
                Text("reason", "Lý do");
                break;
            case DossierEventKind.ReceiptReissued:
                Text("number", "Giấy tiếp nhận số");
                Text("reason", "Lý do");
                Time("appointmentBefore", "Hẹn trả trước đó");
                Time("appointmentAt", "Hẹn trả");
                break;
            case DossierEventKind.SlaStateChanged:
            case DossierEventKind.StepSlaStateChanged:
                Sla(d, "from", "Từ", lines);
                Sla(d, "to", "Sang", lines);
                Time(e.Kind == DossierEventKind.SlaStateChanged ? "statutoryDueAt" : "stepDueAt", "Hạn");
                break;
            case DossierEventKind.DeadlineRestated:
                Time("statutoryDueBefore", "Hạn trước đó");
                Time("statutoryDueAt", "Hạn mới theo quy định");
                Calendar();
                break;
            case DossierEventKind.SupplementLapsed:
                Time("supplementDueAt", "Hạn bổ sung đã qua");
                break;
            default:
                break;
        }

        return lines;
    }

    private static void Sla(IReadOnlyDictionary<string, string> d, string key, string label, List<(string, string)> lines)
    {
        if (d.TryGetValue(key, out var v) && Enum.TryParse<SlaState>(v, out var state) && Enum.IsDefined(state) && !v.All(char.IsAsciiDigit))
        {
            lines.Add((label, state switch { SlaState.OnTrack => "còn hạn", SlaState.DueSoon => "sắp đến hạn", _ => "quá hạn" }));
        }
    }
}
