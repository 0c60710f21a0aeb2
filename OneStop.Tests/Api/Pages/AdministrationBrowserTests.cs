using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OneStop.Tests.Api.Pages;

/// <summary>The administration pages in Debian's Chromium at 1366×768: an administrator enters a calendar notice and sees the year change.</summary>
public sealed class AdministrationBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Admin_AddsCultureDayNotice_YearViewListsItAsDayOff()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "admin", "/quan-tri");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Quản trị hệ thống" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "20-quan-tri");

        await page.GetByRole(AriaRole.Link, new() { Name = "Lịch làm việc" }).First.ClickAsync();
        await page.Locator("#key").FillAsync("2026-ngay-van-hoa");
        await page.Locator("#year").FillAsync("2026");
        await page.Locator("#documentNumber").FillAsync("Nghị quyết 05/2025/NQ-CP");
        await page.Locator("#name").FillAsync("Ngày Văn hóa Việt Nam");
        await page.GetByLabel("Ngày nghỉ (thứ Hai – thứ Sáu)").FillAsync("24/11/2026");
        await page.GetByLabel("Ngày nghỉ (thứ Hai – thứ Sáu)").FocusAsync();
        await BrowserFixture.ScreenshotAsync(page, "21-lich-thong-bao");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu thông báo" }).ClickAsync();
        await page.WaitForURLAsync("**/quan-tri/lich?tb=da-them");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã thêm thông báo");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Nghị quyết 05/2025/NQ-CP" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "22-lich-da-them");

        await page.GetByRole(AriaRole.Link, new() { Name = "2026", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/quan-tri/lich/2026");
        var row = page.Locator("table.days tr", new() { HasText = "24/11/2026" });
        await Expect(row).ToContainTextAsync("Ngày Văn hóa Việt Nam");
        await Expect(row).ToContainTextAsync("Thứ Ba");
        var cell = page.Locator("table.month[aria-label='Tháng Mười một năm 2026'] td").Filter(new() { HasTextRegex = new Regex("^24$") });
        Assert.StartsWith("day-", await cell.GetAttributeAsync("class"), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "23-lich-nam-2026");

        // The other sections render and keep the keyboard focus visible.
        foreach (var (path, name) in new[] { ("/quan-tri/co-quan", "24-co-quan"), ("/quan-tri/thu-tuc/1.000894.H99", "25-thu-tuc"), ("/quan-tri/nguoi-dung", "26-nguoi-dung") })
        {
            await page.GotoAsync(path);
            await page.Locator("main input:not([type=hidden]), main select").First.FocusAsync();
            await BrowserFixture.ScreenshotAsync(page, name);
        }
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
