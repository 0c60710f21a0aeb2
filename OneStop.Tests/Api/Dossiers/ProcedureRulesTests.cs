using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using OneStop.Calendar;
using OneStop.Tests.Api.Documents;
using static OneStop.Tests.Api.Dossiers.DossierApi;

namespace OneStop.Tests.Api.Dossiers;

/// <summary>
/// The rules that are values of a procedure version, through the API: its own acceptance cut-off ("one hour before
/// closing" instead of the agency's 15:00), and reception outside the competent agency's area (Decree 118/2025 art.
/// 17(3) as amended by Decree 309/2026 art. 8(3)).
/// </summary>
public sealed class ProcedureRulesTests(OneStopApiFactory factory) : IClassFixture<OneStopApiFactory>
{
    private static int _sequence;

    [Fact]
    public async Task Register_ProcedureCutOffOneHourBeforeClosing_CountsFromTheSameDayUntil1600()
    {
        var admin = await factory.ClientForAsync("admin");
        var clerk = await factory.ClientForAsync("motcua");
        var code = await ProcedureAsync(admin, new { amount = 1, unit = "WorkingDays" }, cutOff: "closing-1h");

        // Monday 3 March 2025, 15:30: after the agency's 15:00, before 16:00 (17:00 − 1 h).
        factory.Clock.Reset(At(2025, 3, 3, 15, 30));
        using var early = await RegisteredAsync(clerk, code);
        using var agencyRule = await RegisteredAsync(clerk, "1.004227.H99");
        factory.Clock.Reset(At(2025, 3, 3, 16, 5));
        using var late = await RegisteredAsync(clerk, code);

        Assert.Equal("2025-03-03T15:30:00+07:00", early.RootElement.GetProperty("countingStartsAt").GetString());
        Assert.Equal("2025-03-04T15:30:00+07:00", early.RootElement.GetProperty("statutoryDueAt").GetString());
        Assert.Equal("2025-03-04T07:30:00+07:00", agencyRule.RootElement.GetProperty("countingStartsAt").GetString());
        Assert.Equal("2025-03-04T07:30:00+07:00", late.RootElement.GetProperty("countingStartsAt").GetString());
        Assert.Equal("2025-03-04T17:00:00+07:00", late.RootElement.GetProperty("statutoryDueAt").GetString());

        using var dossier = await GetAsync(clerk, "/api/dossiers/" + early.RootElement.GetProperty("code").GetString());
        Assert.Equal("closing-1h", dossier.RootElement.GetProperty("cutOff").GetString());
        using var found = await GetAsync(admin, "/api/admin/procedures?search=" + code);
        var version = Assert.Single(found.RootElement[0].GetProperty("versions").EnumerateArray());
        Assert.Equal("closing-1h", version.GetProperty("cutOff").GetString());
    }

    [Fact]
    public async Task Register_ProcedureCutOffAtATime_UsesThatTime()
    {
        var admin = await factory.ClientForAsync("admin");
        var clerk = await factory.ClientForAsync("motcua");
        var code = await ProcedureAsync(admin, new { amount = 4, unit = "WorkingHours" }, cutOff: "11:00");

        factory.Clock.Reset(At(2025, 3, 3, 11, 10));
        using var registered = await RegisteredAsync(clerk, code);

        Assert.Equal("2025-03-04T07:30:00+07:00", registered.RootElement.GetProperty("countingStartsAt").GetString());
        Assert.Equal("2025-03-04T11:30:00+07:00", registered.RootElement.GetProperty("statutoryDueAt").GetString());
    }

    [Theory]
    [InlineData("closing-9h")]
    [InlineData("closing-0m")]
    [InlineData("25:00")]
    [InlineData("one hour before closing")]
    public async Task AddVersion_BadCutOff_Is400NamingCutOff(string cutOff)
    {
        var admin = await factory.ClientForAsync("admin");
        var code = await CreateProcedureAsync(admin);

        using var response = await admin.PostAsJsonAsync($"/api/admin/procedures/{code}/versions", Version(new { amount = 1, unit = "WorkingDays" }, cutOff, null));

        await AssertInvalidAsync(response, "cutOff");
    }

    [Fact]
    public async Task AddVersion_CitizenSupplementTimeOfZero_Is400()
    {
        var admin = await factory.ClientForAsync("admin");
        var code = await CreateProcedureAsync(admin);

        using var response = await admin.PostAsJsonAsync(
            $"/api/admin/procedures/{code}/versions", Version(new { amount = 1, unit = "WorkingDays" }, null, new { amount = 0, unit = "WorkingDays" }));

        await AssertInvalidAsync(response, "citizenSupplementTime.amount");
    }

