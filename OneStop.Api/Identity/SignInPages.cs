using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using OneStop.Api.Pages;
using OneStop.Api.Problems;
using OneStop.Users;

namespace OneStop.Api.Identity;

/// <summary>
/// The staff sign-in page: a form that signs in with the Identity cookie (<see cref="IdentityConstants.ApplicationScheme"/>),
/// five wrong passwords lock the account for a while, and sign-out.
/// </summary>
public static class SignInPages
{
    public static IEndpointRouteBuilder MapSignInPages(this IEndpointRouteBuilder app)
    {
        app.MapGet(PagePaths.SignInPath, Show).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(PagePaths.SignInPath, SignIn).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(PagePaths.SignOutPath, SignOut).RequireAuthorization(Policies.Staff).ExcludeFromDescription();
        return app;
    }

    public static Results<RazorComponentResult<SignInPage>, RedirectHttpResult> Show(HttpContext http, string? returnUrl, string? tb)
    {
        if (http.User.Identity?.IsAuthenticated == true && returnUrl is null)
        {
            return TypedResults.Redirect(PagePaths.DeskPath);
        }

        var info = tb == "da-dang-xuat" ? "Bạn đã đăng xuất."
            : http.User.Identity?.IsAuthenticated == true ? $"Bạn đang đăng nhập với tài khoản {http.User.Identity.Name}. Đăng nhập bằng tài khoản khác, hoặc quay lại hàng chờ."
            : null;
        return Form(returnUrl, null, info, StatusCodes.Status200OK);
    }

    public static async Task<Results<RazorComponentResult<SignInPage>, RedirectHttpResult>> SignIn(
        IFormCollection form, SignInManager<StaffUser> signIn, UserManager<StaffUser> users)
    {
        var userName = form["userName"].ToString().Trim();
        var password = form["password"].ToString();
        var returnUrl = form["returnUrl"].ToString();
        if (userName.Length == 0 || password.Length == 0)
        {
            return Form(returnUrl, userName, null, StatusCodes.Status400BadRequest, "Nhập tên đăng nhập và mật khẩu.");
        }

        if (!CheckCredentials(userName, password).IsValid)
        {
            return Form(returnUrl, null, null, StatusCodes.Status400BadRequest, "Sai tên đăng nhập hoặc mật khẩu.");
        }

        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        var result = await signIn.PasswordSignInAsync(userName, password, isPersistent: false, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            var message = result.IsLockedOut
                ? "Tài khoản tạm khóa do đăng nhập sai nhiều lần. Thử lại sau ít phút hoặc liên hệ quản trị."
                : result.IsNotAllowed ? StaffSignInManager.LockedMessage
                : "Sai tên đăng nhập hoặc mật khẩu.";
            return Form(returnUrl, userName, null, StatusCodes.Status401Unauthorized, message);
        }

        if (IsLocal(returnUrl))
        {
            return TypedResults.Redirect(returnUrl);
        }

        var user = await users.FindByNameAsync(userName);
        var roles = user is null ? [] : await users.GetRolesAsync(user);
        return TypedResults.Redirect(roles.Contains(Roles.Supervisor) ? PagePaths.DashboardPath : PagePaths.DeskPath);
    }

    public static async Task<RedirectHttpResult> SignOut(IFormCollection form, SignInManager<StaffUser> signIn)
    {
        _ = form;
        await signIn.SignOutAsync();
        return TypedResults.Redirect(PagePaths.SignInPath + "?tb=da-dang-xuat");
    }

    /// <summary>
    /// Only a path of this site, by the framework's own rule (<see cref="RedirectHttpResult.IsLocalUrl"/>): "/quay"
    /// yes; "//evil.example", "/\evil", "/%09/evil.example" decoded to a tab (browsers drop it and read
    /// "//evil.example") and any control character no.
    /// </summary>
    internal static bool IsLocal(string? url) =>
        RedirectHttpResult.IsLocalUrl(url) && url!.StartsWith('/') && InputPolicy.FirstForbidden(url, multiLine: false) < 0;

    /// <summary>The bounds of a sign-in: a user name of at most 256 characters, a password of at most <see cref="InputPolicy.MaxPasswordLength"/>.</summary>
    internal static Validation CheckCredentials(string? userName, string? password)
    {
        var validation = new Validation();
        if (userName is { Length: > 256 } || (userName is not null && InputPolicy.FirstForbidden(userName, multiLine: false) >= 0))
        {
            validation.Add("userName", ValidationCodes.UserName, "At most 256 characters, no control characters.");
        }

        if (password is { Length: > InputPolicy.MaxPasswordLength })
        {
            validation.Add("password", ValidationCodes.TooLong, $"At most {InputPolicy.MaxPasswordLength} characters.", InputPolicy.MaxPasswordLength);
        }

        return validation;
    }

    private static RazorComponentResult<SignInPage> Form(string? returnUrl, string? userName, string? info, int status, string? error = null) =>
        PageResults.Page<SignInPage>(
            new
            {
                ReturnUrl = IsLocal(returnUrl) ? returnUrl : string.Empty,
                UserName = userName,
                Info = info,
                Error = error,
            },
            status);
}
