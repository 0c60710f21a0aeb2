using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Persistence;
using OneStop.Tests.Api.Dossiers;
using static OneStop.Tests.Api.Lateness.AuditJson;

namespace OneStop.Tests.Api.Lateness;

/// <summary>
/// Issue 5's scenarios, built only through the JSON endpoints and judged by <c>GET /api/dossiers/{code}/lateness</c>:
/// a scenario for every finding kind the API can produce, and the clean dossiers that must show no finding other
/// than the lateness they really have (a false alarm is a defect just as a miss is).
/// </summary>
/// <remarks>
/// <para>Every dossier is "Đăng ký kết hôn" (5 working days) received at Đống Đa on Monday 03/03/2025 09:00 and
/// handed to a department at 10:00: the statutory due is Monday 10/03/2025 09:00. The factory's clock is moved to
/// each step's time (the recorded time); <c>occurredAt</c> declares an earlier time where a scenario backdates.</para>
/// <para><c>SecondRescheduling</c> cannot be produced through the API: after one approved apology or one re-issue with
/// another appointment, any further move answers 409 <c>appointment-already-moved</c>
/// (<see cref="SecondMove_AfterApprovedApology_RefusedAndNoSecondRescheduling"/> checks that). Its detection is
/// tested on a ledger written straight through the domain (<c>LatenessAuditTests.Audit_AppointmentMovedTwice_SecondRescheduling</c>).
/// <c>LedgerTampered</c> needs a write outside the system: raw SQL on the events table.</para>
/// </remarks>
public sealed class LatenessScenarioTests(OneStopApiFactory factory) : IClassFixture<OneStopApiFactory>
{
    private const string Department = "Công chức tư pháp - hộ tịch";

    [Fact]
    public async Task Audit_EarlyResultReturned_NoFinding()
    {
        var code = await ReceivedAsync();
        await ActAsync("chuyenvien", code, "result", "2025-03-05 10:00");
        await ActAsync("motcua", code, "return", "2025-03-05 14:00");

        var audit = await AuditAsync(code);

        Assert.Empty(Kinds(audit));
        Assert.Equal("Early", audit.GetProperty("outcome").GetString());
        Assert.True(audit.GetProperty("paperOnTime").GetBoolean());
        Assert.True(audit.GetProperty("trueOnTime").GetBoolean());
        Assert.Equal(Iso("2025-03-10 09:00"), audit.GetProperty("statutoryDueAt").GetString());
    }

    [Fact]
    public async Task Audit_ResultAtTheDueMinuteAndCitizenAtTheAppointment_NoFinding()
    {
        var code = await ReceivedAsync();
        await ActAsync("chuyenvien", code, "result", "2025-03-10 09:00");
        await ActAsync("motcua", code, "visits", "2025-03-10 09:20", new { note = "Công dân đến nhận kết quả" });
        await ActAsync("motcua", code, "return", "2025-03-10 09:30");

        var audit = await AuditAsync(code);

        Assert.Empty(Kinds(audit));
        Assert.Equal("OnTime", audit.GetProperty("outcome").GetString());
        Assert.Equal(0, audit.GetProperty("lateMinutes").GetInt64());
    }

    [Fact]
    public async Task Audit_OnTimeAfterLegitimateSupplementRestart_NoFinding()
    {
        // Asked on day 2 (inside the 3-working-day window); the citizen comes back with the paper on 12/03, after the
        // first appointment: the clock had stopped, so neither that visit nor the old due is held against anyone.
        var code = await ReceivedAsync();
        await ActAsync("chuyenvien", code, "supplement-requests", "2025-03-04 09:00", new { reason = "Thiếu giấy xác nhận", missingDocuments = "Giấy xác nhận tình trạng hôn nhân" });
        await ActAsync("motcua", code, "visits", "2025-03-12 08:50", new { note = "Công dân mang giấy tờ bổ sung" });
        await ActAsync("motcua", code, "supplements", "2025-03-12 09:00");
        await ActAsync("chuyenvien", code, "result", "2025-03-19 08:00");
        await ActAsync("motcua", code, "return", "2025-03-19 10:00");

        var audit = await AuditAsync(code);

        Assert.Empty(Kinds(audit));
        Assert.Equal("OnTime", audit.GetProperty("outcome").GetString());
        Assert.Equal(Iso("2025-03-19 09:00"), audit.GetProperty("statutoryDueAt").GetString());
        Assert.Equal(1, audit.GetProperty("index3").GetInt32());
    }

