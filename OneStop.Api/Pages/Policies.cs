using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OneStop.Users;

namespace OneStop.Api.Pages;

/// <summary>
/// The named authorization policies of the pages: <c>.RequireAuthorization(Policies.Administrator)</c>. Each
/// authenticates with the Identity cookie only (a page's challenge must be the redirect to the sign-in page, never
/// the bearer scheme's bare 401) and admits the roles of <see cref="Roles"/> it names. A signed-out visitor is
/// redirected to <c>/dang-nhap</c>; a signed-in member without the role to <c>/khong-co-quyen</c>, the Vietnamese 403
/// page. The administrator may register (setting up a desk) and read the dashboard; acts signed in an officer's or a
/// head's name admit only those roles.
/// </summary>
public static class Policies
{
    /// <summary>Every member of staff.</summary>
    public const string Staff = "Page.Staff";

    /// <summary>Desk clerks and administrators: registration.</summary>
    public const string Clerk = "Page.Clerk";

    /// <summary>Department officers.</summary>
    public const string Officer = "Page.Officer";

    /// <summary>Heads of agency (Form 04 is signed in their name).</summary>
    public const string Head = "Page.Head";

    /// <summary>Supervisors and administrators: the dashboard and its exports.</summary>
    public const string Supervisor = "Page.Supervisor";

    /// <summary>Administrators: the administration pages.</summary>
    public const string Administrator = "Page.Administrator";

    private const string AnyOfPrefix = "Page.AnyOf:";

    /// <summary>The roles each named policy admits.</summary>
    public static IReadOnlyDictionary<string, string[]> Admitted { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Staff] = [.. Roles.All],
        [Clerk] = [Roles.Clerk, Roles.Admin],
        [Officer] = [Roles.Officer],
        [Head] = [Roles.Head],
        [Supervisor] = [Roles.Supervisor, Roles.Admin],
        [Administrator] = [Roles.Admin],
    };

    /// <summary>
    /// A policy admitting any of <paramref name="roles"/>, for a page act open to several roles (a dossier action a clerk
    /// or an officer may do): <c>Policies.AnyOf(Roles.Clerk, Roles.Officer)</c> is "Page.AnyOf:Clerk,Officer".
    /// </summary>
    public static string AnyOf(params string[] roles) => AnyOfPrefix + string.Join(',', roles);

    /// <summary>The policy for the roles, with the cookie scheme.</summary>
    internal static AuthorizationPolicy Build(IEnumerable<string> roles) =>
        new AuthorizationPolicyBuilder(IdentityConstants.ApplicationScheme).RequireRole(roles).Build();

    /// <summary>Registers the named policies and the <see cref="AnyOf"/> ones.</summary>
    public static IServiceCollection AddPagePolicies(this IServiceCollection services)
    {
        var builder = services.AddAuthorizationBuilder();
        foreach (var (name, roles) in Admitted)
        {
            builder.AddPolicy(name, Build(roles));
        }

        services.AddSingleton<IAuthorizationPolicyProvider, PagePolicyProvider>();
        return services;
    }

    /// <summary>The named policies, and "Page.AnyOf:" ones built on demand (only from known role names).</summary>
    private sealed class PagePolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
    {
        public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
        {
            if (await base.GetPolicyAsync(policyName) is { } named)
            {
                return named;
            }

            if (!policyName.StartsWith(AnyOfPrefix, StringComparison.Ordinal))
            {
                return null;
            }

            var roles = policyName[AnyOfPrefix.Length..].Split(',', StringSplitOptions.RemoveEmptyEntries);
            return roles.Length > 0 && roles.All(Roles.All.Contains) ? Build(roles) : null;
        }
    }
}
