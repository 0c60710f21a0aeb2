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

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult, ValidationProblem>> Login(LoginRequest request, bool? useCookies, SignInManager<StaffUser> signIn)
    {
        // Bounded before hashing: a megabyte "password" would cost a megabyte of PBKDF2 input per attempt.
        if (SignInPages.CheckCredentials(request.UserName, request.Password) is { IsValid: false } invalid)
        {
            return TypedResults.ValidationProblem(invalid.Errors);
        }

        signIn.AuthenticationScheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.UserName ?? string.Empty, request.Password ?? string.Empty, isPersistent: false, lockoutOnFailure: true);
        return result.Succeeded
            ? TypedResults.Empty
            : TypedResults.Problem(result.IsLockedOut ? "Tài khoản tạm khóa do đăng nhập sai nhiều lần." : "Sai tên đăng nhập hoặc mật khẩu.", statusCode: StatusCodes.Status401Unauthorized);
    }

    public static async Task<NoContent> Logout(SignInManager<StaffUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    public static async Task<Results<SignInHttpResult, ChallengeHttpResult>> Refresh(
        RefreshRequest request, SignInManager<StaffUser> signIn, Microsoft.Extensions.Options.IOptionsMonitor<BearerTokenOptions> options, NodaTime.IClock clock)
    {
        var protector = options.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = protector.Unprotect(request.RefreshToken);
        if (ticket?.Properties?.ExpiresUtc is not { } expires
            || expires.ToUniversalTime() < clock.GetCurrentInstant().ToDateTimeOffset()
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
        {
            return TypedResults.Challenge();
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }
}
