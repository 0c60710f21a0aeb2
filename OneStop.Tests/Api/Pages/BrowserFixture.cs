using Microsoft.Playwright;

namespace OneStop.Tests.Api.Pages;

/// <summary>
/// One Kestrel host and one headless Chromium for a class of browser tests. Screenshots go to
/// <c>TestResults/screenshots</c> under the test output folder.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public KestrelApiFactory Factory { get; } = new();

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser did not start.");

    public async Task InitializeAsync()
    {
        if (BrowserSupport.SkipReason is not null)
        {
            return;
        }

        BaseAddress = Factory.Start();
        Directory.CreateDirectory(ScreenshotFolder);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserSupport.RequireChromium(),
            Headless = true,
            Args = BrowserSupport.ChromiumArgs,
        });
    }

    /// <summary>A fresh browser context (its own cookies) with one page; 1366×768 unless told.</summary>
    public async Task<IPage> NewPageAsync(int width = 1366, int height = 768)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "vi-VN",
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Saves a full-page screenshot as <c>TestResults/screenshots/{name}.png</c>.</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    /// <summary>Signs in through the page with the keyboard: user name, Tab, password, Enter.</summary>
    public static async Task SignInAsync(IPage page, string userName, string? returnPath = null)
    {
        await page.GotoAsync("/dang-nhap" + (returnPath is null ? string.Empty : "?ReturnUrl=" + Uri.EscapeDataString(returnPath)));
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Tên đăng nhập").PressAsync("Tab");
        await page.Keyboard.TypeAsync(OneStop.Api.Demo.DemoData.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/dang-nhap", StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }
}