    [Fact]
    public async Task Register_ReceivedOutsideTheCompetentAgencysArea_CountsFromTheCompetentAgencysReceipt()
    {
        var clerk = await factory.ClientForAsync("motcua");
        factory.Clock.Reset(At(2025, 3, 3, 9, 0));

        // The Hòa Bình desk took it in on Friday afternoon; Đống Đa, the competent agency, received it Monday 09:00.
        var registration = BoundaryFree("000.00.13.H99", "2025-02-28T16:00:00+07:00");
        using var response = await clerk.PostAsJsonAsync("/api/dossiers", registration);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var registered = await ReadAsync(response);
        var code = registered.RootElement.GetProperty("code").GetString()!;

        // Marriage registration, 5 working days from Monday 09:00 (not from Friday 16:00, which would give Friday 7 March 16:00).
        Assert.Equal("2025-03-03T09:00:00+07:00", registered.RootElement.GetProperty("countingStartsAt").GetString());
        Assert.Equal("2025-03-10T09:00:00+07:00", registered.RootElement.GetProperty("statutoryDueAt").GetString());
        using var dossier = await GetAsync(clerk, "/api/dossiers/" + code);
        var elsewhere = dossier.RootElement.GetProperty("receivedElsewhere");
        Assert.Equal("000.00.13.H99", elsewhere.GetProperty("agency").GetString());
        Assert.Equal("2025-02-28T16:00:00+07:00", elsewhere.GetProperty("receivedAt").GetString());
        Assert.Equal("2025-03-03T09:00:00+07:00", dossier.RootElement.GetProperty("acceptedAt").GetString());
        using var events = await GetAsync(clerk, $"/api/dossiers/{code}/events");
        var details = events.RootElement[0].GetProperty("details");
        Assert.Equal("2025-02-28T16:00:00+07:00", details.GetProperty("receivedAt").GetString());

        using var pdf = await clerk.GetAsync(new Uri($"/api/dossiers/{code}/receipt.pdf", UriKind.Relative));
        var receipt = PdfText.Read(await pdf.Content.ReadAsByteArrayAsync());
        Assert.True(receipt.ContainsCompact("Thời gian nhận hồ sơ: 16 giờ 00 phút, ngày 28 tháng 02 năm 2025")
            || receipt.ContainsCompact("Thời gian nhận hồ sơ: 16 giờ 00 phút, ngày 28 tháng 2 năm 2025"), receipt.All);
        Assert.True(receipt.ContainsCompact("thời gian giải quyết được tính từ 09 giờ 00 phút, ngày 03 tháng 3 năm 2025, khi Ủy ban nhân dân phường Đống Đa nhận được hồ sơ"), receipt.All);
        Assert.True(receipt.ContainsCompact("Bộ phận Một cửa Ủy ban nhân dân xã Hòa Bình tiếp nhận hồ sơ của"), receipt.All);
    }

    [Theory]
    [InlineData("000.00.13.H99", "2025-03-03T09:30:00+07:00", "receivedElsewhere.receivedAt")]
    [InlineData("000.00.12.H99", "2025-02-28T16:00:00+07:00", "receivedElsewhere.agency")]
    [InlineData("000.99.99.H99", "2025-02-28T16:00:00+07:00", "receivedElsewhere.agency")]
    [InlineData("000.00.13.H99", null, "receivedElsewhere.receivedAt")]
    public async Task Register_BadReceivedElsewhere_Is400NamingTheFieldAndWritesNothing(string agency, string? receivedAt, string field)
    {
        var clerk = await factory.ClientForAsync("motcua");
        factory.Clock.Reset(At(2025, 3, 3, 9, 0));
        var before = (await GetAsync(clerk, "/api/dossiers")).RootElement.GetArrayLength();

        using var response = await clerk.PostAsJsonAsync("/api/dossiers", BoundaryFree(agency, receivedAt));

        await AssertInvalidAsync(response, field);
        Assert.Equal(before, (await GetAsync(clerk, "/api/dossiers")).RootElement.GetArrayLength());
    }

    internal static Instant At(int year, int month, int day, int hour, int minute) =>
        OfficeTime.ToInstant(new LocalDateTime(year, month, day, hour, minute));

    /// <summary>A procedure every agency offers, with one version in force since 2025-01-01.</summary>
    internal static async Task<string> ProcedureAsync(HttpClient admin, object processingTime, string? cutOff = null, object? citizenSupplementTime = null)
    {
        var code = await CreateProcedureAsync(admin);
        using var response = await admin.PostAsJsonAsync($"/api/admin/procedures/{code}/versions", Version(processingTime, cutOff, citizenSupplementTime));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return code;
    }

    private static async Task<string> CreateProcedureAsync(HttpClient admin)
    {
        var code = $"1.{980000 + Interlocked.Increment(ref _sequence):000000}.H97";
        using var response = await admin.PostAsJsonAsync("/api/admin/procedures", new { code, name = "Thủ tục liên thông " + code, field = "Thử nghiệm", agency = (string?)null });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return code;
    }

    private static object Version(object processingTime, string? cutOff, object? citizenSupplementTime) => new
    {
        effectiveFrom = "2025-01-01",
        processingTime,
        requiredDocuments = new[] { new { name = "Tờ khai", originals = 1, copies = 0 } },
        fee = 0,
        cutOff,
        citizenSupplementTime,
    };

    private static async Task<JsonDocument> RegisteredAsync(HttpClient clerk, string procedureCode)
    {
        using var response = await clerk.PostAsJsonAsync("/api/dossiers", Registration(procedureCode));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await ReadAsync(response);
    }

    private static object BoundaryFree(string agency, string? receivedAt) => new
    {
        procedureCode = "1.000894.H99",
        applicant = new { fullName = "Nguyễn Thị Hồng Nhung", idNumber = "001190012345", phone = "0912345678", address = "Xã Hòa Bình" },
        channel = "Counter",
        receivedElsewhere = new { agency, receivedAt },
    };
}
