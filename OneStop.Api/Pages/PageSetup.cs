using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneStop.Api.Desk;

namespace OneStop.Api.Pages;

/// <summary>
/// What the server-rendered pages need: Razor components rendered statically (no circuit, no script, no front-end
/// build), an HTML encoder that writes Vietnamese as letters, antiforgery for their form posts, the named policies,
/// the Vietnamese error pages, and the desk's page services.
/// </summary>
public static class PageSetup
{
    public const string ForbiddenPath = "/khong-co-quyen";

    /// <summary>
    /// The ranges the pages write as they are: Vietnamese (Basic Latin, Latin-1, Latin Extended-A and -B, Latin Extended
    /// Additional, combining marks for text typed in NFD), general punctuation (– “ ” …) and currency symbols (₫).
    /// Everything else, and always &lt; &gt; &amp; " ', is escaped.
    /// </summary>
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(
        UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement, UnicodeRanges.LatinExtendedA, UnicodeRanges.LatinExtendedB,
        UnicodeRanges.LatinExtendedAdditional, UnicodeRanges.CombiningDiacriticalMarks, UnicodeRanges.GeneralPunctuation,
        UnicodeRanges.CurrencySymbols);

    public static IServiceCollection AddPages(this IServiceCollection services)
    {
        services.AddRazorComponents();

        // The static renderer takes the HtmlEncoder of the container; the framework's default escapes every letter
        // outside ASCII ("&#x110;&#x103;ng nh&#x1EAD;p").
        services.RemoveAll<HtmlEncoder>();
        services.AddSingleton(Encoder);

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "onestop-af";
            o.Cookie.SameSite = SameSiteMode.Strict;

            // SecurityHeaders sends DENY on every response; the antiforgery's SAMEORIGIN would contradict it.
            o.SuppressXFrameOptionsHeader = true;
        });
        services.AddPagePolicies();

        // Before the default JSON writer, which would take any answer whose request accepts */*, as a browser's does.
        var writer = ServiceDescriptor.Singleton<IProblemDetailsWriter, PageProblemWriter>();
        var json = services.Select((d, i) => (d, i)).FirstOrDefault(x => x.d.ServiceType == typeof(IProblemDetailsWriter));
        if (json.d is null)
        {
            services.Add(writer);
        }
        else
        {
            services.Insert(json.i, writer);
        }

        services.AddScoped<PageServices>();
        return services;
    }

    /// <summary>The 403 page the cookie's access-denied path leads to.</summary>
    public static IEndpointRouteBuilder MapErrorPages(this IEndpointRouteBuilder app)
    {
        app.MapGet(ForbiddenPath, () => PageResults.Error(StatusCodes.Status403Forbidden)).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// A page refused by the rate limiter (the citizen's lookup shares the JSON endpoint's limit) gets a
    /// Vietnamese page rather than an empty 429.
    /// </summary>
    public static ValueTask WriteTooManyRequestsAsync(HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        return PageProblemWriter.IsPage(http.Request.Path)
            ? new ValueTask(PageResults.Error(StatusCodes.Status429TooManyRequests).ExecuteAsync(http))
            : ValueTask.CompletedTask;
    }
}
