using Microsoft.Playwright;

namespace OneStop.Tests.Api.Pages;

/// <summary>Issue 14's administration items in Chromium: the units catalogue, locking a user, procedure versions as lists.</summary>
public sealed class AdministrationFeatureBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Admin_AddsAndRenamesAUnit_UserPickerOffersIt()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "admin", "/quan-tri/co-quan/000.00.13.H99");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Danh mục đơn vị" })).ToBeVisibleAsync();

        // Typed with stray spaces and in lower case; Enter submits the "add" form.
        await page.GetByLabel("Tên đơn vị mới").FillAsync("  công an   xã ");
        await page.GetByLabel("Tên đơn vị mới").PressAsync("Enter");
        await page.WaitForURLAsync("**/quan-tri/co-quan/000.00.13.H99?tb=da-them-don-vi#don-vi");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã thêm đơn vị" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "công an xã", Exact = true })).ToBeVisibleAsync();

        await page.GetByLabel("Tên mới của đơn vị công an xã").FillAsync("Công an xã Hòa Bình");
        await page.GetByLabel("Tên mới của đơn vị công an xã").PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã đổi tên đơn vị" })).ToBeVisibleAsync();
        var row = page.Locator("table.units tr", new() { HasText = "Công an xã Hòa Bình" });
        await Expect(row).ToContainTextAsync("công an xã");
        await BrowserFixture.ScreenshotAsync(page, "admin-don-vi");

        await page.GotoAsync("/quan-tri/nguoi-dung/motcua2");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Đơn vị công tác" }).SelectOptionAsync("Công an xã Hòa Bình");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu đơn vị" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu đơn vị công tác");
        Assert.Equal("Công an xã Hòa Bình", await page.GetByRole(AriaRole.Combobox, new() { Name = "Đơn vị công tác" }).InputValueAsync());
        await BrowserFixture.ScreenshotAsync(page, "admin-nguoi-dung-don-vi");
    }

    [BrowserFact]
    public async Task Admin_LocksAUser_UserCannotSignInUntilUnlocked()
    {
        var admin = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(admin, "admin", "/quan-tri/nguoi-dung/lanhdao");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Khóa tài khoản" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã khóa tài khoản");
        await Expect(admin.Locator("main")).ToContainTextAsync("Tài khoản đã bị khóa lúc");
        await BrowserFixture.ScreenshotAsync(admin, "admin-khoa-tai-khoan");

        var user = await browser.NewPageAsync();
        await user.GotoAsync("/dang-nhap");
        await user.GetByLabel("Tên đăng nhập").FillAsync("lanhdao");
        await user.GetByLabel("Tên đăng nhập").PressAsync("Tab");
        await user.Keyboard.TypeAsync(OneStop.Api.Demo.DemoData.Password);
        await user.Keyboard.PressAsync("Enter");
        await Expect(user.GetByRole(AriaRole.Alert)).ToContainTextAsync("Tài khoản đã bị quản trị viên khóa");
        Assert.Contains("/dang-nhap", user.Url, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(user, "admin-khoa-dang-nhap-bi-tu-choi");

        await admin.GetByRole(AriaRole.Button, new() { Name = "Mở khóa tài khoản" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã mở khóa tài khoản");
        await BrowserFixture.SignInAsync(user, "lanhdao");
        Assert.DoesNotContain("/dang-nhap", user.Url, StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task Admin_AddsAVersionWithOneMoreDocumentRow_VersionListsIt()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "admin", "/quan-tri/thu-tuc/1.004200.H99");
        await page.GetByLabel("Tên giấy tờ 3").FillAsync("Giấy tờ chứng minh nhân thân");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm giấy tờ" }).ClickAsync();
        await Expect(page.GetByLabel("Tên giấy tờ 4")).ToBeVisibleAsync();
        Assert.Equal("Giấy tờ chứng minh nhân thân", await page.GetByLabel("Tên giấy tờ 3").InputValueAsync());
        await page.GetByLabel("Tên giấy tờ 4").FillAsync("Sổ hộ khẩu cũ");
        await page.GetByLabel("Số bản chính của giấy tờ 4").FillAsync("0");
        await page.GetByLabel("Số bản sao của giấy tờ 4").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xóa giấy tờ 1" }).ClickAsync();
        await Expect(page.GetByLabel("Tên giấy tờ 1")).ToHaveValueAsync("Giấy tờ chứng minh chỗ ở hợp pháp");
        await page.GetByLabel("Đơn vị của bước 3").FillAsync("Công an xã");
        await page.GetByLabel("Số giờ làm việc của bước 3").FillAsync("8");
        await BrowserFixture.ScreenshotAsync(page, "admin-thu-tuc-danh-sach");

        // Enter in a field saves the version (the form's default button), never a row's "Xóa".
        await page.GetByLabel("Lệ phí (đồng)").PressAsync("Enter");
        await page.WaitForURLAsync("**/quan-tri/thu-tuc/1.004200.H99?tb=da-them-phien-ban");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã thêm phiên bản mới");
        var latest = page.Locator("table tbody tr").First;
        await Expect(latest).ToContainTextAsync("Sổ hộ khẩu cũ (0 bản chính, 1 bản sao)");
        await Expect(latest).ToContainTextAsync("Công an xã: 8 giờ");
        await Expect(latest).Not.ToContainTextAsync("Tờ khai thay đổi thông tin cư trú");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
