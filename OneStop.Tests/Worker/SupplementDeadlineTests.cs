using Microsoft.EntityFrameworkCore;
using OneStop.Calendar;
using OneStop.Dossiers;
using OneStop.Jobs.Sla;
using OneStop.Tests.Api.Dossiers;
using static OneStop.Tests.Api.Dossiers.DossierApi;

namespace OneStop.Tests.Worker;

/// <summary>
/// The citizen's time to bring a requested supplement (a procedure value, here 15 working days as in the 2025 decree
/// on interconnected online procedures, art. 6(4)(a)), under a fake clock: asked Tuesday 4 March 2025 09:00, it ends
/// Tuesday 25 March 09:00; the citizen is reminded 2 working days before, and then the dossier closes with a notice,
/// out of lateness statistics.
/// </summary>
public sealed class SupplementDeadlineTests : IDisposable
{
    private readonly WorkerApiFactory _factory = new();

    [Fact]
    public async Task Check_CitizenNeverBringsTheSupplement_RemindsThenClosesTheDossierWithANotice()
    {
        var code = await AwaitingSupplementAsync();
        var clerk = await _factory.ClientForAsync("motcua");
        using (var waiting = await GetAsync(clerk, "/api/dossiers/" + code))
        {
            Assert.Equal("2025-03-25T09:00:00+07:00", waiting.RootElement.GetProperty("supplementDueAt").GetString());
        }

        using (var anonymous = _factory.CreateClient())
        using (var shown = await GetAsync(anonymous, "/api/public/status/" + code))
        {
            Assert.Equal("2025-03-25T09:00:00+07:00", shown.RootElement.GetProperty("supplement").GetProperty("bringBy").GetString());
        }

        var job = _factory.Job<SlaCheckJob>();
        _factory.MoveClockTo(2025, 3, 20, 10, 0);
        await job.RunAsync(CancellationToken.None);
        Assert.DoesNotContain(await NoticesAsync(code), n => n.Kind == "SupplementReminder");

        _factory.MoveClockTo(2025, 3, 21, 10, 0);
        await job.RunAsync(CancellationToken.None);
        Assert.Contains(("SupplementReminder", "2025-03-25T09:00:00+07:00"), await NoticesAsync(code));
        Assert.Equal(DossierStatus.AwaitingSupplement, (await _factory.DossierAsync(code)).Status);

        _factory.MoveClockTo(2025, 3, 25, 8, 59);
        await job.RunAsync(CancellationToken.None);
        Assert.Equal(DossierStatus.AwaitingSupplement, (await _factory.DossierAsync(code)).Status);

        _factory.MoveClockTo(2025, 3, 25, 9, 5);
        await job.RunAsync(CancellationToken.None);
        await job.RunAsync(CancellationToken.None);

        var dossier = await _factory.DossierAsync(code);
        Assert.Equal(DossierStatus.Lapsed, dossier.Status);
        Assert.Equal("2025-03-25T09:00:01+07:00", OfficeTime.FormatIso(dossier.ClosedAt!.Value));
        var lapsed = Assert.Single(await _factory.EventsAsync(code, DossierEventKind.SupplementLapsed));
        Assert.Equal("2025-03-25T09:00:01+07:00", OfficeTime.FormatIso(lapsed.OccurredAt));
        Assert.Equal("2025-03-25T09:00:00+07:00", EventDetails.Read(lapsed.Details)["supplementDueAt"]);
        Assert.Equal(2, (await NoticesAsync(code)).Count(n => n.Kind == "Lapsed")); // one per channel: e-mail, SMS/Zalo
        using var verified = await GetAsync(clerk, $"/api/dossiers/{code}/verify");
        Assert.True(verified.RootElement.GetProperty("valid").GetBoolean());

        // Not agency lateness: the audit counts it out, like a stopped dossier, with no lateness finding.
        var supervisor = await _factory.ClientForAsync("giamsat");
        using var audit = await GetAsync(supervisor, $"/api/dossiers/{code}/lateness");
        Assert.Equal("Stopped", audit.RootElement.GetProperty("outcome").GetString());
        Assert.DoesNotContain(audit.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("kind").GetString() == "LateAgainstStatute");

        // Closed: nothing more is recorded.
        await AssertRuleAsync(await PostAsync(clerk, code, "supplements"), DossierRules.Closed);
    }

    [Fact]
    public async Task Check_SupplementBroughtInTime_NeitherRemindsNorCloses()
    {
        var code = await AwaitingSupplementAsync();
        var clerk = await _factory.ClientForAsync("motcua");
        _factory.MoveClockTo(2025, 3, 10, 9, 0);
        (await PostAsync(clerk, code, "supplements")).EnsureSuccessStatusCode();

        _factory.MoveClockTo(2025, 3, 26, 10, 0);
        await _factory.Job<SlaCheckJob>().RunAsync(CancellationToken.None);

        var dossier = await _factory.DossierAsync(code);
        Assert.NotEqual(DossierStatus.Lapsed, dossier.Status);
        Assert.Null(dossier.SupplementDueAt);
        Assert.DoesNotContain(await NoticesAsync(code), n => n.Kind is "SupplementReminder" or "Lapsed");
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>A 5-working-day procedure giving the citizen 15 working days; registered Monday 3 March, supplement asked Tuesday 09:00.</summary>
    private async Task<string> AwaitingSupplementAsync()
    {
        _factory.MoveClockTo(2025, 3, 3, 9, 0);
        var admin = await _factory.ClientForAsync("admin");
        var clerk = await _factory.ClientForAsync("motcua");
        var officer = await _factory.ClientForAsync("chuyenvien");
        var procedure = await ProcedureRulesTests.ProcedureAsync(
            admin, new { amount = 5, unit = "WorkingDays" }, citizenSupplementTime: new { amount = 15, unit = "WorkingDays" });
        var code = await RegisterAsync(clerk, new
        {
            procedureCode = procedure,
            applicant = new { fullName = "Nguyễn Thị Hồng Nhung", phone = "0912345678", email = "nhung@example.vn" },
            documents = Array.Empty<object>(),
            noticeConsent = true,
        });
        (await PostAsync(clerk, code, "handovers", new { toUnit = "Công chức Tư pháp - Hộ tịch" })).EnsureSuccessStatusCode();
        _factory.MoveClockTo(2025, 3, 4, 9, 0);
        (await PostAsync(officer, code, "supplement-requests", new { reason = "Thiếu giấy tờ", missingDocuments = "Giấy xác nhận" })).EnsureSuccessStatusCode();
        return code;
    }

    private Task<List<(string Kind, string Threshold)>> NoticesAsync(string code) => _factory.WithDbAsync(async db =>
        (await db.OutboxMessages.Where(m => m.DossierCode == code).Select(m => new { m.Kind, m.Threshold }).ToListAsync())
            .Select(m => (m.Kind, m.Threshold)).ToList());
}
