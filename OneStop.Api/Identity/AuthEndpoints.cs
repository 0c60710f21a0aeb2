using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using OneStop.Users;

namespace OneStop.Api.Identity;

/// <summary>
/// Sign-in: <c>POST /api/auth/login</c> answers a bearer token (API clients) or, with <c>?useCookies=true</c>,
/// sets the cookie the pages use. There is no self-registration: administrators create users.
/// </summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Sign-in");
        group.MapPost("/login", Login).AllowAnonymous();
        group.MapPost("/logout", Logout).RequireAuthorization();
        group.MapPost("/refresh", Refresh).AllowAnonymous().AddEndpointFilter(RefreshTokenBound.CheckAsync);
        return app;
    }

    public sealed record LoginRequest(string UserName, string Password);

    public sealed record RefreshRequest(string RefreshToken);

    /// <summary>
    /// Checks the password (five failures lock the account). With cookies the pages' cookie is set; otherwise the
    /// answer is a bearer access token and the first refresh token of a new family (<see cref="RefreshTokenStore"/>).
    /// </summary>
    public static async Task<Results<SignInHttpResult, EmptyHttpResult, ProblemHttpResult, ValidationProblem>> Login(
        LoginRequest request, bool? useCookies, SignInManager<StaffUser> signIn, RefreshTokenStore refreshTokens, CancellationToken cancellationToken)
    {
        // Bounded before hashing: a megabyte "password" would cost a megabyte of PBKDF2 input per attempt.
        if (SignInPages.CheckCredentials(request.UserName, request.Password) is { IsValid: false } invalid)
        {
            return invalid.Problem();
        }

        if (useCookies == true)
        {
            signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
            var cookie = await signIn.PasswordSignInAsync(request.UserName ?? string.Empty, request.Password ?? string.Empty, isPersistent: false, lockoutOnFailure: true);
            return cookie.Succeeded ? TypedResults.Empty : Refused(cookie);
        }

        var user = await signIn.UserManager.FindByNameAsync(request.UserName ?? string.Empty);
        if (user is null)
        {
            return Refused(SignInResult.Failed);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, request.Password ?? string.Empty, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            return Refused(result);
        }

        var token = await refreshTokens.StartAsync(user.Id, cancellationToken);
        return await BearerSignInAsync(signIn, user, token);
    }

    public static async Task<NoContent> Logout(SignInManager<StaffUser> signIn, RefreshTokenStore refreshTokens, HttpContext http, CancellationToken cancellationToken)
    {
        // A bearer client signing out ends its refresh token family; its access token lapses within minutes.
        if (RefreshTokenStore.IdOf(http.User) is { } id)
        {
            await refreshTokens.RevokeAsync(id, cancellationToken);
        }

        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    /// <summary>
    /// A new access token and the next refresh token, for a refresh token that is sealed by this deployment, not
    /// expired, not spent and not revoked, of a user whose security stamp (roles, password) has not changed and whom
    /// no administrator has locked. The
    /// token presented is spent; presenting it again revokes its family (<see cref="RefreshTokenStore.RotateAsync"/>).
    /// </summary>
    public static async Task<Results<SignInHttpResult, ChallengeHttpResult>> Refresh(
        RefreshRequest request, SignInManager<StaffUser> signIn, RefreshTokenStore refreshTokens,
        Microsoft.Extensions.Options.IOptionsMonitor<BearerTokenOptions> options, NodaTime.IClock clock, CancellationToken cancellationToken)
    {
        var protector = options.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = protector.Unprotect(request.RefreshToken);
        if (ticket?.Properties?.ExpiresUtc is not { } expires
            || expires.ToUniversalTime() < clock.GetCurrentInstant().ToDateTimeOffset()
            || RefreshTokenStore.IdOf(ticket.Principal) is not { } id
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { LockedAt: null } user
            || await refreshTokens.RotateAsync(id, user.Id, cancellationToken) is not { } next)
        {
            return TypedResults.Challenge();
        }

        return await BearerSignInAsync(signIn, user, next);
    }

    // The bearer handler writes {accessToken, expiresIn, refreshToken}; both tokens carry the record's id.
    private static async Task<SignInHttpResult> BearerSignInAsync(SignInManager<StaffUser> signIn, StaffUser user, RefreshToken token)
    {
        var principal = await signIn.CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(RefreshTokenStore.ClaimType, token.Id.ToString()));
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static ProblemHttpResult Refused(SignInResult result) =>
        TypedResults.Problem(
            result.IsLockedOut ? "Tài khoản tạm khóa do đăng nhập sai nhiều lần."
            : result.IsNotAllowed ? StaffSignInManager.LockedMessage
            : "Sai tên đăng nhập hoặc mật khẩu.",
            statusCode: StatusCodes.Status401Unauthorized);
}
