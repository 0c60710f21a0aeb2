using Microsoft.Playwright;

namespace OneStop.Tests.Api.Pages;

/// <summary>
/// The Razor foundation in Chromium: the sign-in page with the keyboard only, the Vietnamese 403 page a clerk meets on
/// an administrator's page, the notices page in the administration frame.
/// </summary>
public sealed class FoundationBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task SignIn_KeyboardOnly_SkipLinkThenFieldsInOrderAllLabelled()
    {
        var page = await browser.NewPageAsync(390, 844);
        await page.GotoAsync("/dang-nhap");

        // The user name has the focus on arrival (autofocus); before it come only the brand and the skip link, which
        // leads into the main content, whose first stop is the user name again. Autofocus is applied once the page is
        // rendered: waited for, not read at once.
        await Expect(page.Locator("#userName")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        Assert.Equal("Một cửa", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Shift+Tab");
        Assert.Equal("Bỏ qua, đến nội dung chính", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        Assert.Equal("solid", await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("noi-dung", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("userName", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync("motcua");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("password", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync("sai-mat-khau");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Sai tên đăng nhập hoặc mật khẩu.");
        Assert.Equal("motcua", await page.GetByLabel("Tên đăng nhập").InputValueAsync());
        var unlabelled = await page.EvaluateAsync<int>(
            "[...document.querySelectorAll('input:not([type=hidden]), select, textarea')].filter(e => !e.labels || e.labels.length === 0).length");
        Assert.Equal(0, unlabelled);
        await BrowserFixture.ScreenshotAsync(page, "01-dang-nhap-sai");
    }

    [BrowserFact]
    public async Task Clerk_OpensAnAdministratorsPage_SeesTheVietnamese403PageAndGoesBackByKeyboard()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "motcua");
        var response = await page.GotoAsync("/quan-tri/thong-bao");

        Assert.Equal(403, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Không có quyền truy cập" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Tài khoản motcua không có quyền mở trang này.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "02-khong-co-quyen");

        await page.GetByRole(AriaRole.Link, new() { Name = "Quay lại hàng chờ" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/quay");
    }

    [BrowserFact]
    public async Task Admin_NoticesPage_IsInTheAdministrationFrameWithTheSectionMarked()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "admin", "/quan-tri/thong-bao");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Thông báo chưa gửi được");
        var current = page.GetByRole(AriaRole.Navigation, new() { Name = "Mục quản trị" }).GetByRole(AriaRole.Link, new() { Name = "Thông báo chưa gửi" });
        Assert.Equal("page", await current.GetAttributeAsync("aria-current"));

        // Both stylesheets apply: the site's (its font) and the administration's (the current section in bold).
        Assert.Contains("DejaVu Sans", await page.EvaluateAsync<string>("getComputedStyle(document.body).fontFamily"), StringComparison.Ordinal);
        Assert.Equal("700", await current.EvaluateAsync<string>("e => getComputedStyle(e).fontWeight"));
        await BrowserFixture.ScreenshotAsync(page, "03-thong-bao-chua-gui");

        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await page.WaitForURLAsync("**/dang-nhap?tb=da-dang-xuat");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Bạn đã đăng xuất.");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
