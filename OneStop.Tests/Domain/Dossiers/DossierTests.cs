using NodaTime;
using OneStop.Calendar;
using OneStop.Deadlines;
using OneStop.Dossiers;
using static OneStop.Tests.Domain.Lateness.AuditScenario;

namespace OneStop.Tests.Domain.Dossiers;

/// <summary>
/// <see cref="Dossier"/>'s rules tested on the entity itself: each named method checks its rule and records one
/// event whose details replay into the row (<see cref="DossierProjection"/>).
/// </summary>
public sealed class DossierTests
{
    private static readonly OfficeHours Hours = OfficeHours.Default;

    private static Dossier Registered(ProcessingTime? window = null)
    {
        var registration = new DossierRegistration(
            "000.00.12.H99-250303-0001", 1, Guid.NewGuid(), Guid.NewGuid(), new ProcessingTime(5, DurationUnit.WorkingDays),
            CountingMode.WorkingHours, Channel.Counter, new Person("Nguyễn Văn A", null, null, null, null), null, [], SupplementWindow: window);
        return Dossier.Register(registration, A("2025-03-03 09:00"), Calculator, Hours);
    }

    private static Dossier AtDepartment()
    {
        var dossier = Registered();
        dossier.HandOver("Phòng Tư pháp", "motcua", "chuyenvien", 16, A("2025-03-03 10:00"), Calculator, Hours);
        return dossier;
    }

    private static string RuleOf(Action action) => Assert.Throws<DossierRuleException>(action).Code;

    [Fact]
    public void Register_Accepted_DueAndAppointmentFromAcceptanceAndOneEventRecordingItsRules()
    {
        var dossier = Registered(new ProcessingTime(16, DurationUnit.WorkingHours));

        Assert.Equal(DossierStatus.Received, dossier.Status);
        Assert.Equal(T("2025-03-10 09:00"), dossier.StatutoryDueAt);
        Assert.Equal(dossier.StatutoryDueAt, dossier.AppointmentAt);
        var e = Assert.Single(dossier.PendingEvents);
        var details = EventDetails.Read(e.Details);
        Assert.Equal("07:30-11:30,13:00-17:00;15:00", details["officeHours"]);
        Assert.Equal(WorkingCalendar.SeedRevision, details["calendarRevision"]);
        Assert.Equal("16 WorkingHours", details["supplementWindow"]);
        Assert.Equal("5", details["processingAmount"]);
    }

    [Fact]
    public void Register_WithoutWindow_RecordsThreeWorkingDays() =>
        Assert.Equal("3 WorkingDays", EventDetails.Read(Registered().PendingEvents[0].Details)["supplementWindow"]);

    [Fact]
    public void HandOver_ToDepartment_InProcessWithTheStepsDue()
    {
        var dossier = AtDepartment();

        Assert.Equal(DossierStatus.InProcess, dossier.Status);
        Assert.Equal("Phòng Tư pháp", dossier.CurrentUnit);
        Assert.Equal(T("2025-03-05 10:00"), dossier.StepDueAt);
    }

    [Fact]
    public void HandOver_AfterResult_HandoverNotInProcess()
    {
        var dossier = AtDepartment();
        dossier.MarkResultReady(null, A("2025-03-05 10:00"));

        Assert.Equal(DossierRules.HandoverNotInProcess, RuleOf(() => dossier.HandOver("Phòng khác", "a", "b", null, A("2025-03-05 11:00"), Calculator, Hours)));
    }

    [Fact]
    public void RequestSupplement_AtTheDesk_SupplementNotAtDepartment() =>
        Assert.Equal(DossierRules.SupplementNotAtDepartment, RuleOf(() => Registered().RequestSupplement("Thiếu giấy", "", A("2025-03-03 10:00"))));

    [Fact]
    public void ReceiveSupplement_NoneRequested_SupplementNotRequested() =>
        Assert.Equal(DossierRules.SupplementNotRequested, RuleOf(() => AtDepartment().ReceiveSupplement(A("2025-03-04 10:00"), Calculator, Hours)));

    [Fact]
    public void ReceiveSupplement_AfterRequest_DueRestartsFromZeroAndAppointmentFollows()
    {
        var dossier = AtDepartment();
        dossier.RequestSupplement("Thiếu giấy", "Giấy xác nhận", A("2025-03-04 09:00"));
        Assert.Equal(DossierStatus.AwaitingSupplement, dossier.Status);

        dossier.ReceiveSupplement(A("2025-03-12 09:00"), Calculator, Hours);

        Assert.Equal(DossierStatus.InProcess, dossier.Status);
        Assert.Equal(T("2025-03-19 09:00"), dossier.StatutoryDueAt);
        Assert.Equal(T("2025-03-19 09:00"), dossier.AppointmentAt);
        Assert.Equal(0, dossier.Reschedulings);
    }

