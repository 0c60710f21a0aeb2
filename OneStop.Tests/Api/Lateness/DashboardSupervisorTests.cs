using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using OneStop.Tests.Api.Dossiers;

namespace OneStop.Tests.Api.Lateness;

/// <summary>
/// Issue 15, "What a supervisor looks for", over the demo data: every number links to its list (and the list holds that
/// many dossiers, each linked to its page), the lists filter and page, the Decision 766/QĐ-TTg panel and its exports,
/// the trend against the previous period and the chart per department.
/// </summary>
public sealed partial class DashboardSupervisorTests(OneStopApiFactory factory) : IClassFixture<OneStopApiFactory>
{
    private const string Period = "from=2025-01-01&to=2025-03-03";

    [Theory]
    [InlineData("tiep-nhan", "received")]
    [InlineData("chuyen-sang", "carriedOver")]
    [InlineData("dang-trong-han", "inProgressOnTime")]
    [InlineData("sap-den-han", "inProgressDueSoon")]
    [InlineData("dang-qua-han", "inProgressOverdue")]
    [InlineData("truoc-han", "finishedEarly")]
    [InlineData("dung-han", "finishedOnTime")]
    [InlineData("qua-han", "finishedLate")]
    [InlineData("chua-nhan", "notCollected")]
    [InlineData("tu-choi", "refused")]
    [InlineData("dung", "stopped")]
    public async Task CountCard_Followed_ListHoldsThatManyDossiersLinkedToTheirPages(string slug, string field)
    {
        var supervisor = await factory.ClientForAsync("giamsat");
        using var summary = await DossierApi.GetAsync(supervisor, "/api/dashboard/summary?" + Period);
        var expected = summary.RootElement.GetProperty("totals").GetProperty(field).GetInt32();
        var browser = await CookieClients.SignedInAsync(factory, "giamsat");
        var page = await browser.GetStringAsync(new Uri("/giam-sat?" + Period, UriKind.Relative));

        var link = Regex.Match(page, $"<a href=\"(/giam-sat/danh-sach\\?list={slug}&amp;[^\"]*)\">([0-9.]+)</a>");
        Assert.True(link.Success, $"no link to {slug}");
        Assert.Equal(expected, int.Parse(link.Groups[2].Value.Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture));
        var list = await browser.GetStringAsync(new Uri(WebUtility.HtmlDecode(link.Groups[1].Value), UriKind.Relative));

        Assert.Equal(expected, Total(list));
        Assert.Equal(Math.Min(expected, 50), Rows(list).Count);
        Assert.All(Rows(list), row => Assert.Matches("^<td><a href=\"/quay/ho-so/[^\"]+\">", row));
    }

    [Fact]
    public async Task ListPage_FilteredByKindThenUnit_SameTotalsAsTheApiAndTheFormKeepsThem()
    {
        var supervisor = await factory.ClientForAsync("giamsat");
        using var byKind = await DossierApi.GetAsync(supervisor, "/api/dashboard/paper-differs?from=2024-01-01&kind=Backdated");
        var browser = await CookieClients.SignedInAsync(factory, "giamsat");

        var list = await browser.GetStringAsync(new Uri("/giam-sat/danh-sach?list=che-giau&from=2024-01-01&kind=Backdated", UriKind.Relative));

        Assert.Equal(byKind.RootElement.GetProperty("total").GetInt32(), Total(list));
        Assert.NotEmpty(Rows(list));
        Assert.All(Rows(list), row => Assert.Contains("Khai lùi thời gian", row, StringComparison.Ordinal));
        Assert.Matches("<option value=\"Backdated\" selected[^>]*>", list);
        Assert.Contains("<form class=\"filters\" method=\"get\" action=\"/giam-sat/danh-sach\"", list, StringComparison.Ordinal);

        var department = "000.00.12.H99/Công chức tư pháp - hộ tịch";
        using var byUnit = await DossierApi.GetAsync(supervisor, "/api/dashboard/late?from=2024-01-01&unit=" + Uri.EscapeDataString(department));
        var narrowed = await browser.GetStringAsync(new Uri("/giam-sat/danh-sach?list=tre-han&from=2024-01-01&unit=" + Uri.EscapeDataString(department), UriKind.Relative));
        Assert.Equal(byUnit.RootElement.GetProperty("total").GetInt32(), Total(narrowed));
        Assert.Matches($"<option value=\"{Regex.Escape(department)}\" selected[^>]*>", narrowed);
    }

