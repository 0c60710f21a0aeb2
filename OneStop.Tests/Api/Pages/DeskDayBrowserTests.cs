using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OneStop.Language;
using OneStop.Tests.Api.Dossiers;

namespace OneStop.Tests.Api.Pages;

/// <summary>
/// Issue 14's desk's day in Chromium: a clerk finds a dossier by a name typed without tone marks or by a phone, and
/// registers with the keyboard (name in focus, nothing pre-ticked, the appointment previewed, procedures in Vietnamese
/// order); an officer's queue is their unit's; a head rejects a Form 04 draft from the drafts list; the dossier page
/// speaks Vietnamese, links every form in a new tab, re-issues a receipt, shows supervisors the lateness findings, and prints clean.
/// </summary>
public sealed class DeskDayBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static object Registration(string fullName, string? phone = null, string? idNumber = null) => new
    {
        procedureCode = "1.000894.H99",
        applicant = new { fullName, idNumber, phone, address = "Phường Đống Đa, Hà Nội" },
        documents = new[] { new { name = "Tờ khai đăng ký kết hôn", originals = 1, copies = 0 } },
        channel = "Counter",
    };

    [BrowserFact]
    public async Task Clerk_SearchesWithTheKeyboard_FindsByTonelessNfdNameAndByPhone()
    {
        using var api = await browser.Factory.ClientForAsync("motcua");
        var code = await DossierApi.RegisterAsync(api, Registration("Nguyễn Văn Tìm Kiếm", phone: "0977001122", idNumber: "001077001122"));
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "motcua", "/quay/tim-kiem");

        // The search box has the focus (autofocus, which the browser applies once the page is rendered): type and press
        // Enter, nothing else.
        await Expect(page.Locator("#q")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("nguyen van tim kiem".Normalize(NormalizationForm.FormD));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("q="));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = code })).ToBeVisibleAsync();
        await Expect(page.Locator("#ket-qua")).ToContainTextAsync("Kết quả: 1 hồ sơ");
        await BrowserFixture.ScreenshotAsync(page, "desk-search-name");

        await page.GotoAsync("/quay/tim-kiem");
        await Expect(page.Locator("#q")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("NGUYỄN VĂN TÌM KIẾM".Normalize(NormalizationForm.FormD));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = code })).ToBeVisibleAsync();

        await page.GotoAsync("/quay/tim-kiem");
        await Expect(page.Locator("#q")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("+84 977 001 122");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = code })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "desk-search-phone");

        // A returned dossier is found too, by its status.
        await page.GotoAsync("/quay/tim-kiem?q=" + Uri.EscapeDataString("001077001122") + "&status=Returned");
        await Expect(page.Locator("#ket-qua")).ToContainTextAsync("Kết quả: 0 hồ sơ");
    }

    [BrowserFact]
    public async Task Clerk_BadSearchFilter_SeesTheErrorBesideTheFieldNotJson()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "motcua", "/quay/tim-kiem?from=2025-03-05&to=2025-03-01");

        Assert.StartsWith("text/html", await page.EvaluateAsync<string>("document.contentType"), StringComparison.Ordinal);
        await Expect(page.Locator("#to-error")).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task Clerk_RegistersWithTheKeyboard_NameInFocusNothingTickedAppointmentPreviewed()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "motcua", "/quay/tiep-nhan");

        // Procedures in Vietnamese order: Đ after D and before E, never after X.
        var names = await page.Locator("ul.procedures > li > a").AllInnerTextsAsync();
        Assert.Equal(names.Order(VietnameseCollation.Instance), names);
        var firstD = names.ToList().FindIndex(n => n.StartsWith('Đ'));
        var xac = names.ToList().FindIndex(n => n.StartsWith("Xác", StringComparison.Ordinal));
        Assert.True(firstD >= 0 && xac > firstD, string.Join(" | ", names));

        await Expect(page.Locator("#tim")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("ket hon");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**tim=ket+hon");
        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng ký kết hôn" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("thu-tuc="));

        // The name has the focus; no document is ticked; the appointment is shown before saving.
        await Expect(page.Locator("#applicant-fullName")).ToBeFocusedAsync();
        Assert.Equal(0, await page.Locator(".checklist input[type=checkbox]:checked").CountAsync());
        var preview = await page.Locator("#hen-tra").InnerTextAsync();
        Assert.Matches(@"^\d\d:\d\d, thứ .+ \d\d/\d\d/\d{4}$", preview);
        await BrowserFixture.ScreenshotAsync(page, "desk-register-focus");

        await page.Keyboard.TypeAsync("Phạm Bàn Phím");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("001090055555");
        await TabToAsync(page, "documents-0");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "submit-register");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(new Regex("/quay/ho-so/"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã tiếp nhận hồ sơ");
        // The appointment on the dossier is the one previewed.
        await Expect(page.Locator(".deadline").Nth(1)).ToContainTextAsync(preview[..5]);
        await Expect(page.Locator(".deadline").Nth(1)).ToContainTextAsync(preview[^10..]);
    }

    [BrowserFact]
    public async Task Officer_Queue_ShowsTheirUnitsDossiersOnly()
    {
        using var clerk = await browser.Factory.ClientForAsync("motcua");
        var mine = await DossierApi.RegisterAsync(clerk, Registration("Đoàn Đơn Vị"));
        var other = await DossierApi.RegisterAsync(clerk, Registration("Đoàn Nơi Khác"));
        (await DossierApi.PostAsync(clerk, mine, "handovers", new { toUnit = "Công chức tư pháp - hộ tịch" })).EnsureSuccessStatusCode();
        (await DossierApi.PostAsync(clerk, other, "handovers", new { toUnit = "Công chức địa chính - xây dựng" })).EnsureSuccessStatusCode();

        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "chuyenvien", "/quay");

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = mine })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = other })).ToHaveCountAsync(0);
        await Expect(page.Locator("main")).ToContainTextAsync("Công chức tư pháp - hộ tịch");
        await BrowserFixture.ScreenshotAsync(page, "desk-officer-queue");
    }

    [BrowserFact]
    public async Task Head_RejectsADraftFromTheDraftsList_WithAReason()
    {
        using var clerk = await browser.Factory.ClientForAsync("motcua");
        using var officer = await browser.Factory.ClientForAsync("chuyenvien");
        var code = await DossierApi.RegisterAsync(clerk, Registration("Lý Xin Lỗi"));
        var appointment = browser.Factory.Clock.GetCurrentInstant().Plus(NodaTime.Duration.FromDays(20)).ToString("yyyy-MM-dd'T'16:00:00+07:00", CultureInfo.InvariantCulture);
        (await DossierApi.PostAsync(officer, code, "apologies", new { reason = "Chờ xác minh nơi cư trú", newAppointmentAt = appointment })).EnsureSuccessStatusCode();

        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "lanhdao", "/quay");
        await page.GetByRole(AriaRole.Link, new() { Name = "phiếu xin lỗi (Mẫu 04) đang chờ thủ trưởng phê duyệt" }).ClickAsync();
        await page.WaitForURLAsync("**/quay/xin-loi-cho-duyet");
        var draft = page.Locator("ul.drafts > li", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = code }) });
        await Expect(draft).ToContainTextAsync("Chờ xác minh nơi cư trú");
        await Expect(draft).ToContainTextAsync("Lê Văn Chuyên");
        await BrowserFixture.ScreenshotAsync(page, "desk-head-drafts");

        // No reason: refused beside the field.
        await draft.GetByRole(AriaRole.Button, new() { Name = "Không phê duyệt" }).ClickAsync();
        draft = page.Locator("ul.drafts > li", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = code }) });
        await Expect(draft.Locator(".error").First).ToBeVisibleAsync();

        await draft.GetByLabel("Lý do không phê duyệt").FillAsync("Chưa nêu rõ lý do chậm");
        await draft.GetByRole(AriaRole.Button, new() { Name = "Không phê duyệt" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("không phê duyệt");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = code })).ToHaveCountAsync(0);

        await page.GotoAsync("/quay/ho-so/" + code);
        var ledger = page.Locator("table.ledger");
        await Expect(ledger).ToContainTextAsync("Thủ trưởng không phê duyệt phiếu xin lỗi");
        await Expect(ledger).ToContainTextAsync("Chưa nêu rõ lý do chậm");
        await Expect(ledger).ToContainTextAsync("Phạm Minh Lãnh");
    }

    [BrowserFact]
    public async Task DossierPage_TellsTheTruthInVietnamese_FormsInNewTabsReissueAndPrint()
    {
        using var clerk = await browser.Factory.ClientForAsync("motcua");
        var code = await DossierApi.RegisterAsync(clerk, Registration("Hà Sự Thật"));
        (await DossierApi.PostAsync(clerk, code, "handovers", new { toUnit = "Công chức tư pháp - hộ tịch", receiver = "chuyenvien" })).EnsureSuccessStatusCode();
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "motcua", "/quay/ho-so/" + code);

        var ledger = page.Locator("table.ledger");
        await Expect(ledger).ToContainTextAsync("Số sổ theo dõi");
        await Expect(ledger).ToContainTextAsync("Đỗ Thu Hà");
        await Expect(ledger).ToContainTextAsync("Lê Văn Chuyên");
        var text = await ledger.InnerTextAsync();
        Assert.DoesNotContain("Chờ bổ sung", text, StringComparison.Ordinal);
        Assert.DoesNotContain("motcua", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex("[0-9a-f]{8}-[0-9a-f]{4}-"), text);
        Assert.DoesNotMatch(new Regex(@"\b(Official|Provisional|WorkingHours|OnTime|Late|Early)\b"), text);

        // Every form opens in a new tab; none is the raw list of forms.
        var forms = page.Locator("ul.prints a");
        Assert.True(await forms.CountAsync() >= 3);
        foreach (var link in await forms.AllAsync())
        {
            Assert.Equal("_blank", await link.GetAttributeAsync("target"));
            Assert.DoesNotMatch(new Regex("/forms$"), await link.GetAttributeAsync("href") ?? string.Empty);
        }

        // Re-issue the receipt from the page: both receipts are then linked.
        var reissue = page.Locator("details.action", new() { Has = page.Locator("summary", new() { HasTextString = "Cấp lại giấy tiếp nhận" }) });
        await reissue.Locator(":scope > summary").ClickAsync();
        await reissue.GetByLabel("Lý do cấp lại").FillAsync("Công dân làm mất giấy tiếp nhận");
        await reissue.Locator("button[type=submit]").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã cấp lại giấy tiếp nhận");
        await Expect(page.Locator("ul.prints a[href$='receipt.pdf?number=2']")).ToHaveCountAsync(1);
        await Expect(page.Locator("table.ledger")).ToContainTextAsync("Cấp lại giấy tiếp nhận");
        await BrowserFixture.ScreenshotAsync(page, "desk-dossier-page");

        // Printing: the record without the navigation and the action forms.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.Equal("none", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('header.site')).display"));
        Assert.Equal("none", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('details.action')).display"));
        await Expect(page.Locator("table.ledger")).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // The clerk does not see the lateness findings; a supervisor does.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kiểm tra trễ hạn thực tế" })).ToHaveCountAsync(0);
        var supervisor = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(supervisor, "giamsat", "/quay/ho-so/" + code);
        await Expect(supervisor.GetByRole(AriaRole.Heading, new() { Name = "Kiểm tra trễ hạn thực tế" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(supervisor, "desk-dossier-supervisor");
    }

    [BrowserFact]
    public async Task Supervisor_SignsIn_LandsOnTheDashboard()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "giamsat");
        Assert.EndsWith("/giam-sat", page.Url, StringComparison.Ordinal);
    }

    private static async Task TabToAsync(IPage page, string id)
    {
        for (var i = 0; i < 60; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<string>("document.activeElement.id") == id)
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached #{id}.");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
