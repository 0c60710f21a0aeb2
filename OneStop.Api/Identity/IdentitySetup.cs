using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using OneStop.Persistence;
using OneStop.Users;

namespace OneStop.Api.Identity;

/// <summary>ASP.NET Core Identity: cookies for the pages, bearer tokens for API clients, the five roles.</summary>
public static class IdentitySetup
{
    /// <summary>How long a bearer access token is good for; clients renew it with their refresh token.</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(5);

    public static IServiceCollection AddStaffIdentity(this IServiceCollection services)
    {
        services.AddAuthorization();
        services.AddIdentityApiEndpoints<StaffUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<OneStopDbContext>()
            .AddSignInManager<StaffSignInManager>();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/dang-nhap";
            o.AccessDeniedPath = OneStop.Api.Pages.PageSetup.ForbiddenPath;
            o.Cookie.Name = "onestop";
            o.Cookie.SameSite = SameSiteMode.Strict;

            // API calls answer 401/403, never a redirect to the sign-in page; pages redirect to the sign-in page or the
            // Vietnamese 403 page.
            o.Events.OnRedirectToLogin = context => Reject(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => Reject(context, StatusCodes.Status403Forbidden);
        });
        // A role change or a password reset renews the user's security stamp. Access tokens are not checked
        // against it, so they live 5 minutes; the refresh endpoint checks the stamp, and pages re-check it every
        // minute (rather than every 30).
        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = AccessTokenLifetime);
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddScoped<CurrentStaff>();
        StaffChangeInterceptor.AddStaffCache(services);
        services.AddScoped<RefreshTokenStore>();
        return services;
    }

    private static Task Reject(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
