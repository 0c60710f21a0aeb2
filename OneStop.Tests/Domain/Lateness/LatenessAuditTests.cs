using OneStop.Calendar;
using OneStop.Dossiers;
using OneStop.Lateness;
using static OneStop.Tests.Domain.Lateness.AuditScenario;

namespace OneStop.Tests.Domain.Lateness;

public sealed class LatenessAuditTests
{
    private static FindingKind[] Kinds(AuditResult result) => result.Findings.Select(f => f.Kind).Order().ToArray();

    [Fact]
    public void Audit_Early_NoFinding()
    {
        var result = Register().ToDepartment().Result("2025-03-05 10:00").Do(d => d.Return(null, A("2025-03-05 14:00"))).Audit();

        Assert.Empty(result.Findings);
        Assert.Equal(TrueOutcome.Early, result.Outcome);
        Assert.True(result.PaperOnTime);
        Assert.False(result.PaperDiffersFromTruth);
        Assert.Equal(T("2025-03-10 09:00"), result.StatutoryDueAt);
        Assert.Equal(2, result.Index1);
        Assert.Equal(2, result.Index3);
    }

    [Fact]
    public void Audit_OnTimeAtTheDueMinute_NoFinding()
    {
        var result = Register().ToDepartment().Result("2025-03-10 09:00").Audit();

        Assert.Empty(result.Findings);
        Assert.Equal(TrueOutcome.OnTime, result.Outcome);
        Assert.Equal(1, result.Index1);
    }

    [Fact]
    public void Audit_OnTimeAfterLegitimateSupplementRestart_NoFinding()
    {
        // Asked on day 2 (within 3 working days), back on 12/03: the due restarts from zero to 19/03 09:00.
        var result = Register().ToDepartment()
            .Do(d => d.RequestSupplement("Thiếu giấy xác nhận", "Giấy xác nhận tình trạng hôn nhân", A("2025-03-04 09:00")))
            .Do(d => d.ReceiveSupplement(A("2025-03-12 09:00"), Calculator, OfficeHours.Default))
            .Result("2025-03-19 08:00").Audit();

        Assert.Empty(result.Findings);
        Assert.Equal(TrueOutcome.OnTime, result.Outcome);
        Assert.Equal(T("2025-03-19 09:00"), result.StatutoryDueAt);
        Assert.Equal(1, result.Index3);
    }

    [Fact]
    public void Audit_LateWithTimelyApprovedApology_OnlyLateAgainstStatute()
    {
        var result = Register().ToDepartment()
            .Apology("2025-03-06 09:00", "2025-03-06 10:00", "2025-03-12 17:00")
            .Result("2025-03-12 10:00").Audit();

        var finding = Assert.Single(result.Findings);
        Assert.Equal(FindingKind.LateAgainstStatute, finding.Kind);
        Assert.Equal(17 * 60, finding.LateMinutes); // 10/03 09:00 -> 12/03 10:00: 8 h + 8 h + 1 h
        Assert.Equal(T("2025-03-10 09:00"), finding.StatutoryDueAt);
        Assert.Equal(DossierEventKind.ResultReady, Assert.Single(finding.Events).Kind);
        Assert.Contains("sau hạn luật định 09:00 10/03/2025", finding.ExplanationVi, StringComparison.Ordinal);
        Assert.Equal(TrueOutcome.Late, result.Outcome);
        Assert.True(result.PaperOnTime);
        Assert.True(result.PaperDiffersFromTruth);
    }

    [Fact]
    public void Audit_ApologyApprovedLessThanOneWorkingDayBefore_ApologyLate()
    {
        var result = Register().ToDepartment()
            .Apology("2025-03-07 16:00", "2025-03-10 08:00", "2025-03-12 17:00")
            .Result("2025-03-11 10:00").Audit();

        Assert.Equal([FindingKind.LateAgainstStatute, FindingKind.ApologyLate], Kinds(result));
        Assert.Equal(7 * 60, result.Findings.Single(f => f.Kind == FindingKind.ApologyLate).LateMinutes); // 1 h of the 8 h lead
    }

