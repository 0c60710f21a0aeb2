using Microsoft.AspNetCore.Identity;
using OneStop.Persistence;
using OneStop.Users;

namespace OneStop.Api.Identity;

/// <summary>ASP.NET Core Identity: cookies for the pages, bearer tokens for API clients, the five roles.</summary>
public static class IdentitySetup
{
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
            .AddEntityFrameworkStores<OneStopDbContext>();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/dang-nhap";
            o.AccessDeniedPath = "/dang-nhap";
            o.Cookie.Name = "onestop";
            o.Cookie.SameSite = SameSiteMode.Strict;

            // API calls answer 401/403, never a redirect to the sign-in page.
            o.Events.OnRedirectToLogin = context => Reject(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => Reject(context, StatusCodes.Status403Forbidden);
        });
        services.AddScoped<CurrentStaff>();
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
