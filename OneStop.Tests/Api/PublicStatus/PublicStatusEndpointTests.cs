using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Dossiers;
using OneStop.Persistence;
using static OneStop.Tests.Api.Dossiers.DossierApi;

namespace OneStop.Tests.Api.PublicStatus;

/// <summary>
/// The citizen's lookup through <c>/api/public/status/{code}</c>: what it says in each state, codes typed in any
/// case, the agency's contact block, a change visible at once, and the one-time rating that needs the receipt.
/// </summary>
public sealed class PublicStatusEndpointTests(OneStopApiFactory factory) : IClassFixture<OneStopApiFactory>
{
    [Fact]
    public async Task Get_CodeInLowerCaseWithSpaces_FindsTheDossier()
    {
        var code = await CitizenStates.ReceivedAsync(factory);
        using var anonymous = factory.CreateClient();

        var typed = await CitizenStates.StatusAsync(anonymous, "  " + code.ToLowerInvariant() + " ");

        Assert.Equal(code, typed.GetProperty("code").GetString());
        Assert.Equal("Received", typed.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Get_AwaitingSupplement_SaysWhatToBringAndByWhen()
    {
        var code = await CitizenStates.AwaitingSupplementAsync(factory);
        using var anonymous = factory.CreateClient();

        var status = await CitizenStates.StatusAsync(anonymous, code);

        var supplement = status.GetProperty("supplement");
        Assert.Equal([CitizenStates.Missing, "Bản sao giấy khai sinh"], supplement.GetProperty("missingDocuments").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(CitizenStates.SupplementReason, supplement.GetProperty("reason").GetString());
        // 15 working days from Monday 3 March 2025, 09:00: Monday 24 March, 09:00.
        Assert.Equal("2025-03-24T09:00:00+07:00", supplement.GetProperty("bringBy").GetString());
        Assert.Contains("trước 09:00, thứ Hai 24/03/2025", status.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_LateWithoutApology_SaysOverdueWithTheStatutoryDue()
    {
        var code = await CitizenStates.LateWithoutApologyAsync(factory);
        using var anonymous = factory.CreateClient();

        var status = await CitizenStates.StatusAsync(anonymous, code);

        Assert.True(status.GetProperty("late").GetBoolean());
        Assert.Equal("Quá hạn", status.GetProperty("statusText").GetString());
        Assert.Equal("2025-02-24T09:00:00+07:00", status.GetProperty("statutoryDueAt").GetString());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("apology").ValueKind);
    }

    [Fact]
    public async Task Get_LateWithApology_ShowsTheNewAppointmentAndItsReason()
    {
        var code = await CitizenStates.LateWithApologyAsync(factory);
        using var anonymous = factory.CreateClient();

        var status = await CitizenStates.StatusAsync(anonymous, code);

        Assert.True(status.GetProperty("late").GetBoolean());
        Assert.Equal("2025-03-14T16:00:00+07:00", status.GetProperty("apology").GetProperty("newAppointmentAt").GetString());
        Assert.Equal(CitizenStates.ApologyReason, status.GetProperty("apology").GetProperty("reason").GetString());
        Assert.Equal("2025-03-14T16:00:00+07:00", status.GetProperty("appointmentAt").GetString());
    }

    [Fact]
    public async Task Get_RefusedAndStopped_GiveTheReasonAsTheFormStatesIt()
    {
        var refused = await CitizenStates.RefusedAsync(factory);
        var stopped = await CitizenStates.StoppedAsync(factory);
        using var anonymous = factory.CreateClient();

        Assert.Equal(CitizenStates.RefusalReason, (await CitizenStates.StatusAsync(anonymous, refused)).GetProperty("reason").GetString());
        Assert.Equal(CitizenStates.StopReason, (await CitizenStates.StatusAsync(anonymous, stopped)).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Page_AfterAStatusChange_ShowsTheNewStatusAtOnce()
    {
        var code = await CitizenStates.InProcessAsync(factory);
        using var anonymous = factory.CreateClient();
        var before = await anonymous.GetStringAsync(new Uri("/tra-cuu/" + code, UriKind.Relative));
        Assert.Contains("<p class=\"status\">Đang giải quyết</p>", before, StringComparison.Ordinal);
        Assert.Equal(before, await anonymous.GetStringAsync(new Uri("/tra-cuu/" + code, UriKind.Relative)));

        using var officer = await factory.ClientForAsync("chuyenvien");
        (await PostAsync(officer, code, "result", new { })).EnsureSuccessStatusCode();

        var after = await anonymous.GetStringAsync(new Uri("/tra-cuu/" + code, UriKind.Relative));
        Assert.Contains("<p class=\"status\">Đã có kết quả, chờ trả</p>", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_OpenDossierPassingItsDueWithNoSave_SaysLate()
    {
        var code = await CitizenStates.InProcessAsync(factory);
        using var anonymous = factory.CreateClient();
        Assert.DoesNotContain("Quá hạn", await anonymous.GetStringAsync(new Uri("/tra-cuu/" + code, UriKind.Relative)), StringComparison.Ordinal);
        var now = factory.Clock.GetCurrentInstant();
        try
        {
            factory.Clock.Reset(now + NodaTime.Duration.FromDays(14));
            Assert.Contains("Quá hạn", await anonymous.GetStringAsync(new Uri("/tra-cuu/" + code, UriKind.Relative)), StringComparison.Ordinal);
        }
        finally
        {
            factory.Clock.Reset(now);
        }
    }

    [Fact]
    public async Task Get_AfterAStatusChange_ShowsTheNewStatusAtOnce()
    {
        var code = await CitizenStates.InProcessAsync(factory);
        using var anonymous = factory.CreateClient();
        Assert.Equal("InProcess", (await CitizenStates.StatusAsync(anonymous, code)).GetProperty("status").GetString());

        using var officer = await factory.ClientForAsync("chuyenvien");
        (await PostAsync(officer, code, "result", new { })).EnsureSuccessStatusCode();

        Assert.Equal("ResultReady", (await CitizenStates.StatusAsync(anonymous, code)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Get_ChangeInsideATransaction_ShowsAfterTheCommit()
    {
        var code = await CitizenStates.ResultReadyAsync(factory);
        using var anonymous = factory.CreateClient();
        Assert.Equal("ResultReady", (await CitizenStates.StatusAsync(anonymous, code)).GetProperty("status").GetString());

        // As the SLA worker records NotCollected: inside an explicit transaction.
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var dossier = db.Dossiers.Single(d => d.Code == code);
            Assert.True(dossier.MarkNotCollected(DossierAction.Now("system", factory.Clock.GetCurrentInstant())));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        Assert.Equal("NotCollected", (await CitizenStates.StatusAsync(anonymous, code)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Get_AfterTheAgencySetsItsContact_ShowsAddressHoursAndPhone()
    {
        var code = await CitizenStates.ReceivedAsync(factory);
        using var anonymous = factory.CreateClient();
        _ = await CitizenStates.StatusAsync(anonymous, code);
        using var admin = await factory.ClientForAsync("admin");

        using var saved = await admin.PutAsJsonAsync("/api/admin/agencies/000.00.12.H99", new { address = "Số 10 phố Thử, phường Đống Đa", phone = "024 3999 1234" });
        saved.EnsureSuccessStatusCode();

        var contact = (await CitizenStates.StatusAsync(anonymous, code)).GetProperty("contact");
        Assert.Equal("Số 10 phố Thử, phường Đống Đa", contact.GetProperty("address").GetString());
        Assert.Equal("024 3999 1234", contact.GetProperty("phone").GetString());
        Assert.Contains("07:30–11:30, 13:00–17:00", contact.GetProperty("hours")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgencyUpdate_PhoneWithLetters_Is400NamingPhone()
    {
        using var admin = await factory.ClientForAsync("admin");
        using var response = await admin.PutAsJsonAsync("/api/admin/agencies/000.00.12.H99", new { phone = "gọi tôi" });
        await AssertInvalidAsync(response, "phone");
    }

    [Fact]
    public async Task Rate_WithoutTheReceiptsCheckValue_Is403AndRecordsNothing()
    {
        var code = await CitizenStates.ReturnedAsync(factory);
        using var anonymous = factory.CreateClient();

        using var none = await anonymous.PostAsJsonAsync($"/api/public/status/{code}/rating", new { level = "Satisfied" });
        using var forged = await anonymous.PostAsJsonAsync($"/api/public/status/{code}/rating", new { level = "Satisfied", check = CitizenStates.CheckOf(factory, code + "1") });

        foreach (var response in new[] { none, forged })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            using var body = await ReadAsync(response);
            Assert.Equal("rating-needs-receipt", body.RootElement.GetProperty("code").GetString());
        }

        Assert.True((await CitizenStates.StatusAsync(anonymous, code)).GetProperty("ratingOpen").GetBoolean());
    }

    [Fact]
    public async Task Rate_WithTheCheckValue_IsRecordedOnceAndCountedForTheClerk()
    {
        var code = await CitizenStates.ReturnedAsync(factory);
        var check = CitizenStates.CheckOf(factory, code);
        using var anonymous = factory.CreateClient();

        using var first = await anonymous.PostAsJsonAsync($"/api/public/status/{code.ToLowerInvariant()}/rating", new { level = "NotSatisfied", check, comment = "Phải chờ lâu" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        using var second = await anonymous.PostAsJsonAsync($"/api/public/status/{code}/rating", new { level = "VerySatisfied", check });
        await AssertRuleAsync(second, "rating-already-given");
        Assert.False((await CitizenStates.StatusAsync(anonymous, code)).GetProperty("ratingOpen").GetBoolean());

        using var supervisor = await factory.ClientForAsync("giamsat");
        using var summary = await GetAsync(supervisor, "/api/ratings/summary?from=2025-03-01&to=2025-03-31");
        var clerk = summary.RootElement.GetProperty("clerks").EnumerateArray().Single(c => c.GetProperty("clerk").GetString() == "motcua");
        Assert.True(clerk.GetProperty("counts").GetProperty("notSatisfied").GetInt32() >= 1);
        Assert.Equal("000.00.12.H99", clerk.GetProperty("electronicId").GetString());
        Assert.Contains(summary.RootElement.GetProperty("units").EnumerateArray(), u => u.GetProperty("electronicId").GetString() == "000.00.12.H99");
    }

    [Fact]
    public async Task Rate_BeforeTheReturn_Is409()
    {
        var code = await CitizenStates.ResultReadyAsync(factory);
        using var anonymous = factory.CreateClient();

        using var response = await anonymous.PostAsJsonAsync($"/api/public/status/{code}/rating", new { level = "Satisfied", check = CitizenStates.CheckOf(factory, code) });

        await AssertRuleAsync(response, "rating-before-return");
    }

    [Fact]
    public async Task Rate_UnknownLevel_Is400NamingLevel()
    {
        var code = await CitizenStates.ReturnedAsync(factory);
        using var anonymous = factory.CreateClient();

        using var response = await anonymous.PostAsJsonAsync($"/api/public/status/{code}/rating", new { level = "1", check = CitizenStates.CheckOf(factory, code) });

        await AssertInvalidAsync(response, "level");
    }

    [Fact]
    public async Task Receipt_QrAddress_CarriesTheCheckValue()
    {
        var code = await CitizenStates.ReceivedAsync(factory);
        var check = CitizenStates.CheckOf(factory, code);
        Assert.NotEqual(check, CitizenStates.CheckOf(factory, code.Replace("-0", "-9", StringComparison.Ordinal)));
        Assert.Equal(check, CitizenStates.CheckOf(factory, " " + code.ToLowerInvariant()));
        using var clerk = await factory.ClientForAsync("motcua");
        using var pdf = await clerk.GetAsync(new Uri($"/api/dossiers/{code}/receipt.pdf", UriKind.Relative));
        pdf.EnsureSuccessStatusCode();
        // The address printed beside the QR code is the one it encodes.
        var text = OneStop.Tests.Api.Documents.PdfText.Read(await pdf.Content.ReadAsByteArrayAsync());
        Assert.True(text.ContainsCompact($"/tra-cuu/{code}?k={check}"), text.All);
    }
}
