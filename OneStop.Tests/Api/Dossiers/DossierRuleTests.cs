using System.Net;
using NodaTime;
using static OneStop.Tests.Api.Dossiers.DossierApi;

namespace OneStop.Tests.Api.Dossiers;

/// <summary>Every broken rule answers 409 with its stable code and writes nothing.</summary>
public sealed class DossierRuleTests(OneStopApiFactory factory) : IClassFixture<OneStopApiFactory>
{
    private static readonly Instant Monday0900 = Instant.FromUtc(2025, 3, 3, 2, 0);

    [Fact]
    public async Task SupplementRequest_BeforeAnyDepartmentHasIt_IsRefused()
    {
        var (clerk, officer, code) = await RegisteredAsync();

        await AssertRuleAsync(await PostAsync(officer, code, "supplement-requests", new { reason = "Thiếu giấy tờ" }), "supplement-not-at-department");
        Assert.Equal(1, await EventCountAsync(clerk, code));
    }

    [Fact]
    public async Task Supplements_NeverRequested_IsRefused()
    {
        var (clerk, _, code) = await RegisteredAsync();

        await AssertRuleAsync(await PostAsync(clerk, code, "supplements"), "supplement-not-requested");
    }

    [Fact]
    public async Task Return_BeforeTheResult_IsRefused()
    {
        var (clerk, _, code) = await RegisteredAsync();

        await AssertRuleAsync(await PostAsync(clerk, code, "return"), "return-before-result");
    }

    [Fact]
    public async Task Stop_AfterTheResult_IsRefused()
    {
        var (clerk, officer, code) = await RegisteredAsync();
        (await PostAsync(officer, code, "result")).EnsureSuccessStatusCode();

        await AssertRuleAsync(await PostAsync(clerk, code, "stop", new { reason = "Công dân xin dừng" }), "stop-after-result");
    }

    [Fact]
    public async Task AnyAction_AfterStop_IsRefused()
    {
        var (clerk, _, code) = await RegisteredAsync();
        (await PostAsync(clerk, code, "stop", new { reason = "Công dân xin dừng" })).EnsureSuccessStatusCode();

        await AssertRuleAsync(await PostAsync(clerk, code, "visits", new { note = "Hỏi kết quả" }), "dossier-closed");
        await AssertRuleAsync(await PostAsync(clerk, code, "handovers", new { toUnit = "Công chức tư pháp - hộ tịch" }), "dossier-closed");
        Assert.Equal(2, await EventCountAsync(clerk, code));
    }

    [Fact]
    public async Task ApologyApproval_ByAnOfficer_IsRefusedAndByTheHead_MovesTheAppointmentOnce()
    {
        var (clerk, officer, code) = await RegisteredAsync();
        var head = await factory.ClientForAsync("lanhdao");
        using var drafted = await ReadAsync(await PostAsync(officer, code, "apologies", new { reason = "Cần xác minh thêm", newAppointmentAt = "2025-03-14T16:00:00+07:00" }));
        using var dossier = await GetAsync(clerk, "/api/dossiers/" + code);
        var apologyId = dossier.RootElement.GetProperty("apologies")[0].GetProperty("id").GetString();

        await AssertRuleAsync(await PostAsync(officer, code, $"apologies/{apologyId}/approval"), "apology-needs-head");
        using var approved = await ReadAsync(await PostAsync(head, code, $"apologies/{apologyId}/approval"));
        Assert.Equal("2025-03-14T16:00:00+07:00", approved.RootElement.GetProperty("appointmentAt").GetString());
        // The statutory due does not move: the dossier still counts as late against it.
        Assert.Equal("2025-03-10T09:00:00+07:00", approved.RootElement.GetProperty("statutoryDueAt").GetString());
        await AssertRuleAsync(await PostAsync(head, code, $"apologies/{apologyId}/approval"), "apology-not-pending");
        await AssertRuleAsync(await PostAsync(officer, code, "apologies", new { reason = "Lần hai", newAppointmentAt = "2025-03-20T16:00:00+07:00" }), "appointment-already-moved");
        await AssertRuleAsync(await PostAsync(clerk, code, "receipts", new { reason = "In lại", appointmentAt = "2025-03-21T16:00:00+07:00" }), "appointment-already-moved");
    }

    [Fact]
    public async Task ApologyApproval_UnknownApology_IsBadInput()
    {
        var (_, _, code) = await RegisteredAsync();
        var head = await factory.ClientForAsync("lanhdao");

        await AssertInvalidAsync(await PostAsync(head, code, $"apologies/{Guid.NewGuid()}/approval"), "id");
    }

    [Fact]
    public async Task Action_OnAnUnknownDossier_IsNotFound()
    {
        var clerk = await factory.ClientForAsync("motcua");

        using var response = await PostAsync(clerk, "000.00.12.H99-250303-9999", "visits");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_DossierOfAnotherCommune_IsNotFound()
    {
        var (_, _, code) = await RegisteredAsync();
        var otherCommune = await factory.ClientForAsync("motcua2");

        using var response = await otherCommune.GetAsync(new Uri("/api/dossiers/" + code, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Register_AsAnOfficer_IsForbidden()
    {
        var officer = await factory.ClientForAsync("chuyenvien");

        using var response = await officer.PostAsync(new Uri("/api/dossiers", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(Registration()));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Register_WithoutSignIn_IsUnauthorized()
    {
        using var response = await factory.CreateClient().PostAsync(new Uri("/api/dossiers", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(Registration()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<(HttpClient Clerk, HttpClient Officer, string Code)> RegisteredAsync()
    {
        factory.Clock.Reset(Monday0900);
        var clerk = await factory.ClientForAsync("motcua");
        var officer = await factory.ClientForAsync("chuyenvien");
        var code = await RegisterAsync(clerk);
        factory.Clock.AdvanceMinutes(30);
        return (clerk, officer, code);
    }
}
