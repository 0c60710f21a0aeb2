using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using OneStop.Api.Demo;

namespace OneStop.Tests.Api.Pages;

/// <summary>Issue 14's administration items over HTTP: the units catalogue, lock and unlock, procedure versions as lists.</summary>
public sealed partial class AdministrationFeaturePageTests(OneStopApiFactory factory) : IClassFixture<OneStopApiFactory>
{
    private const string DongDa = "/quan-tri/co-quan/000.00.12.H99";

    [Fact]
    public async Task AgencyPage_AddUnit_ListsItNormalisedAndRefusesAnotherSpelling()
    {
        using var client = await SignedInAsync("admin");

        using var added = await PageForm.PostAsync(client, DongDa, DongDa + "/don-vi", new() { ["name"] = "  Phòng   Văn hóa " });
        var page = await added.Content.ReadAsStringAsync();
        using var again = await PageForm.PostAsync(client, DongDa, DongDa + "/don-vi", new() { ["name"] = "phòng văn HÓA" });

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Contains("Đã thêm đơn vị vào danh mục.", page, StringComparison.Ordinal);
        Assert.Contains("<td>Phòng Văn hóa</td>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("Cơ quan đã có đơn vị mang tên này", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgencyPage_DeactivateUnit_IsNoLongerOfferedToUsers()
    {
        using var client = await SignedInAsync("admin");
        using var added = await PageForm.PostAsync(client, DongDa, DongDa + "/don-vi", new() { ["name"] = "Tổ sắp giải thể" });
        var id = UnitRow().Match(await added.Content.ReadAsStringAsync()).Groups["id"].Value;

        using var deactivated = await PageForm.PostAsync(client, DongDa, $"{DongDa}/don-vi/{id}/ngung", []);
        var userPage = await client.GetStringAsync(new Uri("/quan-tri/nguoi-dung/motcua", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.Contains("Ngừng sử dụng</td>", await deactivated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("""<option value="Công chức tư pháp - hộ tịch">""", userPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Tổ sắp giải thể", userPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserPage_UnitPicker_ShowsTheCatalogueWithTheUsersUnitSelected()
    {
        using var client = await SignedInAsync("admin");

        var page = await client.GetStringAsync(new Uri("/quan-tri/nguoi-dung/chuyenvien", UriKind.Relative));

        Assert.Contains("""<option value="Công chức tư pháp - hộ tịch" selected>Công chức tư pháp - hộ tịch</option>""", page, StringComparison.Ordinal);
        Assert.Contains("""<option value="Bộ phận Một cửa">Bộ phận Một cửa</option>""", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserPage_LockThenUnlock_RecordsItAndRefusesSignInMeanwhile()
    {
        using var client = await SignedInAsync("admin");
        var userName = await CreateClerkAsync();

        using var locked = await PageForm.PostAsync(client, "/quan-tri/nguoi-dung/" + userName, $"/quan-tri/nguoi-dung/{userName}/khoa", []);
        var lockedPage = await locked.Content.ReadAsStringAsync();
        using var refused = factory.CreateClient();
        using var signIn = await PageForm.PostAsync(refused, "/dang-nhap", "/dang-nhap", new() { ["userName"] = userName, ["password"] = DemoData.Password });
        using var unlocked = await PageForm.PostAsync(client, "/quan-tri/nguoi-dung/" + userName, $"/quan-tri/nguoi-dung/{userName}/mo-khoa", []);

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("Đã khóa tài khoản.", lockedPage, StringComparison.Ordinal);
        Assert.Contains("Tài khoản đã bị khóa lúc 03/03/2025 09:00 bởi admin", lockedPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        Assert.Contains("Đã mở khóa tài khoản.", await unlocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var again = factory.CreateClient();
        using var signedIn = await PageForm.PostAsync(again, "/dang-nhap", "/dang-nhap", new() { ["userName"] = userName, ["password"] = DemoData.Password });
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    [Fact]
    public async Task UserPage_LockSelf_IsRefusedWithTheRule()
    {
        using var client = await SignedInAsync("admin");

        using var response = await PageForm.PostAsync(client, "/quan-tri/nguoi-dung/admin", "/quan-tri/nguoi-dung/admin/khoa", []);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Bạn không thể tự khóa tài khoản của mình", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcedureVersionForm_AddAndRemoveRowButtons_ChangeTheRowsAndSaveNothing()
    {
        using var client = await SignedInAsync("admin");
        const string Path = "/quan-tri/thu-tuc/1.001193.H99";
        var before = await client.GetStringAsync(new Uri(Path, UriKind.Relative));

        using var added = await PageForm.PostAsync(client, Path, Path, new()
        {
            ["effectiveFrom"] = "2025-06-01",
            ["requiredDocuments[0].name"] = "Tờ khai đăng ký khai sinh",
            ["requiredDocuments[0].originals"] = "1",
            ["requiredDocuments[0].copies"] = "0",
            ["requiredDocuments[1].name"] = "Giấy chứng sinh",
            ["requiredDocuments[1].originals"] = "1",
            ["requiredDocuments[1].copies"] = "0",
            ["row"] = "add:requiredDocuments",
        });
        var page = await added.Content.ReadAsStringAsync();
        using var removed = await PageForm.PostAsync(client, Path, Path, new()
        {
            ["requiredDocuments[0].name"] = "Tờ khai đăng ký khai sinh",
            ["requiredDocuments[1].name"] = "Giấy chứng sinh",
            ["row"] = "remove:requiredDocuments:0",
        });

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Contains("""name="requiredDocuments[2].name" autocomplete="off" """.TrimEnd(), page, StringComparison.Ordinal);
        Assert.Contains("""name="requiredDocuments[1].name" value="Giấy chứng sinh" """.TrimEnd(), page, StringComparison.Ordinal);
        Assert.Contains("""value="2025-06-01" """.TrimEnd(), page, StringComparison.Ordinal);
        var rows = await removed.Content.ReadAsStringAsync();
        Assert.Contains("""name="requiredDocuments[0].name" value="Giấy chứng sinh" """.TrimEnd(), rows, StringComparison.Ordinal);
        Assert.DoesNotContain("requiredDocuments[1].name", rows, StringComparison.Ordinal);
        Assert.Equal(VersionCount(before), VersionCount(await client.GetStringAsync(new Uri(Path, UriKind.Relative))));
    }

    [Fact]
    public async Task ProcedureVersionForm_RowWithoutCopies_ShowsTheErrorBesideTheRow()
    {
        using var client = await SignedInAsync("admin");
        const string Path = "/quan-tri/thu-tuc/1.000656.H99";

        using var response = await PageForm.PostAsync(client, Path, Path, new()
        {
            ["effectiveFrom"] = "2025-06-01",
            ["processingTime.amount"] = "1",
            ["processingTime.unit"] = "SameDay",
            ["requiredDocuments[0].name"] = string.Empty,
            ["requiredDocuments[1].name"] = "Giấy báo tử",
            ["requiredDocuments[1].originals"] = "0",
            ["requiredDocuments[1].copies"] = "0",
        });
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("""<p class="error" id="doc-0-error">Ít nhất một bản chính hoặc một bản sao""", page, StringComparison.Ordinal);
        Assert.Contains("""name="requiredDocuments[0].name" value="Giấy báo tử" """.TrimEnd(), page, StringComparison.Ordinal);
    }

    private static int VersionCount(string page) => Regex.Count(page, "<td>\\d+</td>\\s*<td>\\d\\d/\\d\\d/\\d{4}</td>");

    private async Task<string> CreateClerkAsync()
    {
        var admin = await factory.ClientForAsync("admin");
        var userName = Administration.AdminApi.NewUserName("khoa");
        using var response = await admin.PostAsJsonAsync("/api/admin/users", new
        {
            userName, fullName = "Cán bộ thử khóa", password = DemoData.Password, agency = "000.00.12.H99", roles = new[] { "Clerk" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return userName;
    }

    private async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = factory.CreateClient();
        using var response = await PageForm.PostAsync(client, "/dang-nhap", "/dang-nhap", new() { ["userName"] = userName, ["password"] = DemoData.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    [GeneratedRegex("action=\"/quan-tri/co-quan/000.00.12.H99/don-vi/(?<id>[0-9a-f-]{36})\"[^<]*\\s*<input[^>]*>\\s*<label[^>]*>Tên mới của đơn vị Tổ sắp giải thể")]
    private static partial Regex UnitRow();
}
