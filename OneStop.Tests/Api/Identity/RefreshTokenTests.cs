using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Api.Demo;
using OneStop.Persistence;

namespace OneStop.Tests.Api.Identity;

/// <summary>Refresh tokens rotate on use; a spent one presented again revokes its whole family.</summary>
public sealed class RefreshTokenTests(OneStopApiFactory factory) : IClassFixture<OneStopApiFactory>
{
    [Fact]
    public async Task Refresh_CurrentToken_AnswersANewPairAndSpendsTheOldOne()
    {
        using var client = factory.CreateClient();
        var first = await LoginAsync(client, "motcua");

        var second = await RefreshAsync(client, first.RefreshToken);

        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.NotEqual(first.AccessToken, second.AccessToken);
        Assert.Equal(HttpStatusCode.OK, await GetQueueAsync(client, second.AccessToken));
        var third = await RefreshAsync(client, second.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, await GetQueueAsync(client, third.AccessToken));
        var family = await FamilyAsync(third.RefreshToken);
        Assert.Equal(3, family.Count);
        Assert.Equal(2, family.Count(t => t.SpentAt is not null));
        Assert.All(family, t => Assert.Null(t.RevokedAt));
    }

    [Fact]
    public async Task Refresh_SpentTokenPresentedAgain_IsRefusedAndRevokesTheWholeFamily()
    {
        using var client = factory.CreateClient();
        var stolen = await LoginAsync(client, "motcua");
        var legitimate = await RefreshAsync(client, stolen.RefreshToken);
        var otherSignIn = await LoginAsync(client, "motcua");

        // The thief replays the token the client already used: refused, and the client's newer token dies too.
        Assert.Equal(HttpStatusCode.Unauthorized, await TryRefreshAsync(client, stolen.RefreshToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await TryRefreshAsync(client, legitimate.RefreshToken));
        Assert.All(await FamilyAsync(legitimate.RefreshToken), t => Assert.NotNull(t.RevokedAt));

        // Another sign-in of the same user is another family, untouched.
        var next = await RefreshAsync(client, otherSignIn.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, await GetQueueAsync(client, next.AccessToken));
    }

    [Fact]
    public async Task Refresh_OneTokenTwiceAtOnce_OneAnswerAndThenTheFamilyIsRevoked()
    {
        using var client = factory.CreateClient();
        var tokens = await LoginAsync(client, "motcua");

        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken })));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Unauthorized], answers.Select(a => a.StatusCode).Order());
        var winner = await ReadAsync(answers.Single(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.Unauthorized, await TryRefreshAsync(client, winner.RefreshToken));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task Logout_BearerClient_RevokesItsRefreshFamily()
    {
        using var client = factory.CreateClient();
        var tokens = await LoginAsync(client, "motcua");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        using var logout = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await TryRefreshAsync(client, tokens.RefreshToken));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("CfDJ8AAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Refresh_ForgedToken_IsRefused(string refreshToken)
    {
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, await TryRefreshAsync(client, refreshToken));
    }

    [Fact]
    public async Task Refresh_AccessTokenInsteadOfRefreshToken_IsRefused()
    {
        using var client = factory.CreateClient();
        var tokens = await LoginAsync(client, "motcua");
        Assert.Equal(HttpStatusCode.Unauthorized, await TryRefreshAsync(client, tokens.AccessToken));
    }

    private static async Task<Tokens> LoginAsync(HttpClient client, string userName)
    {
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = DemoData.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadAsync(response);
    }

    private static async Task<Tokens> RefreshAsync(HttpClient client, string refreshToken)
    {
        using var response = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadAsync(response);
    }

    private static async Task<HttpStatusCode> TryRefreshAsync(HttpClient client, string refreshToken)
    {
        using var response = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });
        return response.StatusCode;
    }

    private static async Task<HttpStatusCode> GetQueueAsync(HttpClient client, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/dossiers");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<Tokens> ReadAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new Tokens(body.RootElement.GetProperty("accessToken").GetString()!, body.RootElement.GetProperty("refreshToken").GetString()!);
    }

    // The family of the newest token, read from the store (every token of a chain shares its first token's id).
    private async Task<List<OneStop.Users.RefreshToken>> FamilyAsync(string refreshToken)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var protector = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions>>()
            .Get(Microsoft.AspNetCore.Identity.IdentityConstants.BearerScheme).RefreshTokenProtector;
        var id = OneStop.Api.Identity.RefreshTokenStore.IdOf(protector.Unprotect(refreshToken)!.Principal)!.Value;
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var familyId = await db.RefreshTokens.Where(t => t.Id == id).Select(t => t.FamilyId).SingleAsync();
        return await db.RefreshTokens.AsNoTracking().Where(t => t.FamilyId == familyId).ToListAsync();
    }

    private sealed record Tokens(string AccessToken, string RefreshToken);
}