    [Fact]
    public void ApproveApology_NotTheHead_ApologyNeedsHead()
    {
        var dossier = AtDepartment();
        var apology = dossier.RequestApology("Cần xác minh", T("2025-03-12 17:00"), A("2025-03-06 09:00"));

        Assert.Equal(DossierRules.ApologyNeedsHead, RuleOf(() => dossier.ApproveApology(apology.Id, false, A("2025-03-06 10:00"))));
    }

    [Fact]
    public void ApproveApology_ByTheHead_AppointmentMovesOnceStatutoryDueStays()
    {
        var dossier = AtDepartment();
        var apology = dossier.RequestApology("Cần xác minh", T("2025-03-12 17:00"), A("2025-03-06 09:00"));

        dossier.ApproveApology(apology.Id, true, A("2025-03-06 10:00"));

        Assert.Equal(T("2025-03-12 17:00"), dossier.AppointmentAt);
        Assert.Equal(T("2025-03-10 09:00"), dossier.StatutoryDueAt);
        Assert.Equal(DossierRules.ApologyNotPending, RuleOf(() => dossier.ApproveApology(apology.Id, true, A("2025-03-06 11:00"))));
        Assert.Equal(DossierRules.AppointmentAlreadyMoved, RuleOf(() => dossier.ReissueReceipt(T("2025-03-14 17:00"), "Hẹn lại", A("2025-03-07 09:00"))));
    }

    [Fact]
    public void ReissueReceipt_SameAppointment_NoRescheduling()
    {
        var dossier = AtDepartment();

        dossier.ReissueReceipt(null, "Công dân làm mất giấy", A("2025-03-04 09:00"));

        Assert.Equal(0, dossier.Reschedulings);
        Assert.Equal(2, dossier.Receipts.Count);
    }

    [Fact]
    public void MarkResultReady_AwaitingSupplement_ResultNotInProcess()
    {
        var dossier = AtDepartment();
        dossier.RequestSupplement("Thiếu giấy", "", A("2025-03-04 09:00"));

        Assert.Equal(DossierRules.ResultNotInProcess, RuleOf(() => dossier.MarkResultReady(null, A("2025-03-05 09:00"))));
    }

    [Fact]
    public void Return_BeforeResult_ReturnBeforeResult() =>
        Assert.Equal(DossierRules.ReturnBeforeResult, RuleOf(() => AtDepartment().Return(null, A("2025-03-05 09:00"))));

    [Fact]
    public void StopAndRefuse_AfterResult_Refused()
    {
        var dossier = AtDepartment();
        dossier.MarkResultReady(null, A("2025-03-05 09:00"));

        Assert.Equal(DossierRules.StopAfterResult, RuleOf(() => dossier.Stop("Xin dừng", A("2025-03-05 10:00"))));
        Assert.Equal(DossierRules.RefusalAfterResult, RuleOf(() => dossier.Refuse("Không đủ điều kiện", A("2025-03-05 10:00"))));
    }

    [Fact]
    public void AnyAction_AfterReturn_Closed()
    {
        var dossier = AtDepartment();
        dossier.MarkResultReady(null, A("2025-03-05 09:00"));
        dossier.Return(null, A("2025-03-05 10:00"));

        Assert.Equal(DossierRules.Closed, RuleOf(() => dossier.LogVisit("Công dân hỏi", A("2025-03-06 10:00"))));
    }

    [Fact]
    public void Action_DeclaredAfterRecordedOrBeforeAcceptance_Refused()
    {
        var dossier = AtDepartment();

        Assert.Throws<ArgumentOutOfRangeException>(() => dossier.LogVisit(null, new DossierAction("motcua", T("2025-03-04 09:00"), T("2025-03-04 10:00"))));
        Assert.Throws<ArgumentOutOfRangeException>(() => dossier.LogVisit(null, A("2025-03-04 09:00", declared: "2025-03-03 08:00")));
    }

