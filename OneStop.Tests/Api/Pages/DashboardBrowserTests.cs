using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OneStop.Tests.Api.Pages;

/// <summary>
/// Issue 15's supervisor in Chromium: the dashboard, its lists and the patterns page fit a 360 px phone without
/// scrolling sideways; a number is followed to its list, the list filtered from its GET form, and a row's dossier page
/// opened with its findings. Screenshots: dash-*.png.
/// </summary>
public sealed class DashboardBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Period = "from=2024-01-01&to=2025-03-03";

    [BrowserFact]
    public async Task Dashboard_Phone360_NoHorizontalOverflow()
    {
        var page = await browser.NewPageAsync(360, 740);
        await BrowserFixture.SignInAsync(page, "giamsat", "/giam-sat?" + Period);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Giám sát giải quyết hồ sơ: trễ hạn trên giấy và trễ hạn thực tế" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tiến độ, kết quả giải quyết theo Bộ chỉ số 766 (Quyết định 766/QĐ-TTg)" })).ToBeVisibleAsync();
        Assert.True(await NoSidewaysScrollAsync(page), "The dashboard scrolls sideways at 360 px.");
        await BrowserFixture.ScreenshotAsync(page, "dash-phone-360");

        await page.GotoAsync("/giam-sat/danh-sach?list=tre-han&" + Period);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hồ sơ trễ hạn thực tế", Exact = true })).ToBeVisibleAsync();
        Assert.True(await NoSidewaysScrollAsync(page), "The late list scrolls sideways at 360 px.");
        await BrowserFixture.ScreenshotAsync(page, "dash-list-phone-360");

        await page.GotoAsync("/giam-sat/dau-hieu?measure=DeclaredEarlier&" + Period);
        Assert.True(await NoSidewaysScrollAsync(page), "The patterns list scrolls sideways at 360 px.");
    }

    [BrowserFact]
    public async Task Supervisor_FollowsANumberFiltersTheListOpensTheDossier()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "giamsat", "/giam-sat?" + Period);
        await BrowserFixture.ScreenshotAsync(page, "dash-desktop");

        // The count card "Đã giải quyết: quá hạn": its number is the link to its list.
        var card = page.Locator(".card", new() { HasText = "Đã giải quyết: quá hạn" });
        var count = (await card.GetByRole(AriaRole.Link).InnerTextAsync()).Trim();
        await card.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync(new Regex("/giam-sat/danh-sach\\?list=qua-han"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hồ sơ đã giải quyết quá hạn" })).ToBeVisibleAsync();
        await Expect(page.Locator("#ds")).ToHaveTextAsync(count + " hồ sơ");

        // Filter by a finding kind from the form (GET, no script).
        await page.GetByLabel("Dấu hiệu").SelectOptionAsync(new SelectOptionValue { Label = "Cấp lại giấy tiếp nhận, dời lịch hẹn" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("kind=ReceiptReissued"));
        var rows = page.Locator("table tbody tr");
        Assert.True(await rows.CountAsync() > 0, "No late dossier with a re-issued receipt in the demo data.");
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            await Expect(rows.Nth(i)).ToContainTextAsync("Cấp lại giấy tiếp nhận, dời lịch hẹn");
        }

        await BrowserFixture.ScreenshotAsync(page, "dash-list-filtered");

        // Open the first row's dossier: its page shows the findings.
        var code = (await rows.First.Locator("td").First.InnerTextAsync()).Trim();
        await rows.First.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/quay/ho-so/"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kiểm tra trễ hạn thực tế" })).ToBeVisibleAsync();
        await Expect(page.Locator("ul.findings")).ToContainTextAsync("Giấy tiếp nhận được cấp lại");
        await BrowserFixture.ScreenshotAsync(page, "dash-dossier");
    }

    [BrowserFact]
    public async Task Supervisor_FiltersTheDashboardsListsFromItsForm()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "giamsat", "/giam-sat?" + Period);

        await page.GetByLabel("Dấu hiệu").SelectOptionAsync(new SelectOptionValue { Label = "Khai lùi thời gian" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem" }).ClickAsync();

        await page.WaitForURLAsync(new Regex("kind=Backdated"));
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Danh sách bên dưới chỉ gồm" })).ToContainTextAsync("Khai lùi thời gian");
        var masked = page.Locator("section[aria-label^='Hồ sơ ']");
        Assert.True(await masked.CountAsync() > 0);
        for (var i = 0; i < await masked.CountAsync(); i++)
        {
            await Expect(masked.Nth(i)).ToContainTextAsync("Khai lùi thời gian");
        }
    }

    [BrowserFact]
    public async Task Supervisor_FollowsAPatternFigure_ListsItsDossiers()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "giamsat", "/giam-sat?" + Period);
        var table = page.Locator("#dau-hieu-can-bo + p + div table");
        await Expect(table).ToBeVisibleAsync();
        await table.ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, "dash-patterns");

        var figure = page.Locator("#dau-hieu-can-bo + p + div table a[href*='measure=']").First;
        await figure.ClickAsync();
        await page.WaitForURLAsync(new Regex("/giam-sat/dau-hieu\\?"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Hồ sơ");
        await Expect(page.Locator("table tbody tr a[href^='/quay/ho-so/']").First).ToBeVisibleAsync();
    }

    private static Task<bool> NoSidewaysScrollAsync(IPage page) =>
        page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth && document.body.scrollWidth <= window.innerWidth");
}
