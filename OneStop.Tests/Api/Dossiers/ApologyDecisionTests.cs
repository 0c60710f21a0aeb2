using System.Net;
using static OneStop.Tests.Api.Dossiers.DossierApi;

namespace OneStop.Tests.Api.Dossiers;

/// <summary>The head's decision on a drafted apology (Form 04): listed while pending, approved or rejected with a reason.</summary>
public sealed class ApologyDecisionTests(OneStopApiFactory factory) : IClassFixture<OneStopApiFactory>
{
    private async Task<(HttpClient Officer, HttpClient Head, string Code, string ApologyId)> DraftedAsync()
    {
        var clerk = await factory.ClientForAsync("motcua");
        var officer = await factory.ClientForAsync("chuyenvien");
        var head = await factory.ClientForAsync("lanhdao");
        var code = await RegisterAsync(clerk);
        (await PostAsync(officer, code, "apologies", new { reason = "Cần xác minh thêm", newAppointmentAt = "2025-03-14T16:00:00+07:00" })).EnsureSuccessStatusCode();
        using var dossier = await GetAsync(clerk, "/api/dossiers/" + code);
        return (officer, head, code, dossier.RootElement.GetProperty("apologies")[0].GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task Pending_DraftWaiting_IsListedForTheHead()
    {
        var (_, head, code, apologyId) = await DraftedAsync();

        using var pending = await GetAsync(head, "/api/apologies/pending");

        var draft = pending.RootElement.EnumerateArray().Single(d => d.GetProperty("id").GetString() == apologyId);
        Assert.Equal(code, draft.GetProperty("dossierCode").GetString());
        Assert.Equal("Lê Văn Chuyên", draft.GetProperty("requestedByName").GetString());
        Assert.Equal("2025-03-14T16:00:00+07:00", draft.GetProperty("newAppointmentAt").GetString());
    }

    [Fact]
    public async Task Rejection_ByTheHead_KeepsTheAppointmentAndRecordsTheReason()
    {
        var (officer, head, code, apologyId) = await DraftedAsync();
        using var before = await GetAsync(head, "/api/dossiers/" + code);

        using var response = await PostAsync(head, code, $"apologies/{apologyId}/rejection", new { reason = "Lý do chưa thuyết phục" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var after = await GetAsync(head, "/api/dossiers/" + code);
        Assert.Equal(before.RootElement.GetProperty("appointmentAt").GetString(), after.RootElement.GetProperty("appointmentAt").GetString());
        var apology = after.RootElement.GetProperty("apologies")[0];
        Assert.Equal("Rejected", apology.GetProperty("status").GetString());
        Assert.Equal("Lý do chưa thuyết phục", apology.GetProperty("rejectionReason").GetString());
        using var events = await GetAsync(head, $"/api/dossiers/{code}/events");
        var last = events.RootElement.EnumerateArray().Last();
        Assert.Equal("ApologyRejected", last.GetProperty("kind").GetString());
        Assert.Equal("Lý do chưa thuyết phục", last.GetProperty("details").GetProperty("reason").GetString());
        Assert.Equal("2025-03-03T09:00:00+07:00", last.GetProperty("recordedAt").GetString());
        using var pending = await GetAsync(head, "/api/apologies/pending");
        Assert.DoesNotContain(pending.RootElement.EnumerateArray(), d => d.GetProperty("id").GetString() == apologyId);

        // Decided once; a new draft may follow.
        await AssertRuleAsync(await PostAsync(head, code, $"apologies/{apologyId}/approval"), "apology-not-pending");
        (await PostAsync(officer, code, "apologies", new { reason = "Đã bổ sung lý do", newAppointmentAt = "2025-03-14T16:00:00+07:00" })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Rejection_ByAnOfficer_IsRefused()
    {
        var (officer, _, code, apologyId) = await DraftedAsync();

        await AssertRuleAsync(await PostAsync(officer, code, $"apologies/{apologyId}/rejection", new { reason = "Không" }), "apology-needs-head");
    }

    [Fact]
    public async Task Rejection_WithoutReason_IsBadInputAndChangesNothing()
    {
        var (_, head, code, apologyId) = await DraftedAsync();
        var count = await EventCountAsync(head, code);

        await AssertInvalidAsync(await PostAsync(head, code, $"apologies/{apologyId}/rejection", new { reason = " " }), "reason");
        Assert.Equal(count, await EventCountAsync(head, code));
    }
}
