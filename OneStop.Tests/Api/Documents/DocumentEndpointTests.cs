using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using OneStop.Persistence;
using static OneStop.Tests.Api.Dossiers.DossierApi;

namespace OneStop.Tests.Api.Documents;

/// <summary>
/// The forms as PDF through the API: a dossier registered, handed over, returned for a supplement, apologised
/// for and finished, each form read back with PdfPig.
/// </summary>
public sealed class DocumentEndpointTests(OneStopApiFactory factory) : IClassFixture<OneStopApiFactory>
{
    private const double A5Width = 419.53;
    private const double A5Height = 595.28;
    private const string NationalName = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    private const string Motto = "Độc lập - Tự do - Hạnh phúc";

    /// <summary>Monday 3 March 2025, 09:00 in Hà Nội.</summary>
    private static readonly Instant Monday0900 = Instant.FromUtc(2025, 3, 3, 2, 0);

    [Fact]
    public async Task ReceiptPdf_RegisteredDossier_IsAnA5Form01WithDiacriticsAndAppointment()
    {
        factory.Clock.Reset(Monday0900);
        var clerk = await factory.ClientForAsync("motcua");
        var code = await RegisterAsync(clerk);

        using var response = await clerk.GetAsync(new Uri($"/api/dossiers/{code}/receipt.pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        DocumentSamples.Preview("api-receipt", bytes);
        var pdf = PdfText.Read(bytes);
        AssertA5(pdf);
        AssertNationalHeading(pdf);
        Assert.Contains(code, pdf.All, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Thị Hồng Nhung", pdf.All, StringComparison.Ordinal);
        Assert.True(pdf.ContainsCompact("Phường Đống Đa"), pdf.All);
        Assert.True(pdf.ContainsCompact("Bộ phận Một cửa Ủy ban nhân dân phường Đống Đa"), pdf.All);
        Assert.True(pdf.ContainsCompact("Đống Đa, ngày 03 tháng 3 năm 2025"), pdf.All);
        Assert.True(pdf.ContainsCompact("Thời gian nhận hồ sơ: 09 giờ 00 phút, ngày 03 tháng 3 năm 2025"), pdf.All);
        // Marriage registration, 5 working days: the appointment is Monday 10 March, 09:00.
        Assert.True(pdf.ContainsCompact("Thời gian trả kết quả giải quyết hồ sơ: 09 giờ 00 phút, ngày 10 tháng 3 năm 2025"), pdf.All);
        Assert.True(pdf.ContainsCompact("05 ngày làm việc"), pdf.All);
        Assert.True(pdf.ContainsCompact("Đăng ký kết hôn (1.000894.H99)"), pdf.All);
        Assert.True(pdf.ContainsCompact(OneStopApiFactory.PublicBaseUrl + "/tra-cuu/" + code), pdf.All);
    }

    [Fact]
    public async Task ReceiptPdf_Printed_LogsThePersonalDataRead()
    {
        factory.Clock.Reset(Monday0900);
        var clerk = await factory.ClientForAsync("motcua");
        var code = await RegisterAsync(clerk);

        (await clerk.GetAsync(new Uri($"/api/dossiers/{code}/receipt.pdf", UriKind.Relative))).EnsureSuccessStatusCode();
        (await clerk.GetAsync(new Uri($"/api/dossiers/{code}/control-sheet.pdf", UriKind.Relative))).EnsureSuccessStatusCode();

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var reads = await db.PersonalDataReads.Join(db.Dossiers.Where(d => d.Code == code), r => r.DossierId, d => d.Id, (r, _) => r).ToListAsync();
        var read = Assert.Single(reads);
        Assert.Equal("motcua", read.UserName);
        Assert.Equal("GET /api/dossiers/{code}/receipt.pdf", read.Purpose);
    }

    [Fact]
    public async Task FormsPdf_WholeLife_EachFormReadsBackWithItsContent()
    {
        factory.Clock.Reset(Monday0900);
        var clerk = await factory.ClientForAsync("motcua");
        var officer = await factory.ClientForAsync("chuyenvien");
        var head = await factory.ClientForAsync("lanhdao");
        var code = await RegisterAsync(clerk);

        factory.Clock.AdvanceHours(1);
        (await PostAsync(clerk, code, "handovers", new { toUnit = "Công chức Tư pháp - Hộ tịch", receiver = "chuyenvien", stepBudgetHours = 16 })).EnsureSuccessStatusCode();
        factory.Clock.AdvanceHours(2);
        (await PostAsync(officer, code, "supplement-requests", new { reason = "Thiếu giấy xác nhận tình trạng hôn nhân", missingDocuments = "Giấy xác nhận tình trạng hôn nhân của bên nữ" })).EnsureSuccessStatusCode();
        factory.Clock.Reset(Instant.FromUtc(2025, 3, 5, 7, 0));
        (await PostAsync(clerk, code, "supplements")).EnsureSuccessStatusCode();
        factory.Clock.AdvanceHours(1);
        (await PostAsync(officer, code, "apologies", new { reason = "Cần xác minh thêm thông tin hộ tịch", newAppointmentAt = "2025-03-14T16:00:00+07:00" })).EnsureSuccessStatusCode();

        var draftBytes = await GetPdfAsync(clerk, code, "apology");
        DocumentSamples.Preview("api-apology-draft", draftBytes);
        var draft = PdfText.Read(draftBytes);
        Assert.Contains("DỰTHẢO", draft.Drawn, StringComparison.Ordinal);

        using var dossier = await GetAsync(clerk, $"/api/dossiers/{code}");
        var apologyId = dossier.RootElement.GetProperty("apologies")[0].GetProperty("id").GetString();
        factory.Clock.AdvanceHours(1);
        (await PostAsync(head, code, $"apologies/{apologyId}/approval")).EnsureSuccessStatusCode();
        factory.Clock.AdvanceHours(2);
        (await PostAsync(officer, code, "result", new { note = "Đã ký giấy chứng nhận kết hôn" })).EnsureSuccessStatusCode();

        var supplement = PdfText.Read(await GetPdfAsync(clerk, code, "supplement-request"));
        AssertA5(supplement);
        AssertNationalHeading(supplement);
        Assert.Contains(code, supplement.All, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Thị Hồng Nhung", supplement.All, StringComparison.Ordinal);
        Assert.True(supplement.ContainsCompact("Giấy xác nhận tình trạng hôn nhân của bên nữ"), supplement.All);
        Assert.True(supplement.ContainsCompact("Lê Văn Chuyên"), supplement.All);

        var apology = PdfText.Read(await GetPdfAsync(clerk, code, "apology"));
        AssertA5(apology);
        AssertNationalHeading(apology);
        Assert.DoesNotContain("DỰTHẢO", apology.Drawn, StringComparison.Ordinal);
        Assert.Contains(code, apology.All, StringComparison.Ordinal);
        Assert.True(apology.ContainsCompact("Cần xác minh thêm thông tin hộ tịch"), apology.All);
        // The appointment it replaces is the one restarted by the supplement (Wednesday 12 March, 14:00).
        Assert.True(apology.ContainsCompact("14 giờ 00 phút, ngày 12 tháng 3 năm 2025"), apology.All);
        Assert.True(apology.ContainsCompact("16 giờ 00 phút, ngày 14 tháng 3 năm 2025"), apology.All);
        Assert.True(apology.ContainsCompact("Phạm Minh Lãnh"), apology.All);

        var control = PdfText.Read(await GetPdfAsync(clerk, code, "control-sheet"));
        AssertA5(control);
        Assert.Contains(code, control.All, StringComparison.Ordinal);
        // Table cells interleave in extracted text: the unit's name is checked in pieces. The hand-over typed "Công chức
        // Tư pháp - Hộ tịch": the sheet prints the catalogue's name.
        Assert.True(control.ContainsCompact("2. Nhận: Công chức tư pháp") && control.ContainsCompact("- hộ tịch"), control.All);
        Assert.True(control.ContainsCompact("Người nhận: Lê Văn Chuyên"), control.All);
        Assert.True(control.ContainsCompact("10 giờ 00 phút"), control.All);

        using var forms = await GetAsync(clerk, $"/api/dossiers/{code}/forms");
        Assert.Equal(
            ["receipt", "supplement-request", "apology", "control-sheet"],
            forms.RootElement.EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        var receiptLink = forms.RootElement[0];
        Assert.Equal("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", receiptLink.GetProperty("title").GetString());
        Assert.Equal($"/api/dossiers/{code}/receipt.pdf", receiptLink.GetProperty("url").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync(new Uri($"/api/dossiers/{code}/refusal.pdf", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync(new Uri($"/api/dossiers/{code}/stop-notice.pdf", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task ReceiptPdf_Reissued_PrintsTheLatestUnlessANumberIsGiven()
    {
        factory.Clock.Reset(Monday0900);
        var clerk = await factory.ClientForAsync("motcua");
        var code = await RegisterAsync(clerk);
        factory.Clock.AdvanceHours(1);
        (await PostAsync(clerk, code, "receipts", new { reason = "Công dân làm mất giấy hẹn", appointmentAt = "2025-03-11T09:00:00+07:00" })).EnsureSuccessStatusCode();

        var latest = PdfText.Read(await GetPdfAsync(clerk, code, "receipt"));
        var first = PdfText.Read(await GetPdfAsync(clerk, code, "receipt", "?number=1"));

        Assert.True(latest.ContainsCompact("09 giờ 00 phút, ngày 11 tháng 3 năm 2025"), latest.All);
        Assert.True(first.ContainsCompact("09 giờ 00 phút, ngày 10 tháng 3 năm 2025"), first.All);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync(new Uri($"/api/dossiers/{code}/receipt.pdf?number=3", UriKind.Relative))).StatusCode);
        await AssertInvalidAsync(await clerk.GetAsync(new Uri($"/api/dossiers/{code}/receipt.pdf?number=zero", UriKind.Relative)), "number");
    }

    [Fact]
    public async Task RefusalAndStopNoticePdf_ClosedDossiers_ExistOnlyForTheirOutcome()
    {
        factory.Clock.Reset(Monday0900);
        var clerk = await factory.ClientForAsync("motcua");
        var officer = await factory.ClientForAsync("chuyenvien");
        var refusedCode = await RegisterAsync(clerk);
        var stoppedCode = await RegisterAsync(clerk);
        factory.Clock.AdvanceHours(1);
        (await PostAsync(officer, refusedCode, "refusal", new { reason = "Yêu cầu không thuộc thẩm quyền giải quyết" })).EnsureSuccessStatusCode();
        (await PostAsync(clerk, stoppedCode, "stop", new { reason = "Công dân xin rút để bổ sung giấy tờ" })).EnsureSuccessStatusCode();

        var refusal = PdfText.Read(await GetPdfAsync(clerk, refusedCode, "refusal"));
        var stop = PdfText.Read(await GetPdfAsync(clerk, stoppedCode, "stop-notice"));

        AssertA5(refusal);
        AssertNationalHeading(refusal);
        Assert.True(refusal.ContainsCompact("Yêu cầu không thuộc thẩm quyền giải quyết"), refusal.All);
        Assert.Contains("Nguyễn Thị Hồng Nhung", refusal.All, StringComparison.Ordinal);
        AssertA5(stop);
        AssertNationalHeading(stop);
        Assert.True(stop.ContainsCompact("Công dân xin rút để bổ sung giấy tờ"), stop.All);
        Assert.Contains(stoppedCode, stop.All, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync(new Uri($"/api/dossiers/{refusedCode}/stop-notice.pdf", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync(new Uri($"/api/dossiers/{stoppedCode}/refusal.pdf", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task ReceiptPdf_AnonymousOrOutsideTheSubtree_IsRefused()
    {
        factory.Clock.Reset(Monday0900);
        var clerk = await factory.ClientForAsync("motcua");
        var code = await RegisterAsync(clerk);
        var otherCommune = await factory.ClientForAsync("motcua2");

        using var anonymous = await factory.CreateClient().GetAsync(new Uri($"/api/dossiers/{code}/receipt.pdf", UriKind.Relative));
        using var outside = await otherCommune.GetAsync(new Uri($"/api/dossiers/{code}/receipt.pdf", UriKind.Relative));
        using var unknown = await clerk.GetAsync(new Uri("/api/dossiers/000.00.12.H99-250303-9999/receipt.pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TrackingBookPdf_AgencyAndYear_ListsThatYearsDossiersInOrderOnA4()
    {
        factory.Clock.Reset(Instant.FromUtc(2024, 12, 31, 2, 0));
        var clerk = await factory.ClientForAsync("motcua");
        var lastYear = await RegisterAsync(clerk);
        factory.Clock.Reset(Monday0900);
        var codes = new[] { await RegisterAsync(clerk), await RegisterAsync(clerk) };
        var supervisor = await factory.ClientForAsync("giamsat");

        using var response = await supervisor.GetAsync(new Uri("/api/reports/tracking-book.pdf?agency=000.00.12.H99&year=2025", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = PdfText.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.All(pdf.Sizes, size => Assert.True(Math.Abs(size.Width - 841.89) < 0.5 || Math.Abs(size.Height - 841.89) < 0.5, $"{size} is not A4"));
        AssertNationalHeading(pdf);
        Assert.True(pdf.ContainsCompact("SỔ THEO DÕI HỒ SƠ"), pdf.All);
        Assert.True(pdf.ContainsCompact(codes[0]) && pdf.ContainsCompact(codes[1]), pdf.All);
        Assert.True(pdf.Compact.IndexOf(codes[0], StringComparison.Ordinal) < pdf.Compact.IndexOf(codes[1], StringComparison.Ordinal));
        Assert.False(pdf.ContainsCompact(lastYear));
        Assert.Contains("Nguyễn Thị Hồng Nhung", pdf.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrackingBookPdf_BadYearForeignAgencyOrOfficer_IsRefused()
    {
        var clerk = await factory.ClientForAsync("motcua");
        var otherCommune = await factory.ClientForAsync("motcua2");
        var officer = await factory.ClientForAsync("chuyenvien");

        await AssertInvalidAsync(await clerk.GetAsync(new Uri("/api/reports/tracking-book.pdf?agency=000.00.12.H99&year=20x5", UriKind.Relative)), "year");
        await AssertInvalidAsync(await clerk.GetAsync(new Uri("/api/reports/tracking-book.pdf?agency=000.00.12.H99", UriKind.Relative)), "year");
        Assert.Equal(HttpStatusCode.NotFound, (await otherCommune.GetAsync(new Uri("/api/reports/tracking-book.pdf?agency=000.00.12.H99&year=2025", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync(new Uri("/api/reports/tracking-book.pdf?agency=000.00.12.H99&year=2025", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(new Uri("/api/reports/tracking-book.pdf?year=2025", UriKind.Relative))).StatusCode);
    }

    private static async Task<byte[]> GetPdfAsync(HttpClient client, string code, string form, string query = "")
    {
        using var response = await client.GetAsync(new Uri($"/api/dossiers/{code}/{form}.pdf{query}", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{form}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(bytes)}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return bytes;
    }

    private static void AssertA5(PdfText pdf)
    {
        Assert.NotEmpty(pdf.Sizes);
        Assert.All(pdf.Sizes, size =>
        {
            Assert.Equal(A5Width, size.Width, 0.5);
            Assert.Equal(A5Height, size.Height, 0.5);
        });
    }

    private static void AssertNationalHeading(PdfText pdf)
    {
        Assert.Contains(NationalName, pdf.All, StringComparison.Ordinal);
        Assert.True(pdf.ContainsCompact(Motto), pdf.All);
    }
}
