using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Persistence;
using static OneStop.Tests.Api.Dossiers.DossierApi;
using static OneStop.Tests.Api.Units.UnitApi;

namespace OneStop.Tests.Api.Units;

public sealed class UnitAdminEndpointsTests(OneStopApiFactory factory) : IClassFixture<OneStopApiFactory>
{
    [Fact]
    public async Task List_DemoCommune_HasTheDeskFirstAndItsDepartments()
    {
        var admin = await factory.ClientForAsync("admin");

        var units = await ListAsync(admin);

        Assert.Equal("Bộ phận Một cửa", units[0].GetProperty("name").GetString());
        Assert.True(units[0].GetProperty("desk").GetBoolean());
        Assert.Contains(units, u => u.GetProperty("name").GetString() == "Công chức tư pháp - hộ tịch" && u.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Add_MessySpelling_IsKeptNormalisedAndASecondSpellingIsRefused()
    {
        var admin = await factory.ClientForAsync("admin");

        var id = await AddAsync(admin, "  Phòng   Kinh tế ");
        using var again = await admin.PostAsJsonAsync(UnitsOf(DongDa), new { name = "phòng kinh tế" });

        Assert.Contains(await ListAsync(admin), u => u.GetProperty("id").GetGuid() == id && u.GetProperty("name").GetString() == "Phòng Kinh tế");
        await AssertRuleAsync(again, "unit-name-taken");
    }

    [Theory]
    [InlineData("""{"name":""}""")]
    [InlineData("""{"name":"   "}""")]
    [InlineData("""{}""")]
    public async Task Add_NoName_Is400NamingNameAndWritesNothing(string json)
    {
        var admin = await factory.ClientForAsync("admin");
        var before = (await ListAsync(admin)).Count;

        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        await AssertInvalidAsync(await admin.PostAsync(new Uri(UnitsOf(DongDa), UriKind.Relative), content), "name");

        Assert.Equal(before, (await ListAsync(admin)).Count);
    }

    [Fact]
    public async Task Add_AgencyOutsideTheSubtree_Is404()
    {
        var communeAdmin = await Administration.AdminApi.CommuneAdminAsync(factory);

        using var response = await communeAdmin.PostAsJsonAsync(UnitsOf(DongDa), new { name = "Phòng lạ" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Rename_Unit_KeepsTheFormerNameWhichHandOversStillFind()
    {
        var admin = await factory.ClientForAsync("admin");
        var clerk = await factory.ClientForAsync("motcua");
        var id = await AddAsync(admin, "Tổ một cửa liên thông");

        using var renamed = await admin.PutAsJsonAsync($"{UnitsOf(DongDa)}/{id}", new { name = "Tổ liên thông" });
        var code = await RegisterAsync(clerk);
        using var handover = await PostAsync(clerk, code, "handovers", new { toUnit = "tổ một cửa  liên thông" });

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        using var state = await ReadAsync(handover);
        Assert.Equal("Tổ liên thông", state.RootElement.GetProperty("currentUnit").GetString());
        var unit = Assert.Single(await ListAsync(admin), u => u.GetProperty("id").GetGuid() == id);
        Assert.Equal("Tổ một cửa liên thông", Assert.Single(unit.GetProperty("formerNames").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task RenameOrDeactivate_Desk_Is409()
    {
        var admin = await factory.ClientForAsync("admin");
        var desk = (await ListAsync(admin))[0].GetProperty("id").GetGuid();

        await AssertRuleAsync(await admin.PutAsJsonAsync($"{UnitsOf(DongDa)}/{desk}", new { name = "Bàn tiếp nhận" }), "unit-desk-fixed");
        await AssertRuleAsync(await admin.PostAsync(new Uri($"{UnitsOf(DongDa)}/{desk}/deactivate", UriKind.Relative), null), "unit-desk-fixed");
    }

    [Fact]
    public async Task HandOver_SpellingOfACatalogueUnit_StoresTheCatalogueName()
    {
        var clerk = await factory.ClientForAsync("motcua");
        var code = await RegisterAsync(clerk);

        using var response = await PostAsync(clerk, code, "handovers", new { toUnit = "  CÔNG CHỨC  tư pháp - hộ tịch " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var state = await ReadAsync(response);
        Assert.Equal("Công chức tư pháp - hộ tịch", state.RootElement.GetProperty("currentUnit").GetString());
    }

    [Fact]
    public async Task HandOver_UnitNotInTheCatalogue_Is400NamingToUnitAndWritesNothing()
    {
        var clerk = await factory.ClientForAsync("motcua");
        var code = await RegisterAsync(clerk);
        var before = await EventCountAsync(clerk, code);

        await AssertInvalidAsync(await PostAsync(clerk, code, "handovers", new { toUnit = "Phòng không có" }), "toUnit");

        Assert.Equal(before, await EventCountAsync(clerk, code));
    }

    [Fact]
    public async Task HandOver_DeactivatedUnit_Is400NamingToUnit()
    {
        var admin = await factory.ClientForAsync("admin");
        var clerk = await factory.ClientForAsync("motcua");
        var id = await AddAsync(admin, "Phòng sắp giải thể");
        using var deactivated = await admin.PostAsync(new Uri($"{UnitsOf(DongDa)}/{id}/deactivate", UriKind.Relative), null);
        var code = await RegisterAsync(clerk);

        await AssertInvalidAsync(await PostAsync(clerk, code, "handovers", new { toUnit = "Phòng sắp giải thể" }), "toUnit");

        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        using var active = await GetAsync(clerk, $"/api/agencies/{DongDa}/units");
        Assert.DoesNotContain(active.RootElement.EnumerateArray(), n => n.GetString() == "Phòng sắp giải thể");
    }

    [Fact]
    public async Task SetUnit_User_PicksFromTheCatalogue()
    {
        var admin = await factory.ClientForAsync("admin");

        using var set = await admin.PutAsJsonAsync("/api/admin/users/motcua/unit", new { unit = "bộ phận  một cửa" });
        await AssertInvalidAsync(await admin.PutAsJsonAsync("/api/admin/users/motcua/unit", new { unit = "Phòng không có" }), "unit");

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        using var body = await ReadAsync(set);
        Assert.Equal("Bộ phận Một cửa", body.RootElement.GetProperty("unit").GetString());
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        Assert.Equal("Bộ phận Một cửa", await db.Users.Where(u => u.UserName == "motcua").Select(u => u.Unit).SingleAsync());
    }
}