    [Fact]
    public async Task Audit_LateWithTimelyApprovedApology_OnlyLateAgainstStatute()
    {
        var code = await ReceivedAsync();
        await ApologyAsync(code, "2025-03-06 09:00", "2025-03-06 10:00", "2025-03-12T17:00:00+07:00");
        await ActAsync("motcua", code, "visits", "2025-03-10 09:30", new { note = "Công dân đến theo giấy hẹn cũ" });
        await ActAsync("chuyenvien", code, "result", "2025-03-12 10:00");
        await ActAsync("motcua", code, "return", "2025-03-12 17:00");

        var audit = await AuditAsync(code);

        Assert.Equal(["LateAgainstStatute"], Kinds(audit));
        Assert.Equal(17 * 60, audit.GetProperty("lateMinutes").GetInt64()); // 10/03 09:00 -> 12/03 10:00
        Assert.Equal(Department, audit.GetProperty("responsibleUnit").GetString());
        Assert.True(audit.GetProperty("paperOnTime").GetBoolean());
    }

    [Fact]
    public async Task Audit_LateWithoutApology_LateAgainstStatuteAndApologyMissing()
    {
        var code = await ReceivedAsync();
        await ActAsync("chuyenvien", code, "result", "2025-03-11 09:00");

        var audit = await AuditAsync(code);

        Assert.Equal(["ApologyMissing", "LateAgainstStatute"], Kinds(audit));
        var late = Finding(audit, "LateAgainstStatute");
        Assert.Equal(8 * 60, late.GetProperty("lateMinutes").GetInt64());
        Assert.Equal(Iso("2025-03-10 09:00"), late.GetProperty("statutoryDueAt").GetString());
        Assert.Equal("ResultReady", Assert.Single(late.GetProperty("events").EnumerateArray()).GetProperty("kind").GetString());
        Assert.False(audit.GetProperty("paperOnTime").GetBoolean());
    }

