using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Api.Demo;
using OneStop.Persistence;
using OneStop.Tests.Api.Pages;
using static OneStop.Tests.Api.Dossiers.DossierApi;

namespace OneStop.Tests.Api.Administration;

/// <summary>An administrator locks a user: no sign-in on the page, no token, no refresh; unlocking gives them back.</summary>
public sealed class UserLockTests(OneStopApiFactory factory) : IClassFixture<OneStopApiFactory>
{
    [Fact]
    public async Task Lock_User_IsRecordedWithServerTimeAndRefusesTokenAndRefresh()
    {
        var admin = await factory.ClientForAsync("admin");
        var userName = await CreateClerkAsync(admin);
        using var anonymous = factory.CreateClient();
        var refreshToken = await RefreshTokenAsync(anonymous, userName);

        using var locked = await admin.PostAsync(new Uri($"/api/admin/users/{userName}/lock", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        using var body = await ReadAsync(locked);
        Assert.True(body.RootElement.GetProperty("locked").GetBoolean());
        Assert.Equal("2025-03-03T09:00:00+07:00", body.RootElement.GetProperty("lockedAt").GetString());
        Assert.Equal("admin", body.RootElement.GetProperty("lockedBy").GetString());
        using var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { userName, password = DemoData.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Contains("quản trị viên khóa", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var refreshed = await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, refreshed.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        Assert.All(await db.RefreshTokens.Where(t => t.UserId == id).ToListAsync(), t => Assert.NotNull(t.RevokedAt));
    }

    [Fact]
    public async Task Lock_User_RefusesTheSignInPage()
    {
        var admin = await factory.ClientForAsync("admin");
        var userName = await CreateClerkAsync(admin);
        using var locked = await admin.PostAsync(new Uri($"/api/admin/users/{userName}/lock", UriKind.Relative), null);
        using var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var signIn = await PostFormAsync(browser, "/dang-nhap", new() { ["userName"] = userName, ["password"] = DemoData.Password });
        using var desk = await browser.GetAsync(new Uri("/quay", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        Assert.Contains("Tài khoản đã bị quản trị viên khóa", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, desk.StatusCode);
        Assert.StartsWith("/dang-nhap", desk.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unlock_LockedUser_SignsInAgain()
    {
        var admin = await factory.ClientForAsync("admin");
        var userName = await CreateClerkAsync(admin);
        using var locked = await admin.PostAsync(new Uri($"/api/admin/users/{userName}/lock", UriKind.Relative), null);

        using var unlocked = await admin.PostAsync(new Uri($"/api/admin/users/{userName}/unlock", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
        using var body = await ReadAsync(unlocked);
        Assert.False(body.RootElement.GetProperty("locked").GetBoolean());
        var clerk = await factory.ClientForAsync(userName);
        await RegisterAsync(clerk);
    }

    [Fact]
    public async Task Lock_Self_Is409AndTheAdministratorStaysActive()
    {
        var admin = await factory.ClientForAsync("admin");

        await AssertRuleAsync(await admin.PostAsync(new Uri("/api/admin/users/admin/lock", UriKind.Relative), null), "user-lock-self");

        using var users = await GetAsync(admin, "/api/admin/users");
        Assert.False(Assert.Single(users.RootElement.EnumerateArray(), u => u.GetProperty("userName").GetString() == "admin").GetProperty("locked").GetBoolean());
    }

    [Fact]
    public async Task Lock_NotAnAdministrator_Is403()
    {
        var clerk = await factory.ClientForAsync("motcua");

        using var response = await clerk.PostAsync(new Uri("/api/admin/users/motcua2/lock", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<string> RefreshTokenAsync(HttpClient client, string userName)
    {
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = DemoData.Password });
        login.EnsureSuccessStatusCode();
        using var tokens = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        return tokens.RootElement.GetProperty("refreshToken").GetString()!;
    }

    private static async Task<string> CreateClerkAsync(HttpClient admin)
    {
        var userName = AdminApi.NewUserName("khoa");
        using var response = await admin.PostAsJsonAsync("/api/admin/users", new
        {
            userName, fullName = "Cán bộ bị khóa", password = DemoData.Password, agency = "000.00.12.H99", roles = new[] { "Clerk" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return userName;
    }

    private static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, Dictionary<string, string> fields) =>
        PageForm.PostAsync(client, page, page, fields);
}
