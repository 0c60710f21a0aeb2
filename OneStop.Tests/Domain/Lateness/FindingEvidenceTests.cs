using NodaTime;
using OneStop.Calendar;
using OneStop.Deadlines;
using OneStop.Dossiers;
using OneStop.Lateness;
using static OneStop.Tests.Domain.Lateness.AuditScenario;

namespace OneStop.Tests.Domain.Lateness;

/// <summary>
/// Every finding cites events or rows (domain.md: "a finding with nothing to show is a defect"): one ledger per finding
/// kind, and the test fails when a kind is added without a scenario here.
/// </summary>
public sealed class FindingEvidenceTests
{
    private static readonly Instant Before = Instant.FromUtc(2025, 1, 1, 0, 0);
    private static readonly Instant After = Instant.FromUtc(2025, 3, 4, 0, 0);

    /// <summary>The seed notices recorded at 01/01/2025, then a notice making 05/03/2025 a day off recorded on 04/03.</summary>
    private static readonly List<CalendarNoticeRecord> Records =
    [
        .. CalendarNoticeFile.LoadSeed().Select(n => new CalendarNoticeRecord(n, 1, Before, "seed")),
        new(new CalendarNotice("2025-test-day-off", 2025, [], "Thông báo thử", "Nghỉ thử", [new LocalDate(2025, 3, 5)], []), 1, After, "admin"),
    ];

    public static TheoryData<string> Kinds() => [.. Enum.GetNames<FindingKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Audit_EveryFindingKind_CitesEventsOrRows(string kind)
    {
        var results = Scenarios().Select(s => s()).ToList();

        var findings = results.SelectMany(r => r.Findings).Where(f => f.Kind.ToString() == kind).ToList();

        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.True(f.Events.Count > 0 || f.Rows.Count > 0, $"{f.Kind} cites nothing: {f.ExplanationEn}"));
    }

    [Fact]
    public void Audit_CalendarChangedAfterClose_DueRestatedJudgedByTheRecordedCalendar()
    {
        var result = DueRestated();

        var restated = Assert.Single(result.Findings, f => f.Kind == FindingKind.DueRestated);
        Assert.Equal(T("2025-03-10 09:00"), result.StatutoryDueAt);
        Assert.Equal(TrueOutcome.Late, result.Outcome);
        Assert.Equal(DossierEventKind.Registered, restated.Events.Single().Kind);
        Assert.Equal([OfficeTime.FormatIso(T("2025-03-10 09:00")), OfficeTime.FormatIso(T("2025-03-11 09:00"))], restated.Rows.Select(r => r.Row));
    }

    [Fact]
    public void Audit_SupplementWindowInWorkingHours_RequestAfterItDoesNotStopTheClock()
    {
        // The procedure allows 4 working hours: counting from 03/03 09:00 (2 h 30 min before noon, 1 h 30 min after) the
        // window closed at 14:30 that day.
        var registration = new DossierRegistration(
            "000.00.12.H99-250303-0002", 2, Guid.NewGuid(), Guid.NewGuid(), new ProcessingTime(5, DurationUnit.WorkingDays),
            CountingMode.WorkingHours, Channel.Counter, new Person("Nguyễn Văn B", null, null, null, null), null, [], SupplementWindow: new ProcessingTime(4, DurationUnit.WorkingHours));
        var dossier = Dossier.Register(registration, A("2025-03-03 09:00"), Calculator, OfficeHours.Default);
        dossier.HandOver("Phòng Tư pháp", "motcua", "chuyenvien", null, A("2025-03-03 10:00"), Calculator, OfficeHours.Default);
        dossier.RequestSupplement("Thiếu giấy", "", A("2025-03-04 09:00"));
        var events = dossier.TakePendingEvents(TestLedgerKeys.Ring);

        var result = new LatenessAudit(Calculator, new AuditSettings(), TestLedgerKeys.Ring).Audit(DossierLedger.Of(dossier, events), OfficeHours.Default, T("2025-03-11 09:00"));

        var late = Assert.Single(result.Findings, f => f.Kind == FindingKind.SupplementOutOfTime);
        Assert.Equal(4 * 60, late.LateMinutes); // 14:30 -> 17:00, then 07:30 -> 09:00
        Assert.Equal(OpenStanding.Overdue, result.Standing);
    }

