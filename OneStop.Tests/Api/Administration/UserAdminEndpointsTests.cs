using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Api.Demo;
using OneStop.Persistence;
using static OneStop.Tests.Api.Dossiers.DossierApi;

namespace OneStop.Tests.Api.Administration;

public sealed class UserAdminEndpointsTests(OneStopApiFactory factory) : IClassFixture<OneStopApiFactory>
{
    [Fact]
    public async Task List_Admin_ShowsTheDemoUsersWithAgencyAndRoles()
    {
        var admin = await factory.ClientForAsync("admin");

        using var users = await GetAsync(admin, "/api/admin/users");

        var clerk = Assert.Single(users.RootElement.EnumerateArray(), u => u.GetProperty("userName").GetString() == "motcua");
        Assert.Equal("000.00.12.H99", clerk.GetProperty("agency").GetString());
        Assert.Equal("Clerk", Assert.Single(clerk.GetProperty("roles").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task List_CommuneAdmin_SeesOnlyItsCommunesUsers()
    {
        var communeAdmin = await AdminApi.CommuneAdminAsync(factory);

        using var users = await GetAsync(communeAdmin, "/api/admin/users");

        var names = users.RootElement.EnumerateArray().Select(u => u.GetProperty("userName").GetString()).ToList();
        Assert.Contains("motcua2", names);
        Assert.DoesNotContain("motcua", names);
        Assert.DoesNotContain("admin", names);
    }

    [Fact]
    public async Task Create_NewClerk_CanSignInAndRegister()
    {
        var admin = await factory.ClientForAsync("admin");
        var userName = AdminApi.NewUserName("motcua");

        using var response = await admin.PostAsJsonAsync("/api/admin/users", new
        {
            userName,
            fullName = "Đỗ Thị Mai",
            password = DemoData.Password,
            agency = "000.00.12.H99",
            roles = new[] { "Clerk" },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var clerk = await factory.ClientForAsync(userName);
        await RegisterAsync(clerk);
    }

    public static TheoryData<string, string> BadUsers() => new()
    {
        { """{"userName":"","fullName":"A","password":"MotCua@2025","agency":"000.00.12.H99","roles":["Clerk"]}""", "userName" },
        { """{"userName":"motcua","fullName":"A","password":"MotCua@2025","agency":"000.00.12.H99","roles":["Clerk"]}""", "userName" },
        { """{"userName":"bad user!","fullName":"A","password":"MotCua@2025","agency":"000.00.12.H99","roles":["Clerk"]}""", "userName" },
        { """{"userName":"moi1","fullName":"","password":"MotCua@2025","agency":"000.00.12.H99","roles":["Clerk"]}""", "fullName" },
        { """{"userName":"moi1","fullName":"A","password":"short1A","agency":"000.00.12.H99","roles":["Clerk"]}""", "password" },
        { """{"userName":"moi1","fullName":"A","agency":"000.00.12.H99","roles":["Clerk"]}""", "password" },
        { """{"userName":"moi1","fullName":"A","password":"MotCua@2025","agency":"000.00.99.H99","roles":["Clerk"]}""", "agency" },
        { """{"userName":"moi1","fullName":"A","password":"MotCua@2025","agency":"000.00.12.H99","roles":["Janitor"]}""", "roles[0]" },
        { """{"userName":"moi1","fullName":"A","password":"MotCua@2025","agency":"000.00.12.H99","roles":[]}""", "roles" },
    };

    [Theory]
    [MemberData(nameof(BadUsers))]
    public async Task Create_BadInput_Is400NamingTheFieldAndWritesNothing(string json, string field)
    {
        var admin = await factory.ClientForAsync("admin");
        var before = await CountAsync();

        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        await AssertInvalidAsync(await admin.PostAsync(new Uri("/api/admin/users", UriKind.Relative), content), field);

        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Create_AgencyOutsideSubtree_Is400()
    {
        var communeAdmin = await AdminApi.CommuneAdminAsync(factory);

        using var response = await communeAdmin.PostAsJsonAsync("/api/admin/users", new
        {
            userName = AdminApi.NewUserName("x"), fullName = "X", password = DemoData.Password, agency = "000.00.12.H99", roles = new[] { "Clerk" },
        });

        await AssertInvalidAsync(response, "agency");
    }

    [Fact]
    public async Task SetRoles_AfterTheChange_TheOldRefreshTokenIsRefusedAndAccessTokensAreShortLived()
    {
        var admin = await factory.ClientForAsync("admin");
        var userName = await CreateClerkAsync(admin);
        using var anonymous = factory.CreateClient();
        using var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { userName, password = DemoData.Password });
        using var tokens = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        var refreshToken = tokens.RootElement.GetProperty("refreshToken").GetString();
        Assert.Equal(5 * 60, tokens.RootElement.GetProperty("expiresIn").GetInt32());

        using var changed = await admin.PutAsJsonAsync($"/api/admin/users/{userName}/roles", new { roles = new[] { "Officer" } });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        using var refreshed = await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, refreshed.StatusCode);
    }

    [Fact]
    public async Task SetUnit_Officer_IsListedWithItsUnitAndCanBeCleared()
    {
        var admin = await factory.ClientForAsync("admin");
        var userName = await CreateClerkAsync(admin);

        using var set = await admin.PutAsJsonAsync($"/api/admin/users/{userName}/unit", new { unit = "  Công chức tư pháp - hộ tịch " });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal("Công chức tư pháp - hộ tịch", await UnitOfAsync(admin, userName));

        await AssertInvalidAsync(await admin.PutAsJsonAsync($"/api/admin/users/{userName}/unit", new { unit = new string('x', 301) }), "unit");
        Assert.Equal("Công chức tư pháp - hộ tịch", await UnitOfAsync(admin, userName));

        using var cleared = await admin.PutAsJsonAsync($"/api/admin/users/{userName}/unit", new { unit = "" });
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Null(await UnitOfAsync(admin, userName));
    }

    [Fact]
    public async Task SetContact_EmailAndPhone_AreListedNormalisedAndCanBeCleared()
    {
        var admin = await factory.ClientForAsync("admin");
        var userName = await CreateClerkAsync(admin);

        using var set = await admin.PutAsJsonAsync($"/api/admin/users/{userName}/contact", new { email = " ha.do@dongda.gov.vn ", phone = "0912 345.678" });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var user = await UserAsync(admin, userName);
        Assert.Equal("ha.do@dongda.gov.vn", user.GetProperty("email").GetString());
        Assert.Equal("0912345678", user.GetProperty("phone").GetString());

        using var cleared = await admin.PutAsJsonAsync($"/api/admin/users/{userName}/contact", new { email = "", phone = (string?)null });
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        user = await UserAsync(admin, userName);
        Assert.Equal(JsonValueKind.Null, user.GetProperty("email").ValueKind);
        Assert.Equal(JsonValueKind.Null, user.GetProperty("phone").ValueKind);
    }

    [Theory]
    [InlineData("khong-phai-email", "0912345678", "email")]
    [InlineData("a@b", "0912345678", "email")]
    [InlineData("ha do@dongda.gov.vn", null, "email")]
    [InlineData("ha.do@dongda.gov.vn", "12345", "phone")]
    [InlineData(null, "+8412345678901", "phone")]
    public async Task SetContact_BadInput_Is400NamingTheFieldAndKeepsTheOldOnes(string? email, string? phone, string field)
    {
        var admin = await factory.ClientForAsync("admin");
        var userName = await CreateClerkAsync(admin);
        using var set = await admin.PutAsJsonAsync($"/api/admin/users/{userName}/contact", new { email = "cu@dongda.gov.vn", phone = "0912345678" });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        await AssertInvalidAsync(await admin.PutAsJsonAsync($"/api/admin/users/{userName}/contact", new { email, phone }), field);

        var user = await UserAsync(admin, userName);
        Assert.Equal("cu@dongda.gov.vn", user.GetProperty("email").GetString());
        Assert.Equal("0912345678", user.GetProperty("phone").GetString());
    }

    [Fact]
    public async Task Create_WithContact_IsListedWithItAndABadOneWritesNothing()
    {
        var admin = await factory.ClientForAsync("admin");
        var userName = AdminApi.NewUserName("officer");
        var before = await CountAsync();
        await AssertInvalidAsync(await admin.PostAsJsonAsync("/api/admin/users", new
        {
            userName, fullName = "Cán bộ thử nghiệm", password = DemoData.Password, agency = "000.00.12.H99", roles = new[] { "Officer" }, email = "sai@", phone = "0912345678",
        }), "email");
        Assert.Equal(before, await CountAsync());

        using var created = await admin.PostAsJsonAsync("/api/admin/users", new
        {
            userName, fullName = "Cán bộ thử nghiệm", password = DemoData.Password, agency = "000.00.12.H99", roles = new[] { "Officer" }, email = "cb@dongda.gov.vn", phone = "0243 8512345",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var user = await UserAsync(admin, userName);
        Assert.Equal("cb@dongda.gov.vn", user.GetProperty("email").GetString());
        Assert.Equal("02438512345", user.GetProperty("phone").GetString());
    }

    [Fact]
    public async Task List_DemoUsers_HaveAddressesOnTheDemoDomain()
    {
        var admin = await factory.ClientForAsync("admin");
        using var users = await GetAsync(admin, "/api/admin/users");
        var demo = users.RootElement.EnumerateArray().Where(u => u.GetProperty("userName").GetString() is "chuyenvien" or "lanhdao" or "giamsat").ToList();
        Assert.Equal(3, demo.Count);
        Assert.All(demo, u => Assert.Equal(u.GetProperty("userName").GetString() + "@" + DemoData.MailDomain, u.GetProperty("email").GetString()));
    }

    private static async Task<JsonElement> UserAsync(HttpClient admin, string userName)
    {
        using var users = await GetAsync(admin, "/api/admin/users");
        return Assert.Single(users.RootElement.EnumerateArray(), u => u.GetProperty("userName").GetString() == userName).Clone();
    }

    private static async Task<string?> UnitOfAsync(HttpClient admin, string userName)
    {
        using var users = await GetAsync(admin, "/api/admin/users");
        return Assert.Single(users.RootElement.EnumerateArray(), u => u.GetProperty("userName").GetString() == userName).GetProperty("unit").GetString();
    }

    [Fact]
    public async Task SetRoles_ClerkBecomesOfficer_RolesAreReplaced()
    {
        var admin = await factory.ClientForAsync("admin");
        var userName = await CreateClerkAsync(admin);

        using var response = await admin.PutAsJsonAsync($"/api/admin/users/{userName}/roles", new { roles = new[] { "Officer", "Head" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var users = await GetAsync(admin, "/api/admin/users");
        var user = Assert.Single(users.RootElement.EnumerateArray(), u => u.GetProperty("userName").GetString() == userName);
        Assert.Equal(["Head", "Officer"], user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var officer = await factory.ClientForAsync(userName);
        using var registered = await officer.PostAsJsonAsync("/api/dossiers", Registration());
        Assert.Equal(HttpStatusCode.Forbidden, registered.StatusCode);
    }

    [Theory]
    [InlineData("""{"roles":["Janitor"]}""", "roles[0]")]
    [InlineData("""{"roles":[]}""", "roles")]
    public async Task SetRoles_BadInput_Is400AndKeepsTheRoles(string json, string field)
    {
        var admin = await factory.ClientForAsync("admin");
        var userName = await CreateClerkAsync(admin);

        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        await AssertInvalidAsync(await admin.PutAsync(new Uri($"/api/admin/users/{userName}/roles", UriKind.Relative), content), field);

        using var users = await GetAsync(admin, "/api/admin/users");
        var user = Assert.Single(users.RootElement.EnumerateArray(), u => u.GetProperty("userName").GetString() == userName);
        Assert.Equal("Clerk", Assert.Single(user.GetProperty("roles").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task SetRoles_OwnAdminRole_CannotBeRemoved()
    {
        var admin = await factory.ClientForAsync("admin");

        await AssertInvalidAsync(await admin.PutAsJsonAsync("/api/admin/users/admin/roles", new { roles = new[] { "Supervisor" } }), "roles");
    }

    [Fact]
    public async Task ResetPassword_NewPassword_SignsInWithItOnly()
    {
        var admin = await factory.ClientForAsync("admin");
        var userName = await CreateClerkAsync(admin);

        using var response = await admin.PostAsJsonAsync($"/api/admin/users/{userName}/password", new { password = "DoiMatKhau2026" });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        using var oldPassword = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName, password = DemoData.Password });
        using var newPassword = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName, password = "DoiMatKhau2026" });
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newPassword.StatusCode);
    }

    [Fact]
    public async Task ResetPassword_TooWeak_Is400NamingPasswordAndKeepsTheOldOne()
    {
        var admin = await factory.ClientForAsync("admin");
        var userName = await CreateClerkAsync(admin);

        await AssertInvalidAsync(await admin.PostAsJsonAsync($"/api/admin/users/{userName}/password", new { password = "abc" }), "password");

        await factory.ClientForAsync(userName);
    }

    [Fact]
    public async Task Endpoints_UserOutsideSubtree_Are404()
    {
        var communeAdmin = await AdminApi.CommuneAdminAsync(factory);

        using var roles = await communeAdmin.PutAsJsonAsync("/api/admin/users/motcua/roles", new { roles = new[] { "Admin" } });
        using var password = await communeAdmin.PostAsJsonAsync("/api/admin/users/motcua/password", new { password = "ChiemQuyen2026" });
        using var unknown = await communeAdmin.PostAsJsonAsync("/api/admin/users/nobody/password", new { password = "ChiemQuyen2026" });

        Assert.Equal(HttpStatusCode.NotFound, roles.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, password.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Endpoints_Clerk_Are403()
    {
        var clerk = await factory.ClientForAsync("motcua");

        using var list = await clerk.GetAsync(new Uri("/api/admin/users", UriKind.Relative));
        using var created = await clerk.PostAsJsonAsync("/api/admin/users", new { userName = "x", fullName = "X", password = DemoData.Password, agency = "000.00.12.H99", roles = new[] { "Admin" } });
        using var roles = await clerk.PutAsJsonAsync("/api/admin/users/motcua/roles", new { roles = new[] { "Admin" } });
        using var password = await clerk.PostAsJsonAsync("/api/admin/users/motcua2/password", new { password = "ChiemQuyen2026" });

        Assert.All(new[] { list, created, roles, password }, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
    }

    private static async Task<string> CreateClerkAsync(HttpClient admin)
    {
        var userName = AdminApi.NewUserName("clerk");
        using var response = await admin.PostAsJsonAsync("/api/admin/users", new
        {
            userName, fullName = "Cán bộ thử nghiệm", password = DemoData.Password, agency = "000.00.12.H99", roles = new[] { "Clerk" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return userName;
    }

    private async Task<int> CountAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().Users.CountAsync();
    }
}
