using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OneStop.Api.Demo;
using OneStop.Api.Pages;
using OneStop.Api.Problems;
using OneStop.Dossiers;
using OneStop.Ratings;

namespace OneStop.Tests.Api.Pages;

/// <summary>
/// The foundation of the pages as Razor components: the encoder that writes Vietnamese as letters, the named policies
/// (sign-in redirect, the Vietnamese 403 page), no JSON to a browser, messages by code.
/// </summary>
public sealed partial class RazorPageTests(OneStopApiFactory factory) : IClassFixture<OneStopApiFactory>
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    [Fact]
    public async Task SignInPage_RenderedByRazor_WritesVietnameseLettersAsThemselves()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/dang-nhap", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Đăng nhập · Một cửa</title>", html, StringComparison.Ordinal);
        Assert.Contains("Đăng nhập dành cho cán bộ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x", html, StringComparison.Ordinal);
        Assert.Matches(PageForm.TokenPattern(), html);
    }

    [Theory]
    [InlineData("Nguyễn Thị Ánh", "Nguyễn Thị Ánh")]
    [InlineData("Nguye\u0302\u0303n", "Nguye\u0302\u0303n")]
    [InlineData("“Tư pháp” – 100.000 ₫", "“Tư pháp” – 100.000 ₫")]
    [InlineData("<script>&\"'", "&lt;script&gt;&amp;&quot;&#x27;")]
    [InlineData("中文", "&#x4E2D;&#x6587;")]
    public void Encoder_Text_KeepsVietnameseAndEscapesMarkup(string text, string expected) =>
        Assert.Equal(expected, PageSetup.Encoder.Encode(text));

    [Fact]
    public async Task SignInPage_UserNameTyped_IsWrittenBackEscapedAndReadable()
    {
        using var client = factory.CreateClient();
        using var response = await PageForm.PostAsync(client, "/dang-nhap", "/dang-nhap", new() { ["userName"] = "Đỗ <b>Hà</b>", ["password"] = string.Empty });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("value=\"Đỗ &lt;b&gt;Hà&lt;/b&gt;\"", html, StringComparison.Ordinal);
        Assert.Contains("Nhập tên đăng nhập và mật khẩu.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdministrationPage_Clerk_IsSentToTheVietnamese403Page()
    {
        using var client = await SignedInAsync("motcua", allowRedirect: false);
        using var response = await client.GetAsync(new Uri("/quan-tri/thong-bao", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(PageSetup.ForbiddenPath, response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);

        using var page = await client.GetAsync(response.Headers.Location);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>Không có quyền truy cập</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Tài khoản motcua không có quyền mở trang này.", html, StringComparison.Ordinal);
        Assert.Contains("class=\"signout\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/quan-tri/thong-bao")]
    [InlineData("/quay")]
    public async Task StaffPage_Anonymous_IsRedirectedToSignInWithTheWayBack(string path)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Accept.ParseAdd(BrowserAccept);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dang-nhap?ReturnUrl=" + Uri.EscapeDataString(path), response.Headers.Location?.PathAndQuery);
    }

    [Theory]
    [InlineData("/khong-co-trang-nay", HttpStatusCode.NotFound, "Không tìm thấy trang")]
    [InlineData("/giam-sat?from=hom-qua", HttpStatusCode.BadRequest, "Yêu cầu không hợp lệ")]
    public async Task Page_RefusedForABrowser_IsAVietnamesePageNeverJson(string path, HttpStatusCode status, string heading)
    {
        using var client = await SignedInAsync("giamsat");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Accept.ParseAdd(BrowserAccept);
        using var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<h1>{heading}</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_Clerk_GetsThe403PageNotJson()
    {
        using var client = await SignedInAsync("motcua");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/giam-sat", UriKind.Relative));
        request.Headers.Accept.ParseAdd(BrowserAccept);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>Không có quyền truy cập</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PagePost_WithoutAntiforgeryToken_IsA400PageNotJson()
    {
        using var client = await SignedInAsync("admin");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/quan-tri/thong-bao/{Guid.NewGuid()}/gui-lai", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([]),
        };
        request.Headers.Accept.ParseAdd(BrowserAccept);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PageForm_ControlCharacterFromABrowser_IsA400PageButJsonForAScript()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var fields = new Dictionary<string, string> { ["userName"] = "motcua\u0007", ["password"] = "x" };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/dang-nhap", UriKind.Relative)) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Accept.ParseAdd(BrowserAccept);
        using var browser = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, browser.StatusCode);
        Assert.Equal("text/html", browser.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>Yêu cầu không hợp lệ</h1>", await browser.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var script = await client.PostAsync(new Uri("/dang-nhap", UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.BadRequest, script.StatusCode);
        Assert.Equal("application/problem+json", script.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Api_UnknownAddress_StaysAProblemInJson()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/khong-co", UriKind.Relative));
        request.Headers.Accept.ParseAdd(BrowserAccept);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task NoticesPage_Resend_UnknownNotice_IsA404PageInVietnamese()
    {
        using var client = await SignedInAsync("admin");
        using var response = await PageForm.PostAsync(client, "/quan-tri/thong-bao", $"/quan-tri/thong-bao/{Guid.NewGuid()}/gui-lai", []);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không có thông báo này trong phạm vi bạn quản trị.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoticesPage_Admin_IsRenderedInTheAdministrationFrameAndNeverStored()
    {
        using var client = await SignedInAsync("admin");
        using var response = await client.GetAsync(new Uri("/quan-tri/thong-bao", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Contains("""<a href="/quan-tri/thong-bao" aria-current="page">Thông báo chưa gửi</a>""", html, StringComparison.Ordinal);
        Assert.Contains("""<a href="/quan-tri" aria-current="page">Quản trị</a>""", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Thông báo chưa gửi được (", html, StringComparison.Ordinal);
        Assert.Contains("""<link rel="stylesheet" href="/css/admin.css">""", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidationCodes_EveryCode_HasItsVietnameseText()
    {
        Assert.NotEmpty(ValidationCodes.All);
        Assert.Empty(ValidationCodes.All.Except(Messages.FieldCodes));
        Assert.All(ValidationCodes.All.Where(c => c != ValidationCodes.Invalid), c => Assert.NotEqual(Messages.UnknownField, Messages.Field(c, 10, 20)));
    }

    [Fact]
    public void RuleCodes_EveryDossierAndRatingRule_HasItsVietnameseText()
    {
        var rules = typeof(DossierRules).GetFields().Concat(typeof(RatingRules).GetFields()).Concat(typeof(OneStop.Api.Units.UnitRules).GetFields())
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Append(OneStop.Api.Administration.UserAdminEndpoints.LockSelf).ToList();
        Assert.NotEmpty(rules);
        Assert.All(rules, r => Assert.True(Messages.IsRule(r), r));
    }

    [Fact]
    public void Messages_CodeWithArguments_FillsThemIn() =>
        Assert.Equal("Bắt buộc, tối đa 200 ký tự.", Messages.Field(new FieldError(ValidationCodes.RequiredText, [200])));

    [Fact]
    public async Task ApiValidationProblem_CarriesCodesBesideTheEnglishErrors()
    {
        using var client = await factory.ClientForAsync("motcua");
        using var response = await client.PostAsync(new Uri("/api/dossiers", UriKind.Relative), new StringContent(
            """{"procedureCode":"1.004227.H99","applicant":{"fullName":" ","phone":"12"}}""", System.Text.Encoding.UTF8, "application/json"));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Required, at most 200 characters.", problem.RootElement.GetProperty("errors").GetProperty("applicant.fullName")[0].GetString());
        var fullName = problem.RootElement.GetProperty("codes").GetProperty("applicant.fullName")[0];
        Assert.Equal(ValidationCodes.RequiredText, fullName.GetProperty("code").GetString());
        Assert.Equal(200, fullName.GetProperty("args")[0].GetInt32());
        var phone = problem.RootElement.GetProperty("codes").GetProperty("applicant.phone")[0];
        Assert.Equal(ValidationCodes.Phone, phone.GetProperty("code").GetString());
        Assert.False(phone.TryGetProperty("args", out _));
    }

    private async Task<HttpClient> SignedInAsync(string userName, bool allowRedirect = true)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = allowRedirect, HandleCookies = true });
        using var response = await PageForm.PostAsync(client, "/dang-nhap", "/dang-nhap", new() { ["userName"] = userName, ["password"] = DemoData.Password });
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, response.StatusCode.ToString());
        return client;
    }
}
