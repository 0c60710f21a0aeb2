using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using OneStop.Users;

namespace OneStop.Api.Pages;

/// <summary>
/// Pages authenticate with the Identity cookie only: the default scheme (bearer or cookie) would answer a page's
/// challenge with a bare 401, where a person needs the redirect to the sign-in page.
/// </summary>
public static class PageAuthorization
{
    /// <summary>A policy for a page that admits <paramref name="roles"/>.</summary>
    public static Action<AuthorizationPolicyBuilder> For(params string[] roles) =>
        p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(roles);

    /// <summary>Every member of staff.</summary>
    public static Action<AuthorizationPolicyBuilder> Staff => For([.. Roles.All]);
}
