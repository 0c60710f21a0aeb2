using Microsoft.Playwright;
using OneStop.Tests.Api.PublicStatus;

namespace OneStop.Tests.Api.Pages;

/// <summary>
/// The citizen's status page on a phone (390×844), one test per state a citizen can see: what it says must be
/// true for that state (domain rule 11), it always says where to ask, it never shows anything personal and
/// never scrolls sideways. The rating form shows only with the receipt's check value.
/// </summary>
public sealed class CitizenStatusBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task StatusPage_Received_SaysReceivedWithTheAppointment()
    {
        var page = await OpenAsync(await CitizenStates.ReceivedAsync(browser.Factory), "01-da-tiep-nhan");
        await Expect(page.Locator(".status")).ToHaveTextAsync("Đã tiếp nhận");
        await Expect(page.Locator("main")).ToContainTextAsync("Hẹn trả kết quả: 09:00, thứ Hai 10/03/2025");
    }

    [BrowserFact]
    public async Task StatusPage_AtADepartment_SaysInProcessWithTheAppointment()
    {
        var page = await OpenAsync(await CitizenStates.InProcessAsync(browser.Factory), "02-dang-giai-quyet");
        await Expect(page.Locator(".status")).ToHaveTextAsync("Đang giải quyết");
        await Expect(page.Locator("main")).ToContainTextAsync("Hẹn trả kết quả: 09:00, thứ Hai 10/03/2025");
        await Expect(page.Locator("[aria-current=step]")).ToHaveTextAsync("Đang giải quyết");
    }

    [BrowserFact]
    public async Task StatusPage_AwaitingSupplement_SaysWhatToBringAndByWhen()
    {
        var page = await OpenAsync(await CitizenStates.AwaitingSupplementAsync(browser.Factory), "03-cho-bo-sung");
        await Expect(page.Locator(".status")).ToHaveTextAsync("Chờ bổ sung hồ sơ");
        var facts = page.Locator(".status-facts");
        await Expect(facts).ToContainTextAsync(CitizenStates.Missing + "; Bản sao giấy khai sinh");
        await Expect(facts).ToContainTextAsync("Nộp bổ sung trước");
        await Expect(facts).ToContainTextAsync("09:00, thứ Hai 24/03/2025");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Hẹn trả kết quả:");
    }

    [BrowserFact]
    public async Task StatusPage_ResultReady_SaysWhereAndWhenToCollect()
    {
        var page = await OpenAsync(await CitizenStates.ResultReadyAsync(browser.Factory), "04-co-ket-qua");
        await Expect(page.Locator(".status-message")).ToContainTextAsync("Kết quả đã có. Mời ông/bà mang giấy tiếp nhận đến Bộ phận Một cửa");
        var facts = page.Locator(".status-facts");
        await Expect(facts).ToContainTextAsync("Nơi nhận");
        await Expect(facts).ToContainTextAsync("Số 1 phố Demo, phường Đống Đa");
        await Expect(facts).ToContainTextAsync("Giờ nhận");
        await Expect(facts).ToContainTextAsync("07:30–11:30, 13:00–17:00");
    }

    [BrowserFact]
    public async Task StatusPage_Returned_SaysWhenAndNeverAsksToCollect()
    {
        var page = await OpenAsync(await CitizenStates.ReturnedAsync(browser.Factory), "05-da-tra");
        await Expect(page.Locator(".status")).ToHaveTextAsync("Đã trả kết quả");
        await Expect(page.Locator(".status-facts")).ToContainTextAsync("Ngày trả kết quả");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Mời ông/bà mang giấy tiếp nhận");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Hẹn trả kết quả:");
        // Without the receipt's check value: no form, only how to reach it.
        Assert.Equal(0, await page.Locator("form[action$='/danh-gia']").CountAsync());
        await Expect(page.Locator(".rating")).ToContainTextAsync("quét mã QR trên giấy tiếp nhận");
    }

    [BrowserFact]
    public async Task StatusPage_ReturnedWithTheReceiptsCheckValue_RatesOnce()
    {
        var code = await CitizenStates.ReturnedAsync(browser.Factory);
        var page = await browser.NewPageAsync(390, 844);
        await page.GotoAsync($"/tra-cuu/{code}?k={CitizenStates.CheckOf(browser.Factory, code)}");
        await page.GetByLabel("Hài lòng", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Ý kiến (không bắt buộc)").FillAsync("Cán bộ hướng dẫn tận tình");
        await BrowserFixture.ScreenshotAsync(page, "citizen-06-danh-gia");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi đánh giá" }).ClickAsync();
        await page.WaitForURLAsync("**da-danh-gia=1");
        await Expect(page.Locator(".rating")).ToContainTextAsync("Cảm ơn ông/bà đã đánh giá");
        Assert.Equal(0, await page.Locator("form[action$='/danh-gia']").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "citizen-07-da-danh-gia");

        // The supervisor's dashboard counts it for the clerk who returned the result.
        var supervisor = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(supervisor, "giamsat", "/giam-sat");
        var row = supervisor.Locator("table.ratings tr", new() { HasTextString = "Đỗ Thu Hà" });
        await Expect(row).ToContainTextAsync("000.00.12.H99");
        Assert.True(int.Parse(await row.Locator("td").Nth(2).InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
    }

    [BrowserFact]
    public async Task StatusPage_LateWithApology_ShowsTheNewAppointmentAndItsReason()
    {
        var page = await OpenAsync(await CitizenStates.LateWithApologyAsync(browser.Factory), "08-qua-han-xin-loi");
        await Expect(page.Locator(".status")).ToHaveTextAsync("Quá hạn, đã hẹn lại ngày trả");
        var facts = page.Locator(".status-facts");
        await Expect(facts).ToContainTextAsync("Ngày hẹn trả mới");
        await Expect(facts).ToContainTextAsync("16:00, thứ Sáu 14/03/2025");
        await Expect(facts).ToContainTextAsync(CitizenStates.ApologyReason);
        await Expect(page.Locator("main")).ToContainTextAsync("Hẹn trả kết quả: 16:00, thứ Sáu 14/03/2025");
    }

    [BrowserFact]
    public async Task StatusPage_LateWithoutApology_SaysOverdueWithTheStatutoryDue()
    {
        var page = await OpenAsync(await CitizenStates.LateWithoutApologyAsync(browser.Factory), "09-qua-han");
        await Expect(page.Locator(".status")).ToHaveTextAsync("Quá hạn");
        await Expect(page.Locator(".status-facts")).ToContainTextAsync("Hạn giải quyết theo quy định");
        await Expect(page.Locator(".status-facts")).ToContainTextAsync("09:00, thứ Hai 24/02/2025");
        // No appointment ten days in the past presented as if it still held.
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Hẹn trả kết quả:");
    }

    [BrowserFact]
    public async Task StatusPage_Refused_GivesTheReason()
    {
        var page = await OpenAsync(await CitizenStates.RefusedAsync(browser.Factory), "10-tu-choi");
        await Expect(page.Locator(".status")).ToHaveTextAsync("Từ chối giải quyết");
        await Expect(page.Locator(".status-facts")).ToContainTextAsync("Lý do từ chối");
        await Expect(page.Locator(".status-facts")).ToContainTextAsync(CitizenStates.RefusalReason);
    }

    [BrowserFact]
    public async Task StatusPage_Stopped_GivesTheReason()
    {
        var page = await OpenAsync(await CitizenStates.StoppedAsync(browser.Factory), "11-dung");
        await Expect(page.Locator(".status")).ToHaveTextAsync("Dừng giải quyết");
        await Expect(page.Locator(".status-facts")).ToContainTextAsync(CitizenStates.StopReason);
    }

    [BrowserFact]
    public async Task StatusPage_NotCollected_AsksToCollectWhatIsWaiting()
    {
        var page = await OpenAsync(await CitizenStates.NotCollectedAsync(browser.Factory), "12-chua-nhan");
        await Expect(page.Locator(".status")).ToHaveTextAsync("Đã có kết quả, công dân chưa nhận");
        await Expect(page.Locator(".status-message")).ToContainTextAsync("chưa đến nhận");
        await Expect(page.Locator(".status-facts")).ToContainTextAsync("Nơi nhận");
    }

    [BrowserFact]
    public async Task StatusPage_Lapsed_SaysClosedForTheMissingSupplementAndHowToStartAgain()
    {
        var page = await OpenAsync(await CitizenStates.LapsedAsync(browser.Factory), "13-da-dong");
        await Expect(page.Locator(".status")).ToHaveTextAsync("Đã đóng hồ sơ do quá hạn bổ sung");
        await Expect(page.Locator(".status-message")).ToContainTextAsync("không được bổ sung trong thời hạn");
        await Expect(page.Locator(".status-message")).ToContainTextAsync("nộp hồ sơ mới");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Hẹn trả kết quả:");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("quá hạn giải quyết");
    }

    [BrowserFact]
    public async Task StatusPage_UnknownCode_Says404NotFoundWithoutGuessing()
    {
        var page = await browser.NewPageAsync(390, 844);
        var response = await page.GotoAsync("/tra-cuu/000.00.12.H99-250303-9999");
        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("main")).ToContainTextAsync("Không tìm thấy thông tin công khai cho mã hồ sơ này");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways on a phone.");
        await BrowserFixture.ScreenshotAsync(page, "citizen-14-khong-tim-thay");
    }

    [BrowserFact]
    public async Task StatusPage_CodeTypedInLowerCase_FindsTheDossier()
    {
        var code = await CitizenStates.ReceivedAsync(browser.Factory);
        var page = await browser.NewPageAsync(390, 844);
        await page.GotoAsync("/tra-cuu");
        var field = page.GetByLabel("Mã hồ sơ");
        await field.FillAsync("  " + code.ToLowerInvariant() + "  ");
        await Expect(field).ToHaveValueAsync("  " + code.ToLowerInvariant() + "  ");
        await field.PressAsync("Enter");
        await Expect(page.Locator(".code")).ToHaveTextAsync(code);
        await Expect(page.Locator(".status")).ToHaveTextAsync("Đã tiếp nhận");
    }

    /// <summary>Opens the page at phone width and checks what every state shares: the contact block, nothing personal, no sideways scroll.</summary>
    private async Task<IPage> OpenAsync(string code, string screenshot)
    {
        var page = await browser.NewPageAsync(390, 844);
        var response = await page.GotoAsync("/tra-cuu/" + code);
        Assert.Equal(200, response!.Status);
        var contact = page.Locator(".contact");
        await Expect(contact).ToContainTextAsync("Bộ phận Một cửa, Ủy ban nhân dân phường Đống Đa");
        await Expect(contact).ToContainTextAsync("Số 1 phố Demo, phường Đống Đa");
        await Expect(contact).ToContainTextAsync("Thứ Hai đến thứ Sáu: 07:30–11:30, 13:00–17:00");
        await Expect(contact).ToContainTextAsync("024 3825 0000");
        var text = await page.InnerTextAsync("body");
        Assert.DoesNotContain("Nguyễn Thị Hồng Nhung", text, StringComparison.Ordinal);
        Assert.DoesNotContain("001190012345", text, StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", text, StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways on a phone.");
        await BrowserFixture.ScreenshotAsync(page, "citizen-" + screenshot);
        return page;
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