    private static AuditResult DueRestated()
    {
        var recorded = new DeadlineCalculator(WorkingCalendar.Build(CalendarNoticeRecord.InForce(Records.Where(r => r.RecordedAt <= Before)), CalendarNoticeRecord.RevisionOf(Records.Where(r => r.RecordedAt <= Before))));
        var current = new DeadlineCalculator(WorkingCalendar.Build(CalendarNoticeRecord.InForce(Records), CalendarNoticeRecord.RevisionOf(Records)));
        var registration = new DossierRegistration(
            "000.00.12.H99-250303-0003", 3, Guid.NewGuid(), Guid.NewGuid(), new ProcessingTime(5, DurationUnit.WorkingDays),
            CountingMode.WorkingHours, Channel.Counter, new Person("Nguyễn Văn C", null, null, null, null), null, []);
        var dossier = Dossier.Register(registration, A("2025-03-03 09:00"), recorded, OfficeHours.Default);
        dossier.HandOver("Phòng Tư pháp", "motcua", "chuyenvien", null, A("2025-03-03 10:00"), recorded, OfficeHours.Default);
        dossier.MarkResultReady(null, A("2025-03-10 14:00"));
        var events = dossier.TakePendingEvents(TestLedgerKeys.Ring);
        return new LatenessAudit(current, new AuditSettings(), TestLedgerKeys.Ring)
            .Audit(DossierLedger.Of(dossier, events), OfficeHours.Default, T("2025-06-30 09:00"), new CalendarHistory(Records, current));
    }

    private static IEnumerable<Func<AuditResult>> Scenarios() =>
    [
        // LateAgainstStatute, ApologyMissing.
        () => Register().ToDepartment().Result("2025-03-11 09:00").Audit(),
        // ApologyMissing on an open dossier.
        () => Register().ToDepartment().Audit(asOf: "2025-03-11 09:00"),
        // ReceiptReissued, AppointmentBeyondStatute.
        () => Register().ToDepartment().Do(d => d.ReissueReceipt(T("2025-03-14 17:00"), "In lại", A("2025-03-04 09:00"))).Result("2025-03-07 10:00").Audit(),
        // ApologyLate.
        () => Register().ToDepartment().Apology("2025-03-07 16:00", "2025-03-10 08:00", "2025-03-12 17:00").Result("2025-03-11 10:00").Audit(),
        // SecondRescheduling (written straight into the ledger: the API refuses a second move).
        () => Register().ToDepartment()
            .Apology("2025-03-06 09:00", "2025-03-06 10:00", "2025-03-12 17:00")
            .Do(d => d.Record(DossierEventKind.ReceiptReissued, A("2025-03-12 08:00"), EventDetails.Of(
                ("appointmentBefore", OfficeTime.FormatIso(T("2025-03-12 17:00"))), ("appointmentAt", OfficeTime.FormatIso(T("2025-03-14 17:00"))), ("number", "2"), ("reason", "Hẹn lại"))))
            .Result("2025-03-14 10:00").Audit(),
        // SupplementOutOfTime, RepeatedSupplement.
        () => Register().ToDepartment()
            .Do(d => d.RequestSupplement("Thiếu giấy", "", A("2025-03-04 09:00")))
            .Do(d => d.ReceiveSupplement(A("2025-03-05 09:00"), Calculator, OfficeHours.Default))
            .Do(d => d.RequestSupplement("Thiếu bản sao", "", A("2025-03-12 09:00")))
            .Audit(asOf: "2025-03-13 09:00"),
        // Backdated.
        () => Register().ToDepartment().Result("2025-03-11 10:00", declared: "2025-03-07 16:00").Audit(),
        // ResultNotThere.
        () => Register().ToDepartment().Do(d => d.LogVisit("Công dân đến", A("2025-03-10 10:00"))).Result("2025-03-10 14:00").Audit(),
        // StoppedAfterDue.
        () => Register().ToDepartment().Do(d => d.Stop("Xin dừng", A("2025-03-12 09:00"))).Audit(),
        // LedgerTampered: a forged event, and a row edited (the dossier's due moved after the events were taken).
        () => Register().ToDepartment().Result("2025-03-07 10:00").Forge(2, EventDetails.Of(("from", "Bộ phận Một cửa"), ("to", "Phòng khác"))).Audit(),
        // DueRestated.
        DueRestated,
    ];
}