    [Fact]
    public async Task Audit_RefusedAfterTheDue_LateAgainstStatuteAndApologyMissing()
    {
        var code = await ReceivedAsync();
        await ActAsync("lanhdao", code, "refusal", "2025-03-12 09:00", new { reason = "Không đủ điều kiện đăng ký kết hôn" });

        var audit = await AuditAsync(code);

        Assert.Equal(["ApologyMissing", "LateAgainstStatute"], Kinds(audit));
        Assert.Equal("Refused", audit.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Audit_OpenPastTheDue_ApologyMissing()
    {
        var code = await ReceivedAsync();
        factory.Clock.Reset(T("2025-03-10 10:00"));

        var audit = await AuditAsync(code);

        Assert.Equal(["ApologyMissing"], Kinds(audit));
        Assert.Equal("Open", audit.GetProperty("outcome").GetString());
        Assert.Equal(60, audit.GetProperty("lateMinutes").GetInt64());
    }

    [Fact]
    public async Task Audit_ReceiptReissuedWithLaterAppointmentThenResultInTime_ReissueAndAppointmentBeyondStatute()
    {
        // On time after all, but the second receipt promised the citizen a day beyond the law without an apology.
        var code = await ReceivedAsync();
        await ActAsync("motcua", code, "receipts", "2025-03-04 09:00", new { reason = "Công dân làm mất giấy", appointmentAt = "2025-03-14T17:00:00+07:00" });
        await ActAsync("chuyenvien", code, "result", "2025-03-07 10:00");

        var audit = await AuditAsync(code);

        Assert.Equal(["AppointmentBeyondStatute", "ReceiptReissued"], Kinds(audit));
        Assert.Equal("Early", audit.GetProperty("outcome").GetString());
        var beyond = Finding(audit, "AppointmentBeyondStatute");
        Assert.Equal(("ReceiptReissued", 3), Cited(beyond).Single());
        Assert.Equal((6 * 60) + 30 + (4 * 8 * 60), beyond.GetProperty("lateMinutes").GetInt64()); // 10/03 09:00 -> 14/03 17:00
    }

    [Fact]
    public async Task Audit_ReissueWithTheApprovedApologysAppointment_OnlyLateAgainstStatute()
    {
        var code = await ReceivedAsync();
        await ApologyAsync(code, "2025-03-06 09:00", "2025-03-06 10:00", "2025-03-12T17:00:00+07:00");
        await ActAsync("motcua", code, "receipts", "2025-03-06 11:00", new { reason = "In lại giấy hẹn theo phiếu xin lỗi" });
        await ActAsync("chuyenvien", code, "result", "2025-03-12 10:00");

        var audit = await AuditAsync(code);

        Assert.Equal(["LateAgainstStatute"], Kinds(audit));
    }

    [Fact]
    public async Task Audit_ApologyApprovedLessThanOneWorkingDayBefore_ApologyLate()
    {
        var code = await ReceivedAsync();
        await ApologyAsync(code, "2025-03-07 16:00", "2025-03-10 08:00", "2025-03-12T17:00:00+07:00");
        await ActAsync("chuyenvien", code, "result", "2025-03-11 10:00");

        var audit = await AuditAsync(code);

        Assert.Equal(["ApologyLate", "LateAgainstStatute"], Kinds(audit));
        var late = Finding(audit, "ApologyLate");
        Assert.Equal(7 * 60, late.GetProperty("lateMinutes").GetInt64()); // approved 1 h before the due: 7 h short of the 8 h lead
        Assert.Equal(("ApologyApproved", 4), Cited(late).Single());
        Assert.True(audit.GetProperty("paperOnTime").GetBoolean());
    }

    [Fact]
    public async Task Audit_SupplementRequestedAfterThreeWorkingDays_SupplementOutOfTimeAndTrulyLate()
    {
        // Counting started 03/03 09:00: the window closed 06/03 09:00. The paper restarts on 10/03 (appointment 17/03
        // 09:00); the true clock does not (domain rule 5): the result on 14/03 09:00 is 32 working hours late.
        var code = await ReceivedAsync();
        await ActAsync("chuyenvien", code, "supplement-requests", "2025-03-07 10:00", new { reason = "Thiếu giấy", missingDocuments = "Giấy xác nhận" });
        await ActAsync("motcua", code, "supplements", "2025-03-10 09:00");
        await ActAsync("chuyenvien", code, "result", "2025-03-14 09:00");

        var audit = await AuditAsync(code);

        Assert.Equal(["ApologyMissing", "LateAgainstStatute", "SupplementOutOfTime"], Kinds(audit));
        Assert.Equal(9 * 60, Finding(audit, "SupplementOutOfTime").GetProperty("lateMinutes").GetInt64());
        Assert.Equal(Iso("2025-03-10 09:00"), audit.GetProperty("statutoryDueAt").GetString());
        Assert.Equal(32 * 60, audit.GetProperty("lateMinutes").GetInt64());
        Assert.True(audit.GetProperty("paperOnTime").GetBoolean());
        Assert.False(audit.GetProperty("trueOnTime").GetBoolean());
    }

    [Fact]
    public async Task Audit_SecondSupplementRequest_RepeatedSupplement()
    {
        var code = await ReceivedAsync();
        await ActAsync("chuyenvien", code, "supplement-requests", "2025-03-04 09:00", new { reason = "Thiếu giấy", missingDocuments = "Giấy xác nhận" });
        await ActAsync("motcua", code, "supplements", "2025-03-05 09:00");
        await ActAsync("chuyenvien", code, "supplement-requests", "2025-03-06 09:00", new { reason = "Thiếu bản sao", missingDocuments = "Bản sao CCCD" });
        await ActAsync("motcua", code, "supplements", "2025-03-07 09:00");
        await ActAsync("chuyenvien", code, "result", "2025-03-12 09:00");

        var audit = await AuditAsync(code);

        Assert.Equal(["RepeatedSupplement"], Kinds(audit));
        Assert.Equal([("SupplementRequested", 3), ("SupplementRequested", 5)], Cited(Finding(audit, "RepeatedSupplement")));
        Assert.Equal(0, audit.GetProperty("index3").GetInt32());
    }

    [Fact]
    public async Task Audit_ResultBackdatedAcrossTheDue_BackdatedAndLate()
    {
        var code = await ReceivedAsync();
        await ActAsync("chuyenvien", code, "result", "2025-03-11 10:00", new { occurredAt = Iso("2025-03-07 16:00") });

        var audit = await AuditAsync(code);

        Assert.Equal(["ApologyMissing", "Backdated", "LateAgainstStatute"], Kinds(audit));
        var evidence = Finding(audit, "Backdated").GetProperty("events")[0];
        Assert.Equal(Iso("2025-03-07 16:00"), evidence.GetProperty("occurredAt").GetString());
        Assert.Equal(Iso("2025-03-11 10:00"), evidence.GetProperty("recordedAt").GetString());
        Assert.True(audit.GetProperty("paperOnTime").GetBoolean());
        Assert.False(audit.GetProperty("trueOnTime").GetBoolean());
    }

    [Fact]
    public async Task Audit_ResultDeclaredWithinTheTolerance_NoFinding()
    {
        // The paper reached the system 1 h 15 min after the result was signed: within the 4-hour tolerance.
        var code = await ReceivedAsync();
        await ActAsync("chuyenvien", code, "result", "2025-03-10 10:00", new { occurredAt = Iso("2025-03-10 08:45") });

        var audit = await AuditAsync(code);

        Assert.Empty(Kinds(audit));
        Assert.True(audit.GetProperty("trueOnTime").GetBoolean());
    }

    [Fact]
    public async Task Audit_CitizenAtTheAppointmentWithNoResult_ResultNotThere()
    {
        var code = await ReceivedAsync();
        await ActAsync("motcua", code, "visits", "2025-03-10 10:00", new { note = "Công dân đến nhận, chưa có kết quả" });
        await ActAsync("chuyenvien", code, "result", "2025-03-10 14:00");

        var audit = await AuditAsync(code);

        Assert.Equal(["ApologyMissing", "LateAgainstStatute", "ResultNotThere"], Kinds(audit));
        Assert.Equal(("VisitLogged", 3), Cited(Finding(audit, "ResultNotThere")).Single());
    }

    [Fact]
    public async Task Audit_ResultDeclaredBeforeAVisitThatFoundNone_ResultNotThereCitesBoth()
    {
        // The declared time is within the tolerance, so the result passes as on time; only the visit logged in between
        // (the citizen was sent away) shows that it was not there.
        var code = await ReceivedAsync();
        await ActAsync("motcua", code, "visits", "2025-03-10 09:30", new { note = "Công dân đến nhận, chưa có kết quả" });
        await ActAsync("chuyenvien", code, "result", "2025-03-10 11:00", new { occurredAt = Iso("2025-03-10 08:30") });

        var audit = await AuditAsync(code);

        Assert.Equal(["ResultNotThere"], Kinds(audit));
        Assert.Equal([("VisitLogged", 3), ("ResultReady", 4)], Cited(Finding(audit, "ResultNotThere")));
    }

    [Fact]
    public async Task Audit_ResultEventDeletedInDatabase_LedgerTampered()
    {
        // The late result is removed outside the system to hide it: the chain still verifies, the row's count does not.
        var code = await ReceivedAsync();
        await ActAsync("chuyenvien", code, "result", "2025-03-11 09:00");
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var id = await db.Dossiers.Where(d => d.Code == code).Select(d => d.Id).SingleAsync();
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"DossierEvents\" WHERE \"DossierId\" = {0} AND \"Sequence\" = 3", id);
        }

        var audit = await AuditAsync(code);

        Assert.Contains("LedgerTampered", Kinds(audit));
    }

