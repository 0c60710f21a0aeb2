using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OneStop.Api.Demo;

namespace OneStop.Tests.Api.Pages;

/// <summary>The administration pages over HTTP: who may open them, forms through the JSON endpoints' rules, errors beside the fields.</summary>
public sealed partial class AdministrationPageTests(OneStopApiFactory factory) : IClassFixture<OneStopApiFactory>
{
    [Fact]
    public async Task Administration_Anonymous_RedirectsToSignInPage()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync(new Uri("/quan-tri/lich", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/dang-nhap", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/quan-tri")]
    [InlineData("/quan-tri/nguoi-dung")]
    public async Task Administration_Clerk_GetsForbiddenPage(string path)
    {
        using var client = await SignedInAsync("motcua");
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Không có quyền truy cập", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administration_ClerkPostsForm_IsForbiddenAndNothingChanges()
    {
        using var client = await SignedInAsync("motcua");
        using var response = await PageForm.PostAsync(client, "/quay", "/quan-tri/co-quan", new()
        {
            ["name"] = "Ủy ban nhân dân xã Không Được",
            ["electronicId"] = "000.00.19.H99",
            ["parent"] = "000.00.00.H99",
        });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var admin = await SignedInAsync("admin");
        Assert.DoesNotContain("000.00.19.H99", await admin.GetStringAsync(new Uri("/quan-tri/co-quan", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgencyForm_Admin_CreatesAgencyThroughTheApiRules()
    {
        using var client = await SignedInAsync("admin");
        using var response = await PageForm.PostAsync(client, "/quan-tri/co-quan", "/quan-tri/co-quan", new()
        {
            ["name"] = "Ủy ban nhân dân xã <i>Tân Lập</i>",
            ["electronicId"] = "000.00.14.H99",
            ["parent"] = "000.00.00.H99",
        });
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith("/quan-tri/co-quan?tb=da-them", response.RequestMessage!.RequestUri!.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("Đã thêm cơ quan.", page, StringComparison.Ordinal);
        Assert.Contains("Ủy ban nhân dân xã &lt;i&gt;Tân Lập&lt;/i&gt;", page, StringComparison.Ordinal);
        using var api = await factory.ClientForAsync("admin");
        Assert.Contains("000.00.14.H99", await api.GetStringAsync(new Uri("/api/admin/agencies", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgencyForm_WithoutAntiforgeryToken_IsRefused()
    {
        using var client = await SignedInAsync("admin");
        using var response = await client.PostAsync(new Uri("/quan-tri/co-quan", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "Ủy ban nhân dân xã Giả Mạo",
            ["electronicId"] = "000.00.18.H99",
            ["parent"] = "000.00.00.H99",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AgencyEdit_CutOffOutsideTheDay_ShowsTheErrorBesideTheField()
    {
        using var client = await SignedInAsync("admin");
        using var response = await PageForm.PostAsync(client, "/quan-tri/co-quan/000.00.13.H99", "/quan-tri/co-quan/000.00.13.H99", new()
        {
            ["name"] = "Ủy ban nhân dân xã Hòa Bình",
            ["electronicId"] = "000.00.13.H99",
            ["sessions"] = "07:30-11:30, 13:00-17:00",
            ["cutOff"] = "19:00",
            ["saturdayReception"] = string.Empty,
            ["countingMode"] = "WorkingHours",
        });
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("""<p class="error" id="cutOff-error">Phải trong ngày làm việc: sau 07:30 và không muộn hơn 17:00.</p>""", page, StringComparison.Ordinal);
        Assert.Contains("""value="19:00" aria-describedby="cutOff-hint cutOff-error" aria-invalid="true" """, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalendarForm_WeekendDayOffAndNoDocument_ReRendersWithVietnameseErrors()
    {
        using var client = await SignedInAsync("admin");
        using var response = await PageForm.PostAsync(client, "/quan-tri/lich", "/quan-tri/lich", new()
        {
            ["key"] = "2026-thu-bay",
            ["year"] = "2026",
            ["name"] = "Nghỉ thử",
            ["daysOff"] = "28/11/2026",
        });
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("""<p class="error" id="daysOff-error">Mục 1: 28/11/2026 là ngày cuối tuần: ngày nghỉ phải từ thứ Hai đến thứ Sáu.""", page, StringComparison.Ordinal);
        Assert.Contains("""<p class="error" id="documentNumber-error">Bắt buộc, tối đa 500 ký tự.</p>""", page, StringComparison.Ordinal);
        Assert.Contains(">28/11/2026</textarea>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-thu-bay</span>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalendarImport_UploadedFile_AddsTheNotice()
    {
        using var client = await SignedInAsync("admin");
        var html = await client.GetStringAsync(new Uri("/quan-tri/lich", UriKind.Relative));
        const string Ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:a@test\r\nDTSTAMP:20250101T000000Z\r\nDTSTART;VALUE=DATE:20271124\r\nDTEND;VALUE=DATE:20271125\r\nSUMMARY:Ngày Văn hóa Việt Nam\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        using var content = new MultipartFormDataContent
        {
            { new StringContent(PageForm.TokenPattern().Match(html).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent("Nghị quyết thử 01/2027"), "documentNumber" },
            { new StringContent("van-hoa"), "keyPrefix" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(Ics));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/calendar");
        content.Add(file, "file", "van-hoa.ics");
        using var response = await client.PostAsync(new Uri("/quan-tri/lich/nhap", UriKind.Relative), content);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Đã nhập tệp iCalendar: 1 thông báo mới", page, StringComparison.Ordinal);
        using var calendar = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/calendar/2027", UriKind.Relative)));
        Assert.Contains(calendar.RootElement.GetProperty("daysOff").EnumerateArray(), d => d.GetProperty("date").GetString() == "2027-11-24");
    }

    [Fact]
    public async Task UserForm_ShortPasswordAndNoRole_ShowsBothErrorsAndCreatesNobody()
    {
        using var client = await SignedInAsync("admin");
        using var response = await PageForm.PostAsync(client, "/quan-tri/nguoi-dung", "/quan-tri/nguoi-dung", new()
        {
            ["userName"] = "motcua9",
            ["fullName"] = "Phạm Văn Chín",
            ["password"] = "ngan",
            ["agency"] = "000.00.12.H99",
        });
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("""<p class="error" id="roles-error">Chọn ít nhất một vai trò.</p>""", page, StringComparison.Ordinal);
        Assert.DoesNotContain("""value="ngan" """, page, StringComparison.Ordinal);
        Assert.DoesNotContain("/quan-tri/nguoi-dung/motcua9", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcedureVersionForm_DocumentLines_AddVersionTwo()
    {
        using var client = await SignedInAsync("admin");
        using var response = await PageForm.PostAsync(client, "/quan-tri/thu-tuc/1.004227.H99", "/quan-tri/thu-tuc/1.004227.H99", new()
        {
            ["effectiveFrom"] = "2025-06-01",
            ["processingTime.amount"] = "3",
            ["processingTime.unit"] = "WorkingDays",
            ["requiredDocuments[0].name"] = "Tờ khai",
            ["requiredDocuments[0].originals"] = "1",
            ["requiredDocuments[0].copies"] = "0",
            ["requiredDocuments[1].name"] = "Giấy chứng sinh",
            ["requiredDocuments[1].originals"] = "1",
            ["requiredDocuments[1].copies"] = "1",
            ["requiredDocuments[2].name"] = string.Empty,
            ["stepBudgets[0].unit"] = string.Empty,
            ["stepBudgets[0].workingHours"] = string.Empty,
            ["fee"] = "8.000",
        });
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Đã thêm phiên bản mới.", page, StringComparison.Ordinal);
        Assert.Contains("Giấy chứng sinh <span class=\"muted\">(1 bản chính, 1 bản sao)</span>", page, StringComparison.Ordinal);
        Assert.Contains("8.000 đ", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserContactForm_Admin_SavesTheAddressAndShowsItOrTheFieldError()
    {
        using var client = await SignedInAsync("admin");
        Assert.Contains("chuyenvien@demo.onestop.invalid", await client.GetStringAsync(new Uri("/quan-tri/nguoi-dung", UriKind.Relative)), StringComparison.Ordinal);

        using var bad = await PageForm.PostAsync(client, "/quan-tri/nguoi-dung/motcua2", "/quan-tri/nguoi-dung/motcua2/lien-he", new() { ["email"] = "khong-hop-le", ["phone"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Địa chỉ email không hợp lệ", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var saved = await PageForm.PostAsync(client, "/quan-tri/nguoi-dung/motcua2", "/quan-tri/nguoi-dung/motcua2/lien-he", new() { ["email"] = "lan.hoang@hoabinh.gov.vn", ["phone"] = "0987654321" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var page = await saved.Content.ReadAsStringAsync();
        Assert.Contains("Đã lưu thông tin liên hệ.", page, StringComparison.Ordinal);
        Assert.Contains("lan.hoang@hoabinh.gov.vn", page, StringComparison.Ordinal);
        Assert.Contains("0987654321", page, StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = factory.CreateClient();
        using var response = await PageForm.PostAsync(client, "/dang-nhap", "/dang-nhap", new() { ["userName"] = userName, ["password"] = DemoData.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }
}
