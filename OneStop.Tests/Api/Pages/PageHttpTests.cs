using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using NodaTime;
using OneStop.Api.Demo;
using OneStop.Tests.Api.Dossiers;

namespace OneStop.Tests.Api.Pages;

/// <summary>The pages over HTTP, without a browser: sign-in, antiforgery, rule and input errors, the citizen's page.</summary>
public sealed partial class PageHttpTests(OneStopApiFactory factory) : IClassFixture<OneStopApiFactory>
{
    [Fact]
    public async Task Desk_Anonymous_RedirectsToSignInPage()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync(new Uri("/quay", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/dang-nhap", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_IsRefused()
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsync(new Uri("/dang-nhap", UriKind.Relative), new FormUrlEncodedContent(
            new Dictionary<string, string> { ["userName"] = "motcua", ["password"] = DemoData.Password }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_WrongPassword_SaysSoInVietnamese()
    {
        using var client = factory.CreateClient();
        using var response = await PageForm.PostAsync(client, "/dang-nhap", "/dang-nhap", new() { ["userName"] = "motcua", ["password"] = "sai-mat-khau" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Sai tên đăng nhập hoặc mật khẩu.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DossierAction_BrokenRule_RedirectsBackWithTheRuleInVietnamese()
    {
        var (client, code) = await SignedInWithDossierAsync();
        using var response = await PageForm.PostAsync(client, $"/quay/ho-so/{code}", $"/quay/ho-so/{code}/nhan-bo-sung", []);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith("?loi=supplement-not-requested", response.RequestMessage!.RequestUri!.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("Hồ sơ chưa có yêu cầu bổ sung nào", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DossierAction_MissingReason_ShowsTheErrorBesideTheField()
    {
        var (client, code) = await SignedInWithDossierAsync();
        using var response = await PageForm.PostAsync(client, $"/quay/ho-so/{code}", $"/quay/ho-so/{code}/dung", new() { ["reason"] = " " });
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("""<p class="error" id="dung-reason-error">Bắt buộc, tối đa 2000 ký tự.</p>""", page, StringComparison.Ordinal);
        Assert.Contains("""aria-invalid="true""", page, StringComparison.Ordinal);
        using var state = await DossierApi.GetAsync(await factory.ClientForAsync("motcua"), $"/api/dossiers/{code}");
        Assert.Equal("Received", state.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Registration_ThroughTheForm_RegistersOnceEvenWhenPostedTwice()
    {
        using var client = factory.CreateClient();
        await SignInAsync(client, "motcua");
        var form = RegistrationForm("Lê Thị <b>Hoa</b>", ("idempotencyKey", Guid.NewGuid().ToString("N")));
        using var first = await PageForm.PostAsync(client, "/quay/tiep-nhan?thu-tuc=1.004227.H99", "/quay/tiep-nhan", form);
        using var second = await PageForm.PostAsync(client, "/quay/tiep-nhan?thu-tuc=1.004227.H99", "/quay/tiep-nhan", form);
        Assert.Equal(first.RequestMessage!.RequestUri, second.RequestMessage!.RequestUri);
        var page = await first.Content.ReadAsStringAsync();
        Assert.Contains("Lê Thị &lt;b&gt;Hoa&lt;/b&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Hoa</b>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_ReceivedByAnotherDesk_ShowsBothReceptionsAndCountsFromTheCompetentAgency()
    {
        factory.Clock.Reset(Instant.FromUtc(2025, 3, 3, 2, 0));
        using var client = factory.CreateClient();
        await SignInAsync(client, "motcua");
        var form = RegistrationForm("Lê Thị Hoa", ("receivedElsewhere.agency", "000.00.13.H99"), ("receivedElsewhere.receivedAt", "2025-02-28T16:00"));

        using var response = await PageForm.PostAsync(client, "/quay/tiep-nhan?thu-tuc=1.004227.H99", "/quay/tiep-nhan", form);

        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("/quay/ho-so/", response.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("Nhận tại bộ phận một cửa ngoài địa bàn", page, StringComparison.Ordinal);
        Assert.Contains("bắt đầu tính 09:00 ngày 03/03/2025", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "Thông báo cho công dân khi hồ sơ đổi tình trạng: Đồng ý nhận thông báo qua email và tin nhắn (SMS/Zalo)")]
    [InlineData(false, "Thông báo cho công dân khi hồ sơ đổi tình trạng: Không đăng ký nhận thông báo")]
    public async Task DossierPage_AfterRegistration_ShowsTheCitizensNoticeConsent(bool consent, string expected)
    {
        using var client = factory.CreateClient();
        await SignInAsync(client, "motcua");
        var form = RegistrationForm("Lê Thị Hoa", ("applicant.email", "hoa@example.vn"), ("applicant.phone", "0912345678"));
        if (consent)
        {
            form["noticeConsent"] = "on";
        }

        using var response = await PageForm.PostAsync(client, "/quay/tiep-nhan?thu-tuc=1.004227.H99", "/quay/tiep-nhan", form);

        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("/quay/ho-so/", response.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains(expected, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegistrationPreview_DeclaredAcceptance_ShowsTheAppointmentTheReceiptPrintsAndSavesNothing()
    {
        factory.Clock.Reset(Instant.FromUtc(2025, 3, 3, 2, 0));
        using var client = factory.CreateClient();
        await SignInAsync(client, "motcua");
        using var api = await factory.ClientForAsync("motcua");
        var form = RegistrationForm("Đinh Xem Trước", ("acceptedAt", "2025-02-28T16:30"));
        using (var before = await DossierApi.GetAsync(api, "/api/dossiers/search?q=dinh+xem+truoc"))
        {
            Assert.Equal(0, before.RootElement.GetProperty("total").GetInt32());
        }

        using var previewed = await PageForm.PostAsync(client, "/quay/tiep-nhan?thu-tuc=1.004227.H99", "/quay/tiep-nhan/xem-truoc", form);
        var preview = await previewed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, previewed.StatusCode);
        Assert.Contains("value=\"Đinh Xem Trước\"", preview, StringComparison.Ordinal);
        Assert.Contains("nếu tiếp nhận lúc 16:30 ngày 28/02/2025", preview, StringComparison.Ordinal);
        var appointment = Regex.Match(preview, "id=\"hen-tra\">([^<]+)<").Groups[1].Value;
        using (var after = await DossierApi.GetAsync(api, "/api/dossiers/search?q=dinh+xem+truoc"))
        {
            Assert.Equal(0, after.RootElement.GetProperty("total").GetInt32());
        }

        using var registered = await PageForm.PostAsync(client, "/quay/tiep-nhan?thu-tuc=1.004227.H99", "/quay/tiep-nhan", form);
        var code = Uri.UnescapeDataString(registered.RequestMessage!.RequestUri!.AbsolutePath["/quay/ho-so/".Length..]);
        using var dossier = await DossierApi.GetAsync(api, "/api/dossiers/" + code);
        var due = NodaTime.Text.OffsetDateTimePattern.ExtendedIso.Parse(dossier.RootElement.GetProperty("appointmentAt").GetString()!).Value.ToInstant();
        Assert.Equal(OneStop.Api.Pages.VietnameseText.Appointment(due), appointment);
    }

    [Fact]
    public async Task CitizenPage_KnownCode_ShowsNoPersonalData()
    {
        using var clerk = await factory.ClientForAsync("motcua");
        var code = await DossierApi.RegisterAsync(clerk);
        using var anonymous = factory.CreateClient();
        var page = await anonymous.GetStringAsync(new Uri("/tra-cuu/" + code, UriKind.Relative));
        Assert.Contains("Đăng ký kết hôn", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn Thị Hồng Nhung", page, StringComparison.Ordinal);
        Assert.DoesNotContain("001190012345", page, StringComparison.Ordinal);
    }

    private async Task<(HttpClient Client, string Code)> SignedInWithDossierAsync()
    {
        using var api = await factory.ClientForAsync("motcua");
        var code = await DossierApi.RegisterAsync(api);
        var client = factory.CreateClient();
        await SignInAsync(client, "motcua");
        return (client, code);
    }

    /// <summary>The desk's registration form for procedure 1.004227.H99 with its first document, at the counter, plus <paramref name="fields"/>.</summary>
    private static Dictionary<string, string> RegistrationForm(string applicant, params (string Name, string Value)[] fields)
    {
        var form = new Dictionary<string, string>
        {
            ["procedureCode"] = "1.004227.H99",
            ["doc0"] = "on",
            ["docOriginals0"] = "1",
            ["docCopies0"] = "0",
            ["applicant.fullName"] = applicant,
            ["channel"] = "Counter",
        };
        foreach (var (name, value) in fields)
        {
            form[name] = value;
        }

        return form;
    }

    private static async Task SignInAsync(HttpClient client, string userName)
    {
        using var response = await PageForm.PostAsync(client, "/dang-nhap", "/dang-nhap", new() { ["userName"] = userName, ["password"] = DemoData.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
