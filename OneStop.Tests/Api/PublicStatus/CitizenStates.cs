using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Api.PublicStatus;
using OneStop.Dossiers;
using OneStop.Persistence;
using static OneStop.Tests.Api.Dossiers.DossierApi;

namespace OneStop.Tests.Api.PublicStatus;

/// <summary>
/// Drives a fresh dossier into each state a citizen can see, through the API as the staff would (the host's
/// clock stays at Monday 3 March 2025, 09:00; a late dossier is one accepted two weeks earlier).
/// </summary>
internal static class CitizenStates
{
    /// <summary>Accepted Monday 17 February 2025: its statutory due (5 working days) passed on 24 February.</summary>
    public const string TwoWeeksAgo = "2025-02-17T09:00:00+07:00";

    public const string Missing = "Giấy xác nhận tình trạng hôn nhân";

    public const string SupplementReason = "Thiếu giấy xác nhận tình trạng hôn nhân của bên nữ";

    public const string ApologyReason = "Cần xác minh thông tin với cơ quan nơi cư trú trước đây";

    public const string RefusalReason = "Người yêu cầu chưa đủ tuổi kết hôn theo Luật Hôn nhân và gia đình";

    public const string StopReason = "Người nộp đề nghị dừng để bổ sung giấy tờ khác";

    public static Task<string> ReceivedAsync(OneStopApiFactory factory) => RegisterAsync(factory, null);

    public static async Task<string> InProcessAsync(OneStopApiFactory factory)
    {
        var code = await RegisterAsync(factory, null);
        await HandOverAsync(factory, code);
        return code;
    }

    public static async Task<string> AwaitingSupplementAsync(OneStopApiFactory factory)
    {
        var code = await InProcessAsync(factory);
        using var officer = await factory.ClientForAsync("chuyenvien");
        (await PostAsync(officer, code, "supplement-requests", new { reason = SupplementReason, missingDocuments = Missing + "\nBản sao giấy khai sinh" })).EnsureSuccessStatusCode();
        return code;
    }

    public static async Task<string> ResultReadyAsync(OneStopApiFactory factory)
    {
        var code = await InProcessAsync(factory);
        using var officer = await factory.ClientForAsync("chuyenvien");
        (await PostAsync(officer, code, "result", new { note = "Đã ký" })).EnsureSuccessStatusCode();
        return code;
    }

    public static async Task<string> ReturnedAsync(OneStopApiFactory factory)
    {
        var code = await ResultReadyAsync(factory);
        using var clerk = await factory.ClientForAsync("motcua");
        (await PostAsync(clerk, code, "return", new { })).EnsureSuccessStatusCode();
        return code;
    }

    /// <summary>Result ready, then the wait ran out (what the SLA worker records).</summary>
    public static async Task<string> NotCollectedAsync(OneStopApiFactory factory)
    {
        var code = await ResultReadyAsync(factory);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var dossier = db.Dossiers.Single(d => d.Code == code);
        Assert.True(dossier.MarkNotCollected(DossierAction.Now("system", factory.Clock.GetCurrentInstant())));
        await db.SaveChangesAsync();
        return code;
    }

    public static async Task<string> LateWithoutApologyAsync(OneStopApiFactory factory)
    {
        var code = await RegisterAsync(factory, TwoWeeksAgo);
        await HandOverAsync(factory, code);
        return code;
    }

    /// <summary>Late, with a signed apology moving the appointment to Friday 14 March 2025, 16:00.</summary>
    public static async Task<string> LateWithApologyAsync(OneStopApiFactory factory)
    {
        var code = await LateWithoutApologyAsync(factory);
        using var officer = await factory.ClientForAsync("chuyenvien");
        using var head = await factory.ClientForAsync("lanhdao");
        (await PostAsync(officer, code, "apologies", new { reason = ApologyReason, newAppointmentAt = "2025-03-14T16:00:00+07:00" })).EnsureSuccessStatusCode();
        using var dossier = await GetAsync(officer, "/api/dossiers/" + code);
        var id = dossier.RootElement.GetProperty("apologies")[0].GetProperty("id").GetString();
        (await PostAsync(head, code, $"apologies/{id}/approval")).EnsureSuccessStatusCode();
        return code;
    }

    public static async Task<string> RefusedAsync(OneStopApiFactory factory)
    {
        var code = await InProcessAsync(factory);
        using var officer = await factory.ClientForAsync("chuyenvien");
        (await PostAsync(officer, code, "refusal", new { reason = RefusalReason })).EnsureSuccessStatusCode();
        return code;
    }

    public static async Task<string> StoppedAsync(OneStopApiFactory factory)
    {
        var code = await RegisterAsync(factory, null);
        using var clerk = await factory.ClientForAsync("motcua");
        (await PostAsync(clerk, code, "stop", new { reason = StopReason })).EnsureSuccessStatusCode();
        return code;
    }

    /// <summary>
    /// Closed because the citizen never brought the supplement: accepted Monday 2 December 2024, the supplement asked
    /// the next day under the procedure's 15 working days, run out before today (what the SLA worker records).
    /// </summary>
    public static async Task<string> LapsedAsync(OneStopApiFactory factory)
    {
        var code = await RegisterAsync(factory, "2024-12-02T09:00:00+07:00");
        using (var clerk = await factory.ClientForAsync("motcua"))
        {
            (await PostAsync(clerk, code, "handovers", new { toUnit = "Công chức Tư pháp - Hộ tịch", occurredAt = "2024-12-02T10:00:00+07:00" })).EnsureSuccessStatusCode();
        }

        using (var officer = await factory.ClientForAsync("chuyenvien"))
        {
            (await PostAsync(officer, code, "supplement-requests", new { reason = SupplementReason, missingDocuments = Missing, occurredAt = "2024-12-03T09:00:00+07:00" })).EnsureSuccessStatusCode();
        }

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var dossier = db.Dossiers.Single(d => d.Code == code);
        Assert.True(dossier.LapseSupplement(DossierAction.Now("system", factory.Clock.GetCurrentInstant())));
        await db.SaveChangesAsync();
        return code;
    }

    /// <summary>The receipt's check value of a code, as the QR code carries it.</summary>
    public static string CheckOf(OneStopApiFactory factory, string code) => factory.Services.GetRequiredService<ReceiptCheck>().For(code);

    public static async Task<JsonElement> StatusAsync(HttpClient anonymous, string code)
    {
        using var response = await anonymous.GetAsync(new Uri("/api/public/status/" + Uri.EscapeDataString(code), UriKind.Relative));
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.Clone();
    }

    private static async Task<string> RegisterAsync(OneStopApiFactory factory, string? acceptedAt)
    {
        using var clerk = await factory.ClientForAsync("motcua");
        return await OneStop.Tests.Api.Dossiers.DossierApi.RegisterAsync(clerk, Registration(acceptedAt: acceptedAt));
    }

    private static async Task HandOverAsync(OneStopApiFactory factory, string code)
    {
        using var clerk = await factory.ClientForAsync("motcua");
        (await PostAsync(clerk, code, "handovers", new { toUnit = "Công chức Tư pháp - Hộ tịch", receiver = "Lê Văn Chuyên", stepBudgetHours = 16 })).EnsureSuccessStatusCode();
    }
}
