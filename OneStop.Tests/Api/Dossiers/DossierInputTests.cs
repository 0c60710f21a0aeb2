using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using OneStop.Persistence;
using static OneStop.Tests.Api.Dossiers.DossierApi;

namespace OneStop.Tests.Api.Dossiers;

/// <summary>Bad input answers 400 with the field named, and writes nothing.</summary>
public sealed class DossierInputTests(OneStopApiFactory factory) : IClassFixture<OneStopApiFactory>
{
    private static readonly Instant Monday0900 = Instant.FromUtc(2025, 3, 3, 2, 0);

    public static TheoryData<string, string> BadRegistrations() => new()
    {
        { """{"procedureCode":"1.000894.H99","applicant":{"fullName":"Nguyễn Văn A","idNumber":"00119001234"}}""", "applicant.idNumber" },
        { """{"procedureCode":"1.000894.H99","applicant":{"fullName":"Nguyễn Văn A","idNumber":"00119001234X"}}""", "applicant.idNumber" },
        { """{"procedureCode":"1.000894.H99","applicant":{"fullName":"Nguyễn Văn A","phone":"0123"}}""", "applicant.phone" },
        { """{"procedureCode":"1.000894.H99","applicant":{"fullName":"Nguyễn Văn A","phone":"0412345678"}}""", "applicant.phone" },
        { """{"procedureCode":"1.000894.H99","applicant":{"fullName":""}}""", "applicant.fullName" },
        { """{"procedureCode":"1.000894.H99"}""", "applicant" },
        { """{"procedureCode":"9.999999.H99","applicant":{"fullName":"Nguyễn Văn A"}}""", "procedureCode" },
        { """{"procedureCode":"1.000894.H99","agency":"000.00.99.H99","applicant":{"fullName":"Nguyễn Văn A"}}""", "agency" },
        { """{"procedureCode":"1.000894.H99","agency":"000.00.13.H99","applicant":{"fullName":"Nguyễn Văn A"}}""", "agency" },
        { """{"procedureCode":"1.000894.H99","applicant":{"fullName":"Nguyễn Văn A"},"acceptedAt":"2025-03-04T09:00:00+07:00"}""", "acceptedAt" },
        { """{"procedureCode":"1.000894.H99","applicant":{"fullName":"Nguyễn Văn A"},"acceptedAt":"yesterday"}""", "acceptedAt" },
        { """{"procedureCode":"1.000894.H99","applicant":{"fullName":"Nguyễn Văn A"},"documents":[{"name":"Tờ khai","originals":0,"copies":0}]}""", "documents[0]" },
        { """{"procedureCode":"1.000894.H99","applicant":{"fullName":"Nguyễn Văn A"},"channel":"Pigeon"}""", "channel" },
    };

    [Theory]
    [MemberData(nameof(BadRegistrations))]
    public async Task Register_BadInput_IsRejectedAndNothingIsWritten(string json, string field)
    {
        factory.Clock.Reset(Monday0900);
        var clerk = await factory.ClientForAsync("motcua");
        var before = await CountAsync();

        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        await AssertInvalidAsync(await clerk.PostAsync(new Uri("/api/dossiers", UriKind.Relative), content), field);

        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Register_ValidPhoneFormats_AreAccepted()
    {
        factory.Clock.Reset(Monday0900);
        var clerk = await factory.ClientForAsync("motcua");

        foreach (var phone in new[] { "0912345678", "+84912345678", "0243 8251 234".Replace(" ", string.Empty, StringComparison.Ordinal) })
        {
            using var response = await clerk.PostAsJsonAsync("/api/dossiers", new { procedureCode = "1.000894.H99", applicant = new { fullName = "Trần Văn B", phone } });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
    }

    [Theory]
    [InlineData("2025-03-03T10:00:00+07:00")] // after now (09:30)
    [InlineData("2025-03-03T08:00:00+07:00")] // before acceptance (09:00)
    [InlineData("03/03/2025 09:10")] // not ISO 8601 with offset
    public async Task Action_BadOccurredAt_IsRejectedAndNothingIsWritten(string occurredAt)
    {
        factory.Clock.Reset(Monday0900);
        var clerk = await factory.ClientForAsync("motcua");
        var code = await RegisterAsync(clerk);
        factory.Clock.AdvanceMinutes(30);

        await AssertInvalidAsync(await PostAsync(clerk, code, "handovers", new { toUnit = "Công chức tư pháp - hộ tịch", occurredAt }), "occurredAt");

        Assert.Equal(1, await EventCountAsync(clerk, code));
    }

    [Fact]
    public async Task Action_BackdatedWithinTheDossierLife_IsRecordedWithBothTimes()
    {
        factory.Clock.Reset(Monday0900);
        var clerk = await factory.ClientForAsync("motcua");
        var code = await RegisterAsync(clerk);
        factory.Clock.AdvanceHours(3);

        (await PostAsync(clerk, code, "handovers", new { toUnit = "Công chức tư pháp - hộ tịch", occurredAt = "2025-03-03T09:15:00+07:00" })).EnsureSuccessStatusCode();

        using var events = await GetAsync(clerk, $"/api/dossiers/{code}/events");
        var handover = events.RootElement[1];
        Assert.Equal("2025-03-03T09:15:00+07:00", handover.GetProperty("occurredAt").GetString());
        Assert.Equal("2025-03-03T12:00:00+07:00", handover.GetProperty("recordedAt").GetString());
    }

    [Fact]
    public async Task Get_Dossier_ShowsDecryptedPersonalDataToStaff()
    {
        factory.Clock.Reset(Monday0900);
        var clerk = await factory.ClientForAsync("motcua");
        var code = await RegisterAsync(clerk);

        using var dossier = await GetAsync(clerk, "/api/dossiers/" + code);

        Assert.Equal("001190012345", dossier.RootElement.GetProperty("applicant").GetProperty("idNumber").GetString());
        Assert.Equal("0912345678", dossier.RootElement.GetProperty("applicant").GetProperty("phone").GetString());
    }

    [Fact]
    public async Task PublicStatus_UnknownCode_AnswersNotFoundWithoutDetail()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/api/public/status/000.00.12.H99-250303-9999", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var body = await ReadAsync(response);
        Assert.Equal("Không tìm thấy", body.RootElement.GetProperty("title").GetString());
    }

    private async Task<(int Dossiers, int Events)> CountAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        return (await db.Dossiers.CountAsync(), await db.DossierEvents.CountAsync());
    }
}