    [Fact]
    public void Audit_LateWithoutApology_ApologyMissing()
    {
        var result = Register().ToDepartment().Result("2025-03-11 09:00").Audit();

        Assert.Equal([FindingKind.LateAgainstStatute, FindingKind.ApologyMissing], Kinds(result));
        Assert.False(result.PaperOnTime);
        Assert.False(result.PaperDiffersFromTruth);
    }

    [Fact]
    public void Audit_OpenOverdueWithoutApology_ApologyMissing()
    {
        var result = Register().ToDepartment().Audit(asOf: "2025-03-10 10:00");

        Assert.Equal([FindingKind.ApologyMissing], Kinds(result));
        Assert.Equal(TrueOutcome.Open, result.Outcome);
        Assert.Equal(60, result.LateMinutes);
    }

    [Fact]
    public void Audit_ReceiptReissuedWithLaterAppointment_MaskedLateness()
    {
        var result = Register().ToDepartment()
            .Do(d => d.ReissueReceipt(T("2025-03-14 17:00"), "In lại do mất giấy", A("2025-03-04 09:00")))
            .Result("2025-03-13 10:00").Audit();

        Assert.Equal(
            [FindingKind.LateAgainstStatute, FindingKind.AppointmentBeyondStatute, FindingKind.ReceiptReissued, FindingKind.ApologyMissing],
            Kinds(result));
        Assert.True(result.PaperOnTime);
        Assert.True(result.PaperDiffersFromTruth);
    }

    [Fact]
    public void Audit_ReissueAfterApprovedApologyWithSameAppointment_NoExtraFinding()
    {
        var result = Register().ToDepartment()
            .Apology("2025-03-06 09:00", "2025-03-06 10:00", "2025-03-12 17:00")
            .Do(d => d.ReissueReceipt(null, "In lại theo phiếu xin lỗi", A("2025-03-06 11:00")))
            .Result("2025-03-12 10:00").Audit();

        Assert.Equal([FindingKind.LateAgainstStatute], Kinds(result));
    }

    [Fact]
    public void Audit_AppointmentMovedTwice_SecondRescheduling()
    {
        // The API forbids a second move: the second one is written straight into the ledger.
        var result = Register().ToDepartment()
            .Apology("2025-03-06 09:00", "2025-03-06 10:00", "2025-03-12 17:00")
            .Do(d => d.Record(DossierEventKind.ReceiptReissued, A("2025-03-12 08:00"), EventDetails.Of(
                ("appointmentBefore", OfficeTime.FormatIso(T("2025-03-12 17:00"))),
                ("appointmentAt", OfficeTime.FormatIso(T("2025-03-14 17:00"))),
                ("number", "2"),
                ("reason", "Hẹn lại"))))
            .Result("2025-03-14 10:00").Audit();

        var second = result.Findings.Single(f => f.Kind == FindingKind.SecondRescheduling);
        Assert.Equal([4, 5], second.Events.Select(e => e.Sequence).ToArray());
        // Accepted in March 2025: Decree 61/2018 governs, and is the one cited.
        Assert.Contains("Nghị định 61/2018 điều 19(9)", second.ExplanationVi, StringComparison.Ordinal);
        Assert.Contains(FindingKind.AppointmentBeyondStatute, Kinds(result));
        Assert.Contains(FindingKind.ReceiptReissued, Kinds(result));
    }

