using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace OneStop.Api.Pages;

/// <summary>
/// The frame of every page: Vietnamese, a skip link, the staff navigation (desk, supervisor dashboard, and the
/// administration for administrators) or the citizen's plain header, and one stylesheet served from wwwroot.
/// Staff pages carry personal data, so they are never cached.
/// </summary>
public static class PageLayout
{
    public const string DeskPath = "/quay";
    public const string RegisterPath = "/quay/tiep-nhan";
    public const string DashboardPath = "/giam-sat";
    public const string AdministrationPath = "/quan-tri";
    public const string LookupPath = "/tra-cuu";
    public const string SignInPath = "/dang-nhap";
    public const string SignOutPath = "/dang-xuat";

    private const string HtmlType = "text/html; charset=utf-8";

    /// <summary>A page for signed-in staff (the Razor frame is <see cref="Layout.StaffLayout"/>; keep both identical until the last page moves).</summary>
    public static ContentHttpResult Staff(HttpContext http, string title, Html main, int statusCode = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(http);
        // Never stored, and exactly what antiforgery sets on a page with a form (the sign-out form is on every staff
        // page): any other value is overridden by it with a warning in the log on every request.
        http.Response.Headers.CacheControl = "no-cache, no-store";
        http.Response.Headers.Pragma = "no-cache";
        var user = http.User;
        var header = Html.Of($"""
            <header class="site">
              <div class="bar">
                <a class="brand" href="{DeskPath}">Một cửa</a>
                <nav aria-label="Điều hướng chính">
                  <ul>{Navigation(http.Request.Path, user)}</ul>
                </nav>
                <form class="signout" method="post" action="{SignOutPath}">
                  {PageForms.Antiforgery(http)}
                  <span class="who">{user.Identity?.Name}</span>
                  <button type="submit" class="link-button">Đăng xuất</button>
                </form>
              </div>
            </header>
            """);
        return Document(title, header, main, "staff", statusCode);
    }

    /// <summary>A page anyone may open: the citizen's lookup and the sign-in page.</summary>
    public static ContentHttpResult Public(string title, Html main, int statusCode = StatusCodes.Status200OK) =>
        Document(title, Html.Of($"""
            <header class="site">
              <div class="bar">
                <a class="brand" href="{LookupPath}">Một cửa</a>
                <span class="tagline">Tra cứu hồ sơ thủ tục hành chính</span>
              </div>
            </header>
            """), main, "public", statusCode);

    /// <summary>A message box; <paramref name="kind"/> is success, error or info.</summary>
    public static Html Notice(string kind, string? message) =>
        string.IsNullOrEmpty(message)
            ? Html.Empty
            : Html.Of($"""<div class="notice notice-{kind}" role="{(kind == "error" ? "alert" : "status")}">{message}</div>""");

    private static ContentHttpResult Document(string title, Html header, Html main, string bodyClass, int statusCode) =>
        TypedResults.Content(Html.Of($"""
            <!DOCTYPE html>
            <html lang="vi">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{title} · Một cửa</title>
              <link rel="stylesheet" href="/css/onestop.css">
            </head>
            <body class="{bodyClass}">
              <a class="skip" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
              {header}
              <main id="noi-dung" tabindex="-1">
                {main}
              </main>
            </body>
            </html>
            """).Value, HtmlType, System.Text.Encoding.UTF8, statusCode);

    private static Html Navigation(PathString current, ClaimsPrincipal user) =>
        Html.Join(StaffNavigation.Links(current, user).Select(l => l.Current
            ? Html.Of($"""<li><a href="{l.Href}" aria-current="page">{l.Text}</a></li>""")
            : Html.Of($"""<li><a href="{l.Href}">{l.Text}</a></li>""")));
}
