using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using OneStop.Persistence;
using static OneStop.Tests.Api.Dossiers.DossierApi;

namespace OneStop.Tests.Api.Administration;

public sealed class ProcedureAdminEndpointsTests(OneStopApiFactory factory) : IClassFixture<OneStopApiFactory>
{
    private static readonly Instant Monday0900 = Instant.FromUtc(2025, 3, 3, 2, 0);
    private static int _sequence;

    [Fact]
    public async Task Search_ByNameWithoutDiacritics_FindsTheProcedureWithItsVersions()
    {
        var admin = await factory.ClientForAsync("admin");

        using var found = await GetAsync(admin, "/api/admin/procedures?search=ket%20hon");

        var procedure = Assert.Single(found.RootElement.EnumerateArray());
        Assert.Equal("1.000894.H99", procedure.GetProperty("code").GetString());
        var version = Assert.Single(procedure.GetProperty("versions").EnumerateArray());
        Assert.Equal(5, version.GetProperty("processingTime").GetProperty("amount").GetInt32());
        Assert.Equal("5 ngày làm việc", version.GetProperty("processingTime").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Search_ByCode_FindsTheProcedure()
    {
        var admin = await factory.ClientForAsync("admin");

        using var found = await GetAsync(admin, "/api/admin/procedures?search=1.004227");

        Assert.Equal("Xác nhận tình trạng hôn nhân", Assert.Single(found.RootElement.EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task AddVersion_NewRules_NewDossiersUseThemAndEarlierDossiersKeepTheirs()
    {
        factory.Clock.Reset(Monday0900);
        var admin = await factory.ClientForAsync("admin");
        var clerk = await factory.ClientForAsync("motcua");
        var code = await CreateProcedureAsync(admin, agency: null);
        await AddVersionAsync(admin, code, "2025-01-01", 5, "WorkingDays");
        var before = await RegisterAsync(clerk, Registration(code));

        using var added = await admin.PostAsJsonAsync($"/api/admin/procedures/{code}/versions", Version("2025-03-03T08:00:00+07:00", 3, "WorkingDays"));

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        using var body = await ReadAsync(added);
        Assert.Equal([1, 2], body.RootElement.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));
        var after = await RegisterAsync(clerk, Registration(code));
        using var first = await GetAsync(clerk, $"/api/dossiers/{before}");
        using var second = await GetAsync(clerk, $"/api/dossiers/{after}");
        Assert.Equal("5 ngày làm việc", first.RootElement.GetProperty("processingTime").GetString());
        Assert.Equal("3 ngày làm việc", second.RootElement.GetProperty("processingTime").GetString());
    }

    [Fact]
    public async Task Create_ForAnAgency_OnlyThatSubtreeSeesIt()
    {
        var admin = await factory.ClientForAsync("admin");
        var code = await CreateProcedureAsync(admin, agency: "000.00.12.H99");
        await AddVersionAsync(admin, code, "2025-01-01", 2, "WorkingDays");

        using var dongDa = await GetAsync(await factory.ClientForAsync("motcua"), $"/api/procedures?search={code}");
        using var hoaBinh = await GetAsync(await factory.ClientForAsync("motcua2"), $"/api/procedures?search={code}");

        Assert.Equal("000.00.12.H99", Assert.Single(dongDa.RootElement.EnumerateArray()).GetProperty("agency").GetString());
        Assert.Equal(0, hoaBinh.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task DeskSearch_Clerk_GetsTheVersionInForceWithItsChecklist()
    {
        factory.Clock.Reset(Monday0900);
        var admin = await factory.ClientForAsync("admin");
        var code = await CreateProcedureAsync(admin, agency: null);
        await AddVersionAsync(admin, code, "2025-01-01", 4, "WorkingHours");
        await AddVersionAsync(admin, code, "2025-07-01", 2, "WorkingHours");

        using var found = await GetAsync(await factory.ClientForAsync("motcua"), $"/api/procedures?search={code}");

        var entry = Assert.Single(found.RootElement.EnumerateArray());
        Assert.Equal(1, entry.GetProperty("version").GetInt32());
        Assert.Equal("4 giờ làm việc", entry.GetProperty("processingTime").GetString());
        Assert.Equal("Tờ khai", Assert.Single(entry.GetProperty("requiredDocuments").EnumerateArray()).GetProperty("name").GetString());
    }

    public static TheoryData<string, string> BadProcedures() => new()
    {
        { """{"code":"1000948","name":"Thủ tục","field":"Hộ tịch"}""", "code" },
        // A demo procedure's code.
        { """{"code":"1.000894.H99","name":"Thủ tục","field":"Hộ tịch"}""", "code" },
        { """{"code":"1.999001.H98","name":"","field":"Hộ tịch"}""", "name" },
        { """{"code":"1.999001.H98","name":"Thủ tục","field":""}""", "field" },
        { """{"code":"1.999001.H98","name":"Thủ tục","field":"Hộ tịch","agency":"000.00.99.H99"}""", "agency" },
    };

    [Theory]
    [MemberData(nameof(BadProcedures))]
    public async Task Create_BadInput_Is400NamingTheFieldAndWritesNothing(string json, string field)
    {
        var admin = await factory.ClientForAsync("admin");
        var before = await CountAsync();

        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        await AssertInvalidAsync(await admin.PostAsync(new Uri("/api/admin/procedures", UriKind.Relative), content), field);

        Assert.Equal(before, await CountAsync());
    }

    public static TheoryData<string, string> BadVersions() => new()
    {
        { """{"processingTime":{"amount":5,"unit":"WorkingDays"}}""", "effectiveFrom" },
        { """{"effectiveFrom":"01/07/2025","processingTime":{"amount":5,"unit":"WorkingDays"}}""", "effectiveFrom" },
        // Before version 1 (2025-01-01).
        { """{"effectiveFrom":"2024-12-31","processingTime":{"amount":5,"unit":"WorkingDays"}}""", "effectiveFrom" },
        { """{"effectiveFrom":"2025-07-01","processingTime":{"amount":-1,"unit":"WorkingDays"}}""", "processingTime.amount" },
        { """{"effectiveFrom":"2025-07-01","processingTime":{"amount":2,"unit":"SameDay"}}""", "processingTime.amount" },
        { """{"effectiveFrom":"2025-07-01","processingTime":{"amount":2}}""", "processingTime.unit" },
        { """{"effectiveFrom":"2025-07-01","processingTime":{"amount":2,"unit":"Fortnights"}}""", "processingTime.unit" },
        { """{"effectiveFrom":"2025-07-01","processingTime":{"amount":2,"unit":"WorkingDays"},"requiredDocuments":[{"name":"Tờ khai","originals":0,"copies":0}]}""", "requiredDocuments[0]" },
        { """{"effectiveFrom":"2025-07-01","processingTime":{"amount":2,"unit":"WorkingDays"},"requiredDocuments":[{"name":"","originals":1,"copies":0}]}""", "requiredDocuments[0].name" },
        { """{"effectiveFrom":"2025-07-01","processingTime":{"amount":2,"unit":"WorkingDays"},"stepBudgets":[{"unit":"Một cửa","workingHours":0}]}""", "stepBudgets[0].workingHours" },
        { """{"effectiveFrom":"2025-07-01","processingTime":{"amount":2,"unit":"WorkingDays"},"stepBudgets":[{"unit":"Một cửa","workingHours":2},{"unit":"Một cửa","workingHours":2}]}""", "stepBudgets[1].unit" },
        { """{"effectiveFrom":"2025-07-01","processingTime":{"amount":2,"unit":"WorkingDays"},"fee":-1000}""", "fee" },
    };

    [Theory]
    [MemberData(nameof(BadVersions))]
    public async Task AddVersion_BadInput_Is400NamingTheFieldAndWritesNothing(string json, string field)
    {
        var admin = await factory.ClientForAsync("admin");
        var code = await CreateProcedureAsync(admin, agency: null);
        await AddVersionAsync(admin, code, "2025-01-01", 5, "WorkingDays");

        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        await AssertInvalidAsync(await admin.PostAsync(new Uri($"/api/admin/procedures/{code}/versions", UriKind.Relative), content), field);

        using var found = await GetAsync(admin, $"/api/admin/procedures?search={code}");
        Assert.Single(Assert.Single(found.RootElement.EnumerateArray()).GetProperty("versions").EnumerateArray());
    }

    [Fact]
    public async Task AddVersion_ProcedureOfAnotherSubtree_Is404()
    {
        var admin = await factory.ClientForAsync("admin");
        var code = await CreateProcedureAsync(admin, agency: "000.00.12.H99");
        var communeAdmin = await AdminApi.CommuneAdminAsync(factory);

        using var response = await communeAdmin.PostAsJsonAsync($"/api/admin/procedures/{code}/versions", Version("2025-07-01", 1, "WorkingDays"));
        using var unknown = await admin.PostAsJsonAsync("/api/admin/procedures/9.999999.H99/versions", Version("2025-07-01", 1, "WorkingDays"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task AddVersion_CommuneAdminOnAProcedureEveryAgencyOffers_Is403()
    {
        var communeAdmin = await AdminApi.CommuneAdminAsync(factory);

        using var response = await communeAdmin.PostAsJsonAsync("/api/admin/procedures/1.000894.H99/versions", Version("2025-07-01", 1, "WorkingDays"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Endpoints_Clerk_Are403ButTheDeskSearchAnswers()
    {
        var clerk = await factory.ClientForAsync("motcua");

        using var search = await clerk.GetAsync(new Uri("/api/admin/procedures", UriKind.Relative));
        using var created = await clerk.PostAsJsonAsync("/api/admin/procedures", new { code = "1.999999.H98", name = "X", field = "Y" });
        using var version = await clerk.PostAsJsonAsync("/api/admin/procedures/1.000894.H99/versions", Version("2025-07-01", 1, "WorkingDays"));
        using var desk = await clerk.GetAsync(new Uri("/api/procedures?search=khai%20sinh", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, search.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, created.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, version.StatusCode);
        Assert.Equal(HttpStatusCode.OK, desk.StatusCode);
    }

    private static object Version(string effectiveFrom, int amount, string unit) => new
    {
        effectiveFrom,
        processingTime = new { amount, unit },
        requiredDocuments = new[] { new { name = "Tờ khai", originals = 1, copies = 0 } },
        stepBudgets = new[] { new { unit = "Bộ phận Một cửa", workingHours = 2 } },
        fee = 10000,
    };

    private static async Task<string> CreateProcedureAsync(HttpClient admin, string? agency)
    {
        var code = $"1.{990000 + Interlocked.Increment(ref _sequence):000000}.H98";
        using var response = await admin.PostAsJsonAsync("/api/admin/procedures", new { code, name = "Thủ tục thử nghiệm " + code, field = "Thử nghiệm", agency });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return code;
    }

    private static async Task AddVersionAsync(HttpClient admin, string code, string effectiveFrom, int amount, string unit)
    {
        using var response = await admin.PostAsJsonAsync($"/api/admin/procedures/{code}/versions", Version(effectiveFrom, amount, unit));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private async Task<int> CountAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().Procedures.CountAsync();
    }
}