    [Fact]
    public async Task ListPage_MoreThanAPage_PagerWalksToTheNextPage()
    {
        var clerk = await factory.ClientForAsync("motcua");
        var browser = await CookieClients.SignedInAsync(factory, "giamsat");
        var url = "/giam-sat/danh-sach?list=dang-giai-quyet&from=2024-01-01";
        while (Total(await browser.GetStringAsync(new Uri(url, UriKind.Relative))) <= 50)
        {
            await DossierApi.RegisterAsync(clerk);
        }

        var first = await browser.GetStringAsync(new Uri(url, UriKind.Relative));
        var next = Regex.Match(first, "<a href=\"([^\"]+)\" rel=\"next\">Trang sau</a>");
        Assert.True(next.Success);
        var second = await browser.GetStringAsync(new Uri(WebUtility.HtmlDecode(next.Groups[1].Value), UriKind.Relative));

        Assert.Contains("<span>Trang 2 / ", second, StringComparison.Ordinal);
        Assert.Equal(Math.Min(50, Total(first) - 50), Rows(second).Count);
        Assert.Empty(Rows(first).Intersect(Rows(second)));
    }

    [Theory]
    [InlineData("list=khong-co", "list")]
    [InlineData("list=tre-han&kind=Nothing", "kind")]
    [InlineData("list=tre-han&page=0", "page")]
    public async Task ListPage_BadQuery_VietnameseErrorPage400(string query, string field)
    {
        var browser = await CookieClients.SignedInAsync(factory, "giamsat");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/giam-sat/danh-sach?" + query);
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        _ = field;
    }

