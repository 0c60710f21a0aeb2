using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using OneStop.Api.Demo;
using OneStop.Tests.Api.Documents;
using OneStop.Tests.Api.Dossiers;

namespace OneStop.Tests.Api.Lateness;

/// <summary>The dashboard's XLSX export, opened with the Open XML SDK, and the page's export links under the cookie sign-in.</summary>
public sealed partial class DashboardExportTests(OneStopApiFactory factory) : IClassFixture<OneStopApiFactory>
{
    [Fact]
    public async Task Xlsx_DemoData_ValidWorkbookWithTheSummaryNumbers()
    {
        var supervisor = await factory.ClientForAsync("giamsat");
        using var summary = await DossierApi.GetAsync(supervisor, "/api/dashboard/summary");
        var totals = summary.RootElement.GetProperty("totals");

        var browser = await CookieClients.SignedInAsync(factory, "giamsat");
        using var response = await browser.GetAsync(new Uri("/giam-sat/bao-cao.xlsx", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        Assert.Equal(["Tổng hợp", "Theo nhóm", "Trễ hạn", "Giấy tờ khác thực tế"], document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToArray());

        var sheet = Cells(document, "Tổng hợp");
        Assert.StartsWith("Báo cáo giám sát giải quyết hồ sơ", sheet["A1"], StringComparison.Ordinal);
        Assert.Equal("Ủy ban nhân dân tỉnh Demo", sheet["B2"]);
        Assert.Equal("Tỷ lệ đúng hạn theo giấy tờ (lịch hẹn, thời gian khai báo)", sheet["A6"]);
        Assert.Equal(totals.GetProperty("paperOnTimeRate").GetDecimal(), decimal.Parse(sheet["B6"], CultureInfo.InvariantCulture));
        Assert.Equal("Tỷ lệ đúng hạn thực tế (hạn luật định, thời gian ghi sổ)", sheet["A7"]);
        Assert.Equal(totals.GetProperty("trueOnTimeRate").GetDecimal(), decimal.Parse(sheet["B7"], CultureInfo.InvariantCulture));
        Assert.NotEqual(sheet["B6"], sheet["B7"]);
        Assert.Equal(totals.GetProperty("received").GetInt32().ToString(CultureInfo.InvariantCulture), ValueOf(sheet, "Tiếp nhận trong kỳ"));
        Assert.Equal(totals.GetProperty("finishedLate").GetInt32().ToString(CultureInfo.InvariantCulture), ValueOf(sheet, "Đã giải quyết: quá hạn"));

        var groups = Cells(document, "Theo nhóm");
        var justice = Assert.Single(groups, c => c.Key.StartsWith('B') && c.Value.StartsWith("Công chức tư pháp - hộ tịch – ", StringComparison.Ordinal));
        Assert.Equal("Đơn vị giải quyết", groups["A" + justice.Key[1..]]);

        var late = summary.RootElement.GetProperty("late").EnumerateArray().ToList();
        var lateSheet = Cells(document, "Trễ hạn");
        Assert.Equal("Mã hồ sơ", lateSheet["A1"]);
        Assert.Equal(late.Select(d => d.GetProperty("code").GetString()!), Column(lateSheet, 'A').Skip(1));
        Assert.Equal(Math.Round(late[0].GetProperty("lateMinutes").GetInt64() / 60m, 2), decimal.Parse(lateSheet["H2"], CultureInfo.InvariantCulture));
        Assert.Equal(late[0].GetProperty("responsibleUnit").GetString(), lateSheet["D2"]);

        var masked = summary.RootElement.GetProperty("paperDiffers").EnumerateArray().ToList();
        var maskedSheet = Cells(document, "Giấy tờ khác thực tế");
        var rows = Column(maskedSheet, 'A').Skip(1).ToList();
        Assert.Equal(masked.Sum(d => d.GetProperty("findings").GetArrayLength()), rows.Count);
        Assert.Equal(masked.Select(d => d.GetProperty("code").GetString()!).ToHashSet(), rows.ToHashSet());
        var backdated = maskedSheet.First(c => c.Key.StartsWith('I') && c.Value == "Khai lùi thời gian");
        Assert.Contains("khai là xảy ra lúc", maskedSheet["J" + backdated.Key[1..]], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_DemoData_DatesAreDateCellsWithADateFormat()
    {
        var supervisor = await factory.ClientForAsync("giamsat");
        using var summary = await DossierApi.GetAsync(supervisor, "/api/dashboard/summary");
        var late = summary.RootElement.GetProperty("late").EnumerateArray().First();
        var browser = await CookieClients.SignedInAsync(factory, "giamsat");
        using var response = await browser.GetAsync(new Uri("/giam-sat/bao-cao.xlsx", UriKind.Relative));
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);

        // The statutory due of the first late dossier (E2): a number (no shared string), whose style's number format is a date.
        var due = RawCell(document, "Trễ hạn", "E2");
        Assert.True(due.DataType is null || due.DataType.Value == CellValues.Number);
        Assert.Matches("d.*m.*y", FormatOf(document, due));
        var serial = double.Parse(due.CellValue!.Text, CultureInfo.InvariantCulture);
        var expected = DateTimeOffset.Parse(late.GetProperty("statutoryDueAt").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(expected.DateTime, DateTime.FromOADate(serial), TimeSpan.FromSeconds(1));

        // The period on the totals sheet: two date cells, the first the period's start.
        var from = RawCell(document, "Tổng hợp", "B3");
        Assert.Equal("dd/mm/yyyy", FormatOf(document, from));
        Assert.Equal(DateTime.Parse(summary.RootElement.GetProperty("from").GetString()!, CultureInfo.InvariantCulture), DateTime.FromOADate(double.Parse(from.CellValue!.Text, CultureInfo.InvariantCulture)));
        Assert.Matches("d.*m.*y", FormatOf(document, RawCell(document, "Tổng hợp", "C3")));
    }

    [Fact]
    public async Task Xlsx_Clerk_Forbidden()
    {
        var clerk = await CookieClients.SignedInAsync(factory, "motcua");

        using var response = await clerk.GetAsync(new Uri("/giam-sat/bao-cao.xlsx", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Page_CookieSignIn_ExportAndTrackingBookLinksWork()
    {
        var code = await DossierApi.RegisterAsync(await factory.ClientForAsync("motcua"));
        var browser = factory.CreateClient();
        var signInPage = await browser.GetStringAsync(new Uri("/dang-nhap", UriKind.Relative));
        using (var signedIn = await browser.PostAsync(new Uri("/dang-nhap", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "giamsat", ["password"] = DemoData.Password, ["__RequestVerificationToken"] = TokenPattern().Match(signInPage).Groups[1].Value,
        })))
        {
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        }

        var html = await browser.GetStringAsync(new Uri("/giam-sat", UriKind.Relative));
        var links = LinkPattern().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

        var xlsx = Assert.Single(links, l => l.StartsWith("/giam-sat/bao-cao.xlsx?", StringComparison.Ordinal));
        using (var workbook = await browser.GetAsync(new Uri(xlsx, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook.Content.Headers.ContentType?.MediaType);
        }

        var books = links.Where(l => l.StartsWith("/api/reports/tracking-book.pdf?", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["/api/reports/tracking-book.pdf?agency=000.00.00.H99&year=2025", "/api/reports/tracking-book.pdf?agency=000.00.12.H99&year=2025", "/api/reports/tracking-book.pdf?agency=000.00.13.H99&year=2025"],
            books.Order(StringComparer.Ordinal).ToArray());
        using var book = await browser.GetAsync(new Uri(books.Single(b => b.Contains("000.00.12.H99", StringComparison.Ordinal)), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, book.StatusCode);
        Assert.Equal("application/pdf", book.Content.Headers.ContentType?.MediaType);
        var pdf = PdfText.Read(await book.Content.ReadAsByteArrayAsync());
        Assert.True(pdf.ContainsCompact("SỔ THEO DÕI HỒ SƠ"), pdf.All);
        Assert.True(pdf.ContainsCompact(code), pdf.All);
    }

    /// <summary>The worksheet's cells by reference, shared strings resolved.</summary>
    private static Dictionary<string, string> Cells(SpreadsheetDocument document, string sheetName)
    {
        var workbook = document.WorkbookPart!;
        var strings = workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList();
        var id = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName).Id!.Value!;
        var part = (WorksheetPart)workbook.GetPartById(id);
        return part.Worksheet.Descendants<Cell>().ToDictionary(
            c => c.CellReference!.Value!,
            c => c.DataType?.Value == CellValues.SharedString ? strings[int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)] : c.CellValue?.Text ?? string.Empty);
    }

    private static Cell RawCell(SpreadsheetDocument document, string sheetName, string reference)
    {
        var workbook = document.WorkbookPart!;
        var id = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName).Id!.Value!;
        return ((WorksheetPart)workbook.GetPartById(id)).Worksheet.Descendants<Cell>().Single(c => c.CellReference == reference);
    }

    /// <summary>The number format code of a cell's style (custom formats only: built-in ids have no code in the file).</summary>
    private static string FormatOf(SpreadsheetDocument document, Cell cell)
    {
        var styles = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));
        return styles.NumberingFormats?.Elements<NumberingFormat>().SingleOrDefault(f => f.NumberFormatId?.Value == format.NumberFormatId?.Value)?.FormatCode?.Value ?? string.Empty;
    }

    private static string ValueOf(Dictionary<string, string> sheet, string label) =>
        sheet["B" + Assert.Single(sheet, c => c.Key.StartsWith('A') && c.Value == label).Key[1..]];

    /// <summary>The column's values from row 1 down.</summary>
    private static IEnumerable<string> Column(Dictionary<string, string> sheet, char column) =>
        sheet.Where(c => c.Key[0] == column && char.IsDigit(c.Key[1])).OrderBy(c => int.Parse(c.Key[1..], CultureInfo.InvariantCulture)).Select(c => c.Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex LinkPattern();
}
