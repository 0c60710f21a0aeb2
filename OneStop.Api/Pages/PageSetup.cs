using OneStop.Api.Desk;

namespace OneStop.Api.Pages;

/// <summary>What the server-rendered pages need: antiforgery for their form posts and the desk's page services.</summary>
public static class PageSetup
{
    public static IServiceCollection AddPages(this IServiceCollection services)
    {
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "onestop-af";
            o.Cookie.SameSite = SameSiteMode.Strict;

            // SecurityHeaders sends DENY on every response; the antiforgery's SAMEORIGIN would contradict it.
            o.SuppressXFrameOptionsHeader = true;
        });
        services.AddScoped<PageServices>();
        return services;
    }

    /// <summary>
    /// A page refused by the rate limiter (the citizen's lookup shares the JSON endpoint's limit) gets a
    /// Vietnamese page rather than an empty 429.
    /// </summary>
    public static ValueTask WriteTooManyRequestsAsync(HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            return ValueTask.CompletedTask;
        }

        var page = PageLayout.Public("Quá nhiều lượt tra cứu", Html.Of($"""
            <h1>Quá nhiều lượt tra cứu</h1>
            <p class="notice notice-error" role="alert">Bạn đã tra cứu quá nhiều lần trong một phút. Vui lòng chờ một phút rồi thử lại.</p>
            """), StatusCodes.Status429TooManyRequests);
        return new ValueTask(page.ExecuteAsync(http));
    }
}