    [Fact]
    public void Audit_SupplementAfterThreeWorkingDays_SupplementOutOfTimeAndTheTrueClockRunsOn()
    {
        // Counting started 03/03 09:00: the window closed 06/03 09:00. The late request restarts the paper's clock
        // (new appointment 17/03 09:00) but not the true one: the result on 14/03 is 32 working hours late.
        var result = Register().ToDepartment()
            .Do(d => d.RequestSupplement("Thiếu giấy", "Giấy xác nhận", A("2025-03-07 10:00")))
            .Do(d => d.ReceiveSupplement(A("2025-03-10 09:00"), Calculator, OfficeHours.Default))
            .Result("2025-03-14 09:00").Audit();

        Assert.Equal([FindingKind.LateAgainstStatute, FindingKind.ApologyMissing, FindingKind.SupplementOutOfTime], result.Findings.Select(f => f.Kind).Order());
        Assert.Equal(9 * 60, result.Findings.Single(f => f.Kind == FindingKind.SupplementOutOfTime).LateMinutes);
        Assert.Equal(T("2025-03-10 09:00"), result.StatutoryDueAt);
        Assert.Equal(TrueOutcome.Late, result.Outcome);
        Assert.True(result.PaperOnTime);
        Assert.True(result.PaperDiffersFromTruth);
    }

    [Fact]
    public void Audit_SecondSupplementRequest_RepeatedSupplement()
    {
        var result = Register().ToDepartment()
            .Do(d => d.RequestSupplement("Thiếu giấy", "Giấy xác nhận", A("2025-03-04 09:00")))
            .Do(d => d.ReceiveSupplement(A("2025-03-05 09:00"), Calculator, OfficeHours.Default))
            .Do(d => d.RequestSupplement("Thiếu bản vẽ", "Bản vẽ", A("2025-03-06 09:00")))
            .Do(d => d.ReceiveSupplement(A("2025-03-07 09:00"), Calculator, OfficeHours.Default))
            .Result("2025-03-12 09:00").Audit();

        Assert.Equal([FindingKind.RepeatedSupplement], Kinds(result));
        Assert.Equal(0, result.Index3);
    }

    [Fact]
    public void Audit_ResultBackdatedAcrossTheDue_BackdatedAndLate()
    {
        var result = Register().ToDepartment().Result("2025-03-11 10:00", declared: "2025-03-07 16:00").Audit();

        Assert.Equal([FindingKind.LateAgainstStatute, FindingKind.ApologyMissing, FindingKind.Backdated], Kinds(result));
        var backdated = result.Findings.Single(f => f.Kind == FindingKind.Backdated);
        Assert.Equal(T("2025-03-07 16:00"), backdated.Events[0].OccurredAt);
        Assert.Equal(T("2025-03-11 10:00"), backdated.Events[0].RecordedAt);
        Assert.True(result.PaperOnTime);
        Assert.Equal(TrueOutcome.Late, result.Outcome);
    }

    [Fact]
    public void Audit_ResultBackdatedWithinTolerance_NoFinding()
    {
        // Paper reached the system 1 h 15 min after the result: within the 4 h tolerance, the declared time holds.
        var result = Register().ToDepartment().Result("2025-03-10 10:00", declared: "2025-03-10 08:45").Audit();

        Assert.Empty(result.Findings);
        Assert.Equal(TrueOutcome.OnTime, result.Outcome);
    }

