using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Persistence;
using static OneStop.Tests.Api.Dossiers.DossierApi;

namespace OneStop.Tests.Api.Administration;

public sealed class AgencyAdminEndpointsTests(OneStopApiFactory factory) : IClassFixture<OneStopApiFactory>
{
    [Fact]
    public async Task Tree_Admin_ListsProvinceWithCommunesAndDefaultHours()
    {
        var admin = await factory.ClientForAsync("admin");

        using var tree = await GetAsync(admin, "/api/admin/agencies");

        var root = tree.RootElement;
        Assert.Equal("000.00.00.H99", root.GetProperty("electronicId").GetString());
        Assert.True(root.GetProperty("usesDefaultHours").GetBoolean());
        Assert.Equal(["07:30-11:30", "13:00-17:00"], root.GetProperty("sessions").EnumerateArray().Select(s => s.GetString()));
        var children = root.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("electronicId").GetString()).ToList();
        Assert.Contains("000.00.12.H99", children);
        Assert.Contains("000.00.13.H99", children);
    }

    [Fact]
    public async Task Tree_CommuneAdmin_SeesOnlyItsCommune()
    {
        var communeAdmin = await AdminApi.CommuneAdminAsync(factory);

        using var tree = await GetAsync(communeAdmin, "/api/admin/agencies");

        Assert.Equal("000.00.13.H99", tree.RootElement.GetProperty("electronicId").GetString());
        Assert.Equal(0, tree.RootElement.GetProperty("children").GetArrayLength());
    }

    [Fact]
    public async Task Create_UnderCommune_AppearsInTheTree()
    {
        var admin = await factory.ClientForAsync("admin");
        var id = AdminApi.NewElectronicId();

        using var response = await admin.PostAsJsonAsync("/api/admin/agencies", new { name = "Bộ phận Một cửa xã Hòa Bình", electronicId = id, parent = "000.00.13.H99" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var tree = await GetAsync(admin, "/api/admin/agencies");
        var hoaBinh = tree.RootElement.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("electronicId").GetString() == "000.00.13.H99");
        var child = Assert.Single(hoaBinh.GetProperty("children").EnumerateArray(), c => c.GetProperty("electronicId").GetString() == id);
        Assert.Equal("000.00.13.H99", child.GetProperty("parent").GetString());
    }

    public static TheoryData<string, string> BadAgencies() => new()
    {
        { """{"name":"","electronicId":"000.00.77.H98","parent":"000.00.00.H99"}""", "name" },
        { """{"name":"Phòng Tư pháp","electronicId":"000-00-77-H98","parent":"000.00.00.H99"}""", "electronicId" },
        // Đống Đa's id is taken.
        { """{"name":"Phòng Tư pháp","electronicId":"000.00.12.H99","parent":"000.00.00.H99"}""", "electronicId" },
        { """{"name":"Phòng Tư pháp","electronicId":"000.00.77.H98","parent":"000.00.99.H99"}""", "parent" },
        { """{"name":"Phòng Tư pháp","electronicId":"000.00.77.H98"}""", "parent" },
    };

    [Theory]
    [MemberData(nameof(BadAgencies))]
    public async Task Create_BadInput_Is400NamingTheFieldAndWritesNothing(string json, string field)
    {
        var admin = await factory.ClientForAsync("admin");
        var before = await CountAsync();

        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        await AssertInvalidAsync(await admin.PostAsync(new Uri("/api/admin/agencies", UriKind.Relative), content), field);

        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Create_ParentOutsideSubtree_Is400()
    {
        var communeAdmin = await AdminApi.CommuneAdminAsync(factory);

        using var response = await communeAdmin.PostAsJsonAsync("/api/admin/agencies", new { name = "Phòng X", electronicId = AdminApi.NewElectronicId(), parent = "000.00.12.H99" });

        await AssertInvalidAsync(response, "parent");
    }

    [Fact]
    public async Task Update_OfficeHoursAndRename_AreStoredAndShown()
    {
        var admin = await factory.ClientForAsync("admin");
        var id = await CreateAsync(admin);

        using var response = await admin.PutAsJsonAsync($"/api/admin/agencies/{id}", new
        {
            name = "Trung tâm Phục vụ hành chính công",
            sessions = new[] { "08:00-12:00", "13:30-17:30" },
            cutOff = "16:00",
            saturdayReception = new[] { "08:00-11:30" },
            countingMode = "CivilCode",
        });

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var body = JsonDocument.Parse(text);
        var agency = body.RootElement;
        Assert.Equal("Trung tâm Phục vụ hành chính công", agency.GetProperty("name").GetString());
        Assert.Equal(["08:00-12:00", "13:30-17:30"], agency.GetProperty("sessions").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("16:00", agency.GetProperty("cutOff").GetString());
        Assert.Equal("08:00-11:30", Assert.Single(agency.GetProperty("saturdayReception").EnumerateArray()).GetString());
        Assert.Equal("CivilCode", agency.GetProperty("countingMode").GetString());
        Assert.False(agency.GetProperty("usesDefaultHours").GetBoolean());

        await using var scope = factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().Agencies.SingleAsync(a => a.ElectronicId == id);
        Assert.Equal("08:00-12:00;13:30-17:30", stored.Sessions);
    }

    [Fact]
    public async Task Update_NewElectronicId_RenamesTheAgency()
    {
        var admin = await factory.ClientForAsync("admin");
        var id = await CreateAsync(admin);
        var renamed = AdminApi.NewElectronicId();

        using var response = await admin.PutAsJsonAsync($"/api/admin/agencies/{id}", new { electronicId = renamed });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var missing = await admin.PutAsJsonAsync($"/api/admin/agencies/{id}", new { name = "X" });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    public static TheoryData<string, string> BadUpdates() => new()
    {
        // Overlapping sessions.
        { """{"sessions":["07:30-11:30","11:00-17:00"]}""", "sessions" },
        { """{"sessions":["07:30-11:30","13:00-25:00"]}""", "sessions[1]" },
        { """{"sessions":["11:30-07:30"]}""", "sessions[0]" },
        { """{"sessions":[]}""", "sessions" },
        { """{"cutOff":"3pm"}""", "cutOff" },
        // A cut-off after the offices close means nothing.
        { """{"cutOff":"18:00"}""", "cutOff" },
        { """{"saturdayReception":["08:00-11:30","10:00-12:00"]}""", "saturdayReception" },
        { """{"countingMode":"Lunar"}""", "countingMode" },
        { """{"name":"   "}""", "name" },
        { """{"electronicId":"000.00.13.H99"}""", "electronicId" },
    };

    [Theory]
    [MemberData(nameof(BadUpdates))]
    public async Task Update_BadInput_Is400NamingTheFieldAndChangesNothing(string json, string field)
    {
        var admin = await factory.ClientForAsync("admin");
        var id = await CreateAsync(admin);

        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        await AssertInvalidAsync(await admin.PutAsync(new Uri($"/api/admin/agencies/{id}", UriKind.Relative), content), field);

        await using var scope = factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().Agencies.AsNoTracking().SingleAsync(a => a.ElectronicId == id);
        Assert.Equal(string.Empty, stored.Sessions);
        Assert.Null(stored.CutOff);
        Assert.Equal("Phòng thử nghiệm", stored.Name);
    }

    [Fact]
    public async Task Update_OutsideSubtree_Is404()
    {
        var communeAdmin = await AdminApi.CommuneAdminAsync(factory);

        using var response = await communeAdmin.PutAsJsonAsync("/api/admin/agencies/000.00.12.H99", new { name = "Không được" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("motcua")]
    [InlineData("giamsat")]
    public async Task Endpoints_NonAdmin_Are403(string userName)
    {
        var client = await factory.ClientForAsync(userName);

        using var tree = await client.GetAsync(new Uri("/api/admin/agencies", UriKind.Relative));
        using var created = await client.PostAsJsonAsync("/api/admin/agencies", new { name = "X", electronicId = AdminApi.NewElectronicId(), parent = "000.00.12.H99" });
        using var updated = await client.PutAsJsonAsync("/api/admin/agencies/000.00.12.H99", new { name = "X" });

        Assert.Equal(HttpStatusCode.Forbidden, tree.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, created.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, updated.StatusCode);
    }

    [Fact]
    public async Task Endpoints_Anonymous_Are401()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/api/admin/agencies", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<string> CreateAsync(HttpClient admin)
    {
        var id = AdminApi.NewElectronicId();
        using var response = await admin.PostAsJsonAsync("/api/admin/agencies", new { name = "Phòng thử nghiệm", electronicId = id, parent = "000.00.12.H99" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return id;
    }

    private async Task<int> CountAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().Agencies.CountAsync();
    }
}