    [Fact]
    public void Restate_CalendarWithAnotherDayOff_NewDueAndAnEventRecordingTheRules()
    {
        var dossier = AtDepartment();
        var notice = new CalendarNotice("2025-test", 2025, [], "Thông báo thử", "Nghỉ thử", [new LocalDate(2025, 3, 5)], []);
        var calendar = WorkingCalendar.Build(CalendarNoticeFile.LoadSeed().Append(notice), "2025-03-04T00:00:00Z");

        Assert.True(dossier.Restate(A("2025-03-04 09:00"), new DeadlineCalculator(calendar), Hours));

        Assert.Equal(T("2025-03-11 09:00"), dossier.StatutoryDueAt);
        var details = EventDetails.Read(dossier.PendingEvents[^1].Details);
        Assert.Equal("2025-03-04T00:00:00Z", details["calendarRevision"]);
        Assert.False(dossier.Restate(A("2025-03-04 10:00"), new DeadlineCalculator(calendar), Hours));
    }

    [Fact]
    public void TakePendingEvents_SealedUnderTheCurrentKey_ChainVerifiesAndRowIsTheHead()
    {
        var dossier = AtDepartment();

        var events = dossier.TakePendingEvents(TestLedgerKeys.Ring);

        Assert.All(events, e => Assert.Equal("test", e.KeyId));
        Assert.Null(LedgerHash.FirstBroken(dossier.Id, events, TestLedgerKeys.Ring));
        Assert.Equal(events[^1].Hash, dossier.LastEventHash);
        Assert.Empty(dossier.PendingEvents);
    }

    [Fact]
    public void Replay_WholeLife_EqualsTheRow()
    {
        var dossier = AtDepartment();
        var events = new List<DossierEvent>(dossier.TakePendingEvents(TestLedgerKeys.Ring));
        dossier.RequestSupplement("Thiếu giấy", "Giấy xác nhận", A("2025-03-04 09:00"));
        dossier.ReceiveSupplement(A("2025-03-05 09:00"), Calculator, Hours);
        var apology = dossier.RequestApology("Cần xác minh", T("2025-03-14 17:00"), A("2025-03-06 09:00"));
        dossier.ApproveApology(apology.Id, true, A("2025-03-06 10:00"));
        dossier.MoveSla(OneStop.Sla.SlaState.DueSoon, A("2025-03-11 09:00"));
        dossier.MarkResultReady(null, A("2025-03-12 09:00"));
        dossier.LogVisit("Công dân đến nhận", A("2025-03-12 10:00"));
        dossier.Return("Nguyễn Văn A", A("2025-03-12 10:05"));
        events.AddRange(dossier.TakePendingEvents(TestLedgerKeys.Ring));

        Assert.Empty(DossierRow.Of(dossier).DifferencesFrom(DossierProjection.Replay(events)));
        Assert.True(LedgerVerification.Verify(dossier.Id, events, DossierRow.Of(dossier), null, TestLedgerKeys.Ring).Valid);
    }

    [Fact]
    public void Verify_EventsSealedBeforeAKeyRotation_StillVerifyWithTheNewRing()
    {
        var old = TestLedgerKeys.Ring;
        var rotated = new LedgerKeyRing([new("test", TestLedgerKeys.Key), new("k2", Enumerable.Repeat((byte)7, 32).ToArray())], "k2");
        var dossier = AtDepartment();
        var events = new List<DossierEvent>(dossier.TakePendingEvents(old));
        dossier.MarkResultReady(null, A("2025-03-05 09:00"));
        events.AddRange(dossier.TakePendingEvents(rotated));

        Assert.Equal(["test", "test", "k2"], events.Select(e => e.KeyId));
        Assert.Null(LedgerHash.FirstBroken(dossier.Id, events, rotated));
        Assert.NotNull(LedgerHash.FirstBroken(dossier.Id, events, old));
    }

    [Fact]
    public void Verify_CheckpointHeadRewritten_CheckpointMismatchCitesTheEvent()
    {
        var dossier = AtDepartment();
        var events = dossier.TakePendingEvents(TestLedgerKeys.Ring);

        var check = LedgerVerification.Verify(dossier.Id, events, null, new CheckpointHead(dossier.Id, dossier.Code, 2, "0000"), TestLedgerKeys.Ring);

        Assert.False(check.Valid);
        Assert.Same(events[1], check.Checkpoint!.Found);
    }

    [Fact]
    public void Checkpoint_SignedAndParsedBack_SignatureHoldsOnlyUntouched()
    {
        var heads = new[] { new CheckpointHead(Guid.NewGuid(), "X-1", 3, "abc") };
        var checkpoint = LedgerCheckpoint.Create(T("2025-03-03 12:00"), heads, null, TestLedgerKeys.Ring);

        var parsed = LedgerCheckpoint.Parse(checkpoint.ToJson());

        Assert.True(parsed.SignatureHolds(TestLedgerKeys.Ring));
        Assert.False((parsed with { Heads = [heads[0] with { Count = 4 }] }).SignatureHolds(TestLedgerKeys.Ring));
    }
}
