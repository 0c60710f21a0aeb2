using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Agencies;
using OneStop.Api.Identity;
using OneStop.Api.Lateness;
using OneStop.Persistence;
using OneStop.Tests.Api.Dossiers;

namespace OneStop.Tests.Api.Security;

/// <summary>The cases of the hostile-input report, each answered as the input policy says.</summary>
public sealed class InputPolicyEndpointTests(OneStopApiFactory factory) : IClassFixture<OneStopApiFactory>
{
    [Theory]
    [InlineData("2200-01-01T09:00:00+07:00")] // after one such re-issue the dashboard and exports answered 500
    [InlineData("9999-12-31T23:59:59+07:00")]
    [InlineData("1899-12-31T09:00:00+07:00")]
    [InlineData("2025-03-01T09:00:00+07:00")] // before acceptance and in the past
    public async Task ReissueReceipt_AppointmentOutOfRange_IsRefusedAndWritesNothing(string appointmentAt)
    {
        var clerk = await factory.ClientForAsync("motcua");
        var code = await DossierApi.RegisterAsync(clerk);
        var events = await DossierApi.EventCountAsync(clerk, code);

        using var response = await DossierApi.PostAsync(clerk, code, "receipts", new { appointmentAt, reason = "Khách làm mất giấy" });

        await DossierApi.AssertInvalidAsync(response, "appointmentAt");
        Assert.Equal(events, await DossierApi.EventCountAsync(clerk, code));
    }

    [Fact]
    public async Task ListDossiers_DueBeforeYearOne_IsA400NamingIt()
    {
        var clerk = await factory.ClientForAsync("motcua");

        using var response = await clerk.GetAsync(new Uri("/api/dossiers?dueBefore=" + Uri.EscapeDataString("0001-01-01T00:00:00+07:00"), UriKind.Relative));

        await DossierApi.AssertInvalidAsync(response, "dueBefore");
    }

    [Fact]
    public async Task CreateAgency_ArabicIndicDigits_IsRefused()
    {
        var admin = await factory.ClientForAsync("admin");

        using var response = await admin.PostAsJsonAsync("/api/admin/agencies", new { name = "Phường thử", electronicId = "٠٠٠.٠٠.٧٧.H٩٩", parent = "000.00.00.H99" });

        await DossierApi.AssertInvalidAsync(response, "electronicId");
    }

    [Fact]
    public async Task Register_AgencyIdNotAscii_AnswersCreatedWithAnEscapedLocation()
    {
        // An agency saved before the policy with Arabic-Indic digits: the registration was saved and then answered
        // 500 because its Location header could not carry the code. The commit is now the last thing that can fail.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var parent = await db.Agencies.SingleAsync(a => a.ElectronicId == "000.00.12.H99");
            db.Agencies.Add(new Agency(Guid.NewGuid(), "Tổ thử", "٠٠٠.٠٠.٩٩.H٩٩", parent));
            await db.SaveChangesAsync();
        }

