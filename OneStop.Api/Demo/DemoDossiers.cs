using Microsoft.EntityFrameworkCore;
using NodaTime;
using OneStop.Calendar;
using OneStop.Deadlines;
using OneStop.Dossiers;
using OneStop.Persistence;

namespace OneStop.Api.Demo;

/// <summary>
/// Past dossiers of the demo commune Đống Đa, built through the domain methods at times relative to the seeding
/// instant, so that the supervisor's dashboard shows paper and truth apart on any day: honest early and on-time
/// results, and late ones masked on paper by a re-issued receipt, a backdated result and a late apology.
/// </summary>
/// <remarks>
/// Every time is the acceptance plus working hours (5-working-day marriage registration, due = acceptance +
/// 40 working hours), so holidays shift the dates but not the story. A dossier whose last event would fall after
/// the seeding instant is left out.
/// </remarks>
public static class DemoDossiers
{
    private const string ProcedureCode = "1.000894.H99";
    private const long Hour = 3600;

    private static readonly (int DaysAgo, string Story)[] Stories =
    [
        (42, "early"), (40, "ontime"), (38, "reissued"), (36, "backdated"), (34, "late-apology"), (33, "timely-apology"),
        (31, "early"), (29, "supplement"), (27, "early"), (25, "ontime"), (23, "reissued"), (21, "early"), (16, "open-overdue"), (1, "open"),
    ];

    public static async Task SeedAsync(OneStopDbContext db, AgencyDeadlines deadlines, Api.Dossiers.DossierNumbering numbering, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(deadlines);
        ArgumentNullException.ThrowIfNull(numbering);
        var agency = await db.Agencies.SingleAsync(a => a.Id == DemoData.DongDaId, cancellationToken);
        var version = await (from p in db.Procedures where p.Code == ProcedureCode
                             join v in db.ProcedureVersions on p.Id equals v.ProcedureId
                             select v).FirstAsync(cancellationToken);
        var hours = deadlines.HoursOf(agency);
        var calculator = deadlines.Calculator;
        var today = OfficeTime.ToLocal(now).Date;
        var applicants = new[] { "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Vũ Thị Giang", "Đặng Văn Hải" };
        for (var i = 0; i < Stories.Length; i++)
        {
            var (daysAgo, story) = Stories[i];
            var acceptedAt = OfficeTime.ToInstant(today.PlusDays(-daysAgo).At(new LocalTime(9, 0)));
            Instant At(long workingHours) => calculator.AddWorkingTime(acceptedAt, workingHours * Hour, hours);
            if (At(story.StartsWith("open", StringComparison.Ordinal) ? 0 : 64) > now)
            {
                continue;
            }

            var acceptedOn = OfficeTime.ToLocal(acceptedAt).Date;
            var drawn = await numbering.DrawAsync(db, agency, ProcedureCode, acceptedOn, cancellationToken);
            var registration = new DossierRegistration(
                drawn.Code, drawn.TrackingNumber, agency.Id, version.Id, version.ProcessingTime, agency.CountingMode,
                Channel.Counter, new Person(applicants[i % applicants.Length], null, null, "Phường Đống Đa", null), null,
                [new SubmittedDocument("Tờ khai đăng ký kết hôn", 1, 0), new SubmittedDocument("Giấy xác nhận tình trạng hôn nhân", 1, 0)]);
            var dossier = Dossier.Register(registration, Act("motcua", acceptedAt), calculator, hours);
            dossier.HandOver("Công chức tư pháp - hộ tịch", "motcua", "chuyenvien", 32, Act("motcua", At(1)), calculator, hours);
            Play(dossier, story, At, calculator, hours);
            db.Dossiers.Add(dossier);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    // The due is At(40). Each story states what the paper shows and what the ledger shows.
    private static void Play(Dossier d, string story, Func<long, Instant> at, OneStop.Deadlines.DeadlineCalculator calculator, OfficeHours hours)
    {
        switch (story)
        {
            case "early":
                Finish(d, at(20), at(22));
                break;
            case "ontime":
                Finish(d, at(40), at(41));
                break;
            case "reissued":
                // Paper: a new receipt on day 2 promises 3 more days; the result comes 2 days after the statutory due.
                d.ReissueReceipt(at(64), "Cấp lại giấy tiếp nhận do công dân làm mất", Act("motcua", at(10)));
                Finish(d, at(56), at(58));
                break;
            case "backdated":
                // Paper: the result is declared a day before the due; it was recorded 2 days after it.
                d.MarkResultReady("Đã ký", new DossierAction("chuyenvien", at(56), at(32)));
                d.Return(null, Act("motcua", at(57)));
                break;
            case "late-apology":
                // The apology is signed 2 working hours before the due; 1 working day is required (Decree 61/2018 art. 19(9)
                // before 1 July 2025; under Decree 118/2025 as restated by provincial rules, e.g. Lai Châu QĐ 88/2025 art. 3(6)).
                var late = d.RequestApology("Cần xác minh thêm thông tin", at(64), Act("chuyenvien", at(37)));
                d.ApproveApology(late.Id, true, Act("lanhdao", at(38)));
                Finish(d, at(50), at(51));
                break;
            case "timely-apology":
                // Honest: apology 2 days ahead; still late against the statute, as the law says.
                var timely = d.RequestApology("Chờ kết quả xác minh của cơ quan khác", at(64), Act("chuyenvien", at(22)));
                d.ApproveApology(timely.Id, true, Act("lanhdao", at(23)));
                Finish(d, at(48), at(49));
                break;
            case "supplement":
                // Asked on day 1, back on day 2: the time restarts from zero (Decree 61/2018 art. 19(4) before 1 July 2025;
                // under Decree 118/2025 by sector rules, e.g. the 2025 interconnection decree art. 6(4)(a)).
                d.RequestSupplement("Thiếu giấy xác nhận tình trạng hôn nhân", "Giấy xác nhận tình trạng hôn nhân", Act("chuyenvien", at(4)));
                d.ReceiveSupplement(Act("motcua", at(12)), calculator, hours);
                Finish(d, at(44), at(45));
                break;
            default:
                break;
        }
    }

    private static void Finish(Dossier d, Instant ready, Instant returned)
    {
        d.MarkResultReady("Đã ký", Act("chuyenvien", ready));
        d.Return(null, Act("motcua", returned));
    }

    private static DossierAction Act(string actor, Instant at) => new(actor, at, at);
}