    [Fact]
    public void Audit_BackdatingBeyondToleranceThatChangesNothing_NotBackdated()
    {
        var result = Register().ToDepartment().Result("2025-03-06 16:00", declared: "2025-03-05 08:00").Audit();

        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Audit_VisitAtAppointmentWithoutResult_ResultNotThere()
    {
        var result = Register().ToDepartment()
            .Do(d => d.LogVisit("Công dân đến nhận", A("2025-03-10 09:00")))
            .Result("2025-03-10 11:00", declared: "2025-03-10 08:30").Audit();

        // The result's declared time is within tolerance and before the due, but the visit proves it was not there.
        var finding = Assert.Single(result.Findings);
        Assert.Equal(FindingKind.ResultNotThere, finding.Kind);
        Assert.Equal([DossierEventKind.VisitLogged, DossierEventKind.ResultReady], finding.Events.Select(e => e.Kind).ToArray());
    }

    [Fact]
    public void Audit_VisitBeforeAppointment_NoFinding()
    {
        var result = Register().ToDepartment()
            .Do(d => d.LogVisit("Hỏi tiến độ", A("2025-03-06 09:00")))
            .Result("2025-03-07 09:00").Audit();

        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Audit_VisitAfterTheOldAppointmentWhileSupplementAwaited_NoFinding()
    {
        var result = Register().ToDepartment()
            .Do(d => d.RequestSupplement("Thiếu giấy xác nhận", "Giấy xác nhận tình trạng hôn nhân", A("2025-03-04 09:00")))
            .Do(d => d.LogVisit("Công dân mang giấy tờ bổ sung", A("2025-03-12 08:50")))
            .Do(d => d.ReceiveSupplement(A("2025-03-12 09:00"), Calculator, OfficeHours.Default))
            .Result("2025-03-19 08:00").Audit();

        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Audit_EditedEvent_LedgerTampered()
    {
        var result = Register().ToDepartment().Result("2025-03-07 09:00")
            .Forge(2, EventDetails.Of(("from", "Bộ phận Một cửa"), ("to", "Phòng khác")))
            .Audit();

        var finding = Assert.Single(result.Findings);
        Assert.Equal(FindingKind.LedgerTampered, finding.Kind);
    }

    [Fact]
    public void Audit_RefusedAfterDue_LateAgainstStatute()
    {
        var result = Register().ToDepartment()
            .Apology("2025-03-05 09:00", "2025-03-05 10:00", "2025-03-12 17:00")
            .Do(d => d.Refuse("Không đủ điều kiện", A("2025-03-11 09:00"))).Audit();

        Assert.Equal([FindingKind.LateAgainstStatute], Kinds(result));
        Assert.Equal(TrueOutcome.Refused, result.Outcome);
    }

    [Fact]
    public void Audit_StoppedAfterDue_StoppedAfterDue()
    {
        var result = Register().ToDepartment().Do(d => d.Stop("Công dân rút yêu cầu", A("2025-03-12 09:00"))).Audit();

        var finding = Assert.Single(result.Findings);
        Assert.Equal(FindingKind.StoppedAfterDue, finding.Kind);
        Assert.Equal(16 * 60, finding.LateMinutes);
        Assert.Equal([DossierEventKind.Registered, DossierEventKind.Stopped], finding.Events.Select(e => e.Kind));
        Assert.Equal(TrueOutcome.Stopped, result.Outcome);
    }

    [Fact]
    public void Audit_StoppedBeforeDue_NoFinding()
    {
        var result = Register().ToDepartment().Do(d => d.Stop("Công dân rút yêu cầu", A("2025-03-07 09:00"))).Audit();

        Assert.Empty(result.Findings);
        Assert.Equal(TrueOutcome.Stopped, result.Outcome);
    }

    [Fact]
    public void Audit_SameLedgerTwice_SameFindings()
    {
        var scenario = Register().ToDepartment()
            .Do(d => d.ReissueReceipt(T("2025-03-14 17:00"), "In lại", A("2025-03-04 09:00")))
            .Result("2025-03-13 10:00", declared: "2025-03-07 10:00");

        static string Text(AuditResult r) => string.Join("\n", r.Findings.Select(f =>
            $"{f.Kind}|{f.LateMinutes}|{f.StatutoryDueAt}|{string.Join(",", f.Events.Select(e => e.Sequence))}|{f.ExplanationVi}|{f.ExplanationEn}"));

        Assert.Equal(Text(scenario.Audit()), Text(scenario.Audit()));
        Assert.NotEmpty(scenario.Audit().Findings);
    }

    [Fact]
    public void Audit_LargerTolerance_DeclaredTimeBelieved()
    {
        var settings = new AuditSettings { BackdatingToleranceMinutes = 8 * 60 * 5 };
        var result = Register().ToDepartment().Result("2025-03-11 10:00", declared: "2025-03-07 16:00").Audit(settings: settings);

        Assert.Empty(result.Findings);
        Assert.Equal(TrueOutcome.Early, result.Outcome);
    }
}