        var clerk = await factory.ClientForAsync("motcua");
        using var response = await clerk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "1.000894.H99",
            agency = "٠٠٠.٠٠.٩٩.H٩٩",
            applicant = new { fullName = "Nguyễn Văn A" },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith("/api/dossiers/%D9%A0", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        using var receipt = await clerk.GetAsync(new Uri(response.Headers.Location!.OriginalString + "/receipt.pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        Assert.StartsWith("receipt-", receipt.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("applicant.idNumber", "٠٠١١٩٠٠١٢٣٤٥")]
    [InlineData("applicant.phone", "٠٩١٢٣٤٥٦٧٨")]
    [InlineData("applicant.fullName", "Nguyễn\u0000Văn")]
    [InlineData("applicant.fullName", "Nguyễn\u202EVăn")]
    [InlineData("applicant.fullName", "Nguyễn\nVăn")] // one line
    [InlineData("applicant.address", "Số 1\u0007")]
    public async Task Register_HostileApplicantField_IsA400NamingIt(string field, string value)
    {
        var clerk = await factory.ClientForAsync("motcua");
        var applicant = new Dictionary<string, string> { ["fullName"] = "Nguyễn Văn A", [field.Split('.')[1]] = value };

        using var response = await clerk.PostAsJsonAsync("/api/dossiers", new { procedureCode = "1.000894.H99", applicant });

        await DossierApi.AssertInvalidAsync(response, field);
    }

    [Fact]
    public async Task Register_NullDocument_IsA400NamingIt()
    {
        var clerk = await factory.ClientForAsync("motcua");

        using var response = await clerk.PostAsync(new Uri("/api/dossiers", UriKind.Relative), new StringContent(
            """{"procedureCode":"1.000894.H99","applicant":{"fullName":"Nguyễn Văn A"},"documents":[null]}""", Encoding.UTF8, "application/json"));

        await DossierApi.AssertInvalidAsync(response, "documents[0]");
    }

    [Fact]
    public async Task Register_TooManyDocuments_IsA400NamingTheList()
    {
        var clerk = await factory.ClientForAsync("motcua");
        var documents = Enumerable.Range(0, 101).Select(i => new { name = "Giấy " + i, originals = 1, copies = 0 });

        using var response = await clerk.PostAsJsonAsync("/api/dossiers", new { procedureCode = "1.000894.H99", applicant = new { fullName = "Nguyễn Văn A" }, documents });

        await DossierApi.AssertInvalidAsync(response, "documents");
    }

    [Fact]
    public async Task Register_DecomposedName_IsStoredComposed()
    {
        var clerk = await factory.ClientForAsync("motcua");
        var code = await DossierApi.RegisterAsync(clerk, new
        {
            procedureCode = "1.000894.H99",
            applicant = new { fullName = "Nguyễn Thị Hồng".Normalize(NormalizationForm.FormD) },
        });

        using var dossier = await DossierApi.GetAsync(clerk, "/api/dossiers/" + code);

        Assert.Equal("Nguyễn Thị Hồng", dossier.RootElement.GetProperty("applicant").GetProperty("fullName").GetString());
    }

    [Fact]
    public async Task Events_WithTheCollectorsName_LogsAPersonalDataRead()
    {
        var clerk = await factory.ClientForAsync("motcua");
        var code = await DossierApi.RegisterAsync(clerk);
        (await DossierApi.PostAsync(clerk, code, "result", new { })).Dispose();
        (await DossierApi.PostAsync(clerk, code, "return", new { receivedBy = "Trần Văn Nhận" })).Dispose();
        var before = await ReadsAsync(code);

        using var events = await DossierApi.GetAsync(clerk, $"/api/dossiers/{code}/events");

        Assert.Contains(events.RootElement.EnumerateArray(), e => e.GetProperty("details").TryGetProperty("receivedBy", out var r) && r.GetString() == "Trần Văn Nhận");
        Assert.Equal(before + 1, await ReadsAsync(code));
    }

    [Theory]
    [InlineData("/api/calendar/2025")]
    [InlineData("/dang-nhap")]
    [InlineData("/api/dossiers/khong-co")] // an error answer too
    public async Task AnyResponse_CarriesTheSecurityHeaders(string path)
    {
        using var response = await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
    }

    [Fact]
    public async Task Dossier_PersonalData_IsNotStored()
    {
        var clerk = await factory.ClientForAsync("motcua");
        var code = await DossierApi.RegisterAsync(clerk);

        using var response = await clerk.GetAsync(new Uri("/api/dossiers/" + code, UriKind.Relative));

        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Theory]
    [InlineData("{\"procedureCode\":", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("procedureCode=1", "text/plain", HttpStatusCode.UnsupportedMediaType)]
    public async Task Register_FrameworkRefusal_IsAProblemWithoutInternalNames(string body, string mediaType, HttpStatusCode status)
    {
        var clerk = await factory.ClientForAsync("motcua");

        using var response = await clerk.PostAsync(new Uri("/api/dossiers", UriKind.Relative), new StringContent(body, Encoding.UTF8, mediaType));

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("RegisterDossierRequest", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"request\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_BodyOverTheLimit_IsA413Problem()
    {
        var clerk = await factory.ClientForAsync("motcua");

        using var response = await clerk.PostAsync(new Uri("/api/dossiers", UriKind.Relative),
            new StringContent("{\"procedureCode\":\"" + new string('x', 1024 * 1024) + "\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnyRequest_UrlOverTheLimit_IsA414Problem()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/api/calendar/2025?x=" + new string('x', 5000), UriKind.Relative));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Login_MegabytePassword_IsA400()
    {
        using var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName = "motcua", password = new string('x', 1000) });

        await DossierApi.AssertInvalidAsync(response, "password");
    }

    [Theory]
    [InlineData("/quay", true)]
    [InlineData("/quay/ho-so/000.00.12.H99-250303-0001?tb=x", true)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("/\t/evil.example", false)] // "/%09/evil.example" decoded: browsers drop the tab and read //evil.example
    [InlineData("/\n/evil.example", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("~/quay", false)] // local for the framework, but not a path a browser resolves here
    [InlineData("", false)]
    public void SignInReturnUrl_IsLocal_OnlyForPathsOfThisSite(string url, bool local) =>
        Assert.Equal(local, SignInPages.IsLocal(url));

    [Theory]
    [InlineData("/%09/evil.example")]
    [InlineData("/%0A/evil.example")]
    public async Task SignInPage_ControlInReturnUrl_IsA400Problem(string returnUrl)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/dang-nhap?returnUrl=" + returnUrl, UriKind.Relative));

        await DossierApi.AssertInvalidAsync(response, "returnUrl");
    }

    [Theory]
    [InlineData("userName", "motcua\u0007")]
    [InlineData("password", "a\u202Eb")]
    public async Task PageForm_ControlCharacter_IsA400NamingTheFieldBeforeAnythingRuns(string field, string value)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var fields = new Dictionary<string, string> { ["userName"] = "motcua", ["password"] = "x", [field] = value };

        using var response = await client.PostAsync(new Uri("/dang-nhap", UriKind.Relative), new FormUrlEncodedContent(fields));

        await DossierApi.AssertInvalidAsync(response, field);
    }

    [Fact]
    public async Task PageForm_Nul_IsA400Problem()
    {
        // The form reader itself refuses to decode %00, so the problem names the body rather than the field.
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.PostAsync(new Uri("/dang-nhap", UriKind.Relative), new FormUrlEncodedContent(
            new Dictionary<string, string> { ["userName"] = "motcua\u0000", ["password"] = "x" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"x\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"")]
    [InlineData("+1+cmd", "'+1+cmd")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("-5", "-5")] // a number stays a number
    [InlineData("Phòng Tư pháp", "Phòng Tư pháp")]
    public void Csv_CellStartingLikeAFormula_IsNeutralised(string value, string cell) =>
        Assert.Equal(cell, DashboardPage.Csv(value));

    private async Task<int> ReadsAsync(string code)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        return await db.PersonalDataReads.CountAsync(r => db.Dossiers.Any(d => d.Code == code && d.Id == r.DossierId));
    }
}
