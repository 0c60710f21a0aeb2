using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OneStop.Users;

namespace OneStop.Api.Identity;

/// <summary>
/// Identity's sign-in, refusing a user an administrator locked (<see cref="StaffUser.LockedAt"/>): the password
/// check then answers <see cref="SignInResult.NotAllowed"/>, for the sign-in page and for tokens alike.
/// </summary>
public sealed class StaffSignInManager(
    UserManager<StaffUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<StaffUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<StaffUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<StaffUser> confirmation)
    : SignInManager<StaffUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>What a locked user is told when signing in.</summary>
    public const string LockedMessage = "Tài khoản đã bị quản trị viên khóa. Liên hệ quản trị viên để mở khóa.";

    public override async Task<bool> CanSignInAsync(StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.LockedAt is null && await base.CanSignInAsync(user);
    }
}