    [Fact]
    public async Task Decision766_DemoData_PaperAndTrueSideBySideFromTheSameCounts()
    {
        var supervisor = await factory.ClientForAsync("giamsat");
        using var summary = await DossierApi.GetAsync(supervisor, "/api/dashboard/summary?" + Period);
        using var panel = await DossierApi.GetAsync(supervisor, "/api/dashboard/decision-766?" + Period);

        var totals = summary.RootElement.GetProperty("totals");
        var paper = panel.RootElement.GetProperty("paper");
        var truth = panel.RootElement.GetProperty("true");
        var finished = totals.GetProperty("finishedEarly").GetInt32() + totals.GetProperty("finishedOnTime").GetInt32() + totals.GetProperty("finishedLate").GetInt32();
        Assert.Equal(finished, paper.GetProperty("processed").GetInt32());
        Assert.Equal(finished, truth.GetProperty("processed").GetInt32());
        Assert.Equal(totals.GetProperty("paperOnTime").GetInt32(), paper.GetProperty("processedOnTime").GetInt32());
        Assert.Equal(totals.GetProperty("finishedEarly").GetInt32() + totals.GetProperty("finishedOnTime").GetInt32(), truth.GetProperty("processedOnTime").GetInt32());
        Assert.Equal(totals.GetProperty("inProgressOverdue").GetInt32(), truth.GetProperty("inProcessOverdue").GetInt32());
        Assert.Equal(totals.GetProperty("paperOnTimeRate").GetDecimal(), paper.GetProperty("processedOnTimeRate").GetDecimal());
        Assert.Equal(totals.GetProperty("trueOnTimeRate").GetDecimal(), truth.GetProperty("processedOnTimeRate").GetDecimal());
        Assert.Equal(Math.Round(truth.GetProperty("processedOnTimeRate").GetDecimal() * 20, 2), truth.GetProperty("points").GetDecimal());
        Assert.True(paper.GetProperty("points").GetDecimal() > truth.GetProperty("points").GetDecimal(), panel.RootElement.ToString());

        var browser = await CookieClients.SignedInAsync(factory, "giamsat");
        var page = await browser.GetStringAsync(new Uri("/giam-sat?" + Period, UriKind.Relative));
        var paperList = Regex.Match(page, "<div class=\"n paper\"><a href=\"([^\"]+)\">");
        Assert.Contains("list=dung-han-giay-to", paperList.Groups[1].Value, StringComparison.Ordinal);
        Assert.Equal(totals.GetProperty("paperOnTime").GetInt32(), Total(await browser.GetStringAsync(new Uri(WebUtility.HtmlDecode(paperList.Groups[1].Value), UriKind.Relative))));
        Assert.Contains("<h2 id=\"qd766\">Tiến độ, kết quả giải quyết theo Bộ chỉ số 766 (Quyết định 766/QĐ-TTg)</h2>", page, StringComparison.Ordinal);

        var csv = await browser.GetByteArrayAsync(new Uri("/giam-sat/bao-cao-766.csv?" + Period, UriKind.Relative));
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv.Take(3).ToArray());
        var lines = Encoding.UTF8.GetString(csv, 3, csv.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Chỉ tiêu,Theo giấy tờ,Thực tế,Chênh lệch", lines[0]);
        var rate = lines.Single(l => l.StartsWith("Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn,", StringComparison.Ordinal) || l.StartsWith("\"Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn\",", StringComparison.Ordinal)).Split(',')[^3..];
        Assert.Equal(paper.GetProperty("processedOnTimeRate").GetDecimal(), decimal.Parse(rate[0], CultureInfo.InvariantCulture));
        Assert.Equal(truth.GetProperty("processedOnTimeRate").GetDecimal(), decimal.Parse(rate[1], CultureInfo.InvariantCulture));

        var xlsx = await browser.GetByteArrayAsync(new Uri("/giam-sat/bao-cao-766.xlsx?" + Period, UriKind.Relative));
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var workbook = document.WorkbookPart!;
        var sheet = Assert.Single(workbook.Workbook.Sheets!.Elements<Sheet>());
        Assert.Equal("QĐ 766", sheet.Name?.Value);
        var cells = ((WorksheetPart)workbook.GetPartById(sheet.Id!.Value!)).Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        Assert.Equal(new DateTime(2025, 1, 1), DateTime.FromOADate(double.Parse(cells["B3"].CellValue!.Text, CultureInfo.InvariantCulture)));
        Assert.Equal(new DateTime(2025, 3, 3), DateTime.FromOADate(double.Parse(cells["C3"].CellValue!.Text, CultureInfo.InvariantCulture)));
        Assert.Equal(finished, int.Parse(cells["B6"].CellValue!.Text, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Page_TrendAgainstThePreviousPeriodAndChartPerDepartment_FromTheSummaries()
    {
        var supervisor = await factory.ClientForAsync("giamsat");
        using var now = await DossierApi.GetAsync(supervisor, "/api/dashboard/summary?" + Period);
        // The 62 days before 01/01/2025: 31/10/2024 to 31/12/2024.
        using var before = await DossierApi.GetAsync(supervisor, "/api/dashboard/summary?from=2024-10-31&to=2024-12-31");
        var browser = await CookieClients.SignedInAsync(factory, "giamsat");

        var page = await browser.GetStringAsync(new Uri("/giam-sat?" + Period, UriKind.Relative));

        Assert.Contains("<h2 id=\"so-voi-ky-truoc\">So với kỳ trước (31/10/2024 – 31/12/2024)</h2>", page, StringComparison.Ordinal);
        var received = Regex.Match(page, "<th scope=\"row\">Tiếp nhận</th><td class=\"num\">([0-9.]+)</td><td class=\"num\">([0-9.]+)</td><td class=\"num\">([^<]+)</td>");
        Assert.True(received.Success);
        var (n, b) = (now.RootElement.GetProperty("totals").GetProperty("received").GetInt32(), before.RootElement.GetProperty("totals").GetProperty("received").GetInt32());
        Assert.Equal(n.ToString(CultureInfo.InvariantCulture), received.Groups[1].Value);
        Assert.Equal(b.ToString(CultureInfo.InvariantCulture), received.Groups[2].Value);
        Assert.Equal(n == b ? "không đổi" : (n > b ? "tăng " : "giảm ") + Math.Abs(n - b).ToString(CultureInfo.InvariantCulture), received.Groups[3].Value);

        var departments = now.RootElement.GetProperty("byDepartment").EnumerateArray().Where(g => g.GetProperty("counts").GetProperty("finishedEarly").GetInt32()
            + g.GetProperty("counts").GetProperty("finishedOnTime").GetInt32() + g.GetProperty("counts").GetProperty("finishedLate").GetInt32() > 0).ToList();
        Assert.NotEmpty(departments);
        var truthBars = Regex.Matches(page, "<meter class=\"truth\" min=\"0\" max=\"1\" low=\"0.8\" high=\"0.95\" optimum=\"1\" value=\"([0-9.]+)\"")
            .Select(m => decimal.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(departments.Select(g => g.GetProperty("counts").GetProperty("trueOnTimeRate").GetDecimal()), truthBars);
        Assert.DoesNotContain("<script", page, StringComparison.Ordinal);
    }

    private static int Total(string list) =>
        int.Parse(H2Total().Match(list).Groups[1].Value.Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    /// <summary>The list table's rows (inner HTML of each body row).</summary>
    private static List<string> Rows(string list)
    {
        var body = Regex.Match(list, "<tbody>(.*?)</tbody>", RegexOptions.Singleline);
        return body.Success ? Regex.Matches(body.Groups[1].Value, "<tr>(.*?)</tr>", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList() : [];
    }

    [GeneratedRegex("<h2 id=\"ds\">([0-9.]+) hồ sơ</h2>")]
    private static partial Regex H2Total();
}