    [Fact]
    public async Task Audit_EventTimeEditedInDatabase_LedgerTampered()
    {
        var code = await ReceivedAsync();
        await ActAsync("chuyenvien", code, "result", "2025-03-11 09:00");
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var id = await db.Dossiers.Where(d => d.Code == code).Select(d => d.Id).SingleAsync();
            var rows = await db.Database.ExecuteSqlRawAsync(
                "UPDATE \"DossierEvents\" SET \"OccurredAt\" = (SELECT \"OccurredAt\" FROM \"DossierEvents\" WHERE \"DossierId\" = {0} AND \"Sequence\" = 2) WHERE \"DossierId\" = {0} AND \"Sequence\" = 3", id);
            Assert.Equal(1, rows);
        }

        var audit = await AuditAsync(code);

        var tampered = Finding(audit, "LedgerTampered");
        Assert.Equal(("ResultReady", 3), Cited(tampered).Single());
    }

    [Fact]
    public async Task SecondMove_AfterApprovedApology_RefusedAndNoSecondRescheduling()
    {
        var code = await ReceivedAsync();
        await ApologyAsync(code, "2025-03-06 09:00", "2025-03-06 10:00", "2025-03-12T17:00:00+07:00");
        factory.Clock.Reset(T("2025-03-12 08:00"));
        var clerk = await factory.ClientForAsync("motcua");

        using var response = await DossierApi.PostAsync(clerk, code, "receipts", new { reason = "Hẹn lại lần hai", appointmentAt = "2025-03-14T17:00:00+07:00" });

        await DossierApi.AssertRuleAsync(response, "appointment-already-moved");
        Assert.DoesNotContain("SecondRescheduling", Kinds(await AuditAsync(code)));
    }

    /// <summary>A dossier received on Monday 03/03/2025 09:00 and handed to the department at 10:00; returns its code.</summary>
    private async Task<string> ReceivedAsync()
    {
        factory.Clock.Reset(T("2025-03-03 09:00"));
        var clerk = await factory.ClientForAsync("motcua");
        var code = await DossierApi.RegisterAsync(clerk);
        await ActAsync("motcua", code, "handovers", "2025-03-03 10:00", new { toUnit = Department, stepBudgetHours = 24 });
        return code;
    }

    /// <summary>Moves the clock to <paramref name="at"/> (office time) and posts the action as that user.</summary>
    private async Task ActAsync(string user, string code, string action, string at, object? body = null)
    {
        factory.Clock.Reset(T(at));
        var client = await factory.ClientForAsync(user);
        using var response = await DossierApi.PostAsync(client, code, action, body);
        Assert.True(response.IsSuccessStatusCode, $"{action} at {at}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>An officer drafts Form 04 at <paramref name="requested"/>; the head approves it at <paramref name="approved"/>.</summary>
    private async Task ApologyAsync(string code, string requested, string approved, string newAppointmentAt)
    {
        await ActAsync("chuyenvien", code, "apologies", requested, new { reason = "Cần xác minh thêm tại nơi cư trú", newAppointmentAt });
        var head = await factory.ClientForAsync("lanhdao");
        using var dossier = await DossierApi.GetAsync(head, $"/api/dossiers/{code}");
        var id = dossier.RootElement.GetProperty("apologies")[0].GetProperty("id").GetGuid();
        await ActAsync("lanhdao", code, $"apologies/{id}/approval", approved);
    }

    private async Task<JsonElement> AuditAsync(string code)
    {
        var supervisor = await factory.ClientForAsync("giamsat");
        using var response = await supervisor.GetAsync(new Uri($"/api/dossiers/{code}/lateness", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
