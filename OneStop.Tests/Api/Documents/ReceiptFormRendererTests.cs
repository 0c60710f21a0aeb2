using OneStop.Api.Documents;

namespace OneStop.Tests.Api.Documents;

public sealed class ReceiptFormRendererTests
{
    private readonly ReceiptFormRenderer _renderer = new(DocumentSamples.Fonts);

    [Fact]
    public void Render_SampleReceipt_IsOneA5Page()
    {
        var pdf = PdfText.Read(_renderer.Render(DocumentSamples.Receipt()));

        Assert.Single(pdf.Sizes);
        Assert.Equal(419.53, pdf.Sizes[0].Width, 0.5);
        Assert.Equal(595.28, pdf.Sizes[0].Height, 0.5);
    }

    [Fact]
    public void Render_SampleReceipt_ContainsNamesWithDiacriticsExactly()
    {
        var bytes = _renderer.Render(DocumentSamples.Receipt());
        DocumentSamples.Preview("receipt", bytes);
        var pdf = PdfText.Read(bytes);

        Assert.Contains(DocumentSamples.ApplicantName, pdf.All, StringComparison.Ordinal);
        Assert.Contains("Trần Văn Đức", pdf.All, StringComparison.Ordinal);
        // The address wraps beside the QR code, whose caption PdfPig reads between the two lines.
        Assert.True(pdf.ContainsCompact(DocumentSamples.Ward));
        // The upper-case supervising agency wraps in the narrow left heading column.
        Assert.Contains("ỦY BAN NHÂN DÂN PHƯỜNG", pdf.All, StringComparison.Ordinal);
        Assert.Contains("BA ĐÌNH", pdf.All, StringComparison.Ordinal);
        Assert.Contains("Bộ phận Một cửa Ủy ban nhân dân phường Ba Đình", pdf.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SampleReceipt_ContainsDossierCodeUnderTitleAndQrCode()
    {
        var pdf = PdfText.Read(_renderer.Render(DocumentSamples.Receipt()));

        Assert.Contains("Mã hồ sơ: " + DocumentSamples.DossierCode, pdf.All, StringComparison.Ordinal);
        var occurrences = pdf.All.Split(DocumentSamples.DossierCode).Length - 1;
        Assert.True(occurrences >= 3, $"code printed {occurrences} times (title, under the QR code, status address)");
    }

    [Fact]
    public void Render_SampleReceipt_PrintsReceptionAndAppointmentAsHourMinuteDayMonthYear()
    {
        var pdf = PdfText.Read(_renderer.Render(DocumentSamples.Receipt()));

        Assert.Contains("Thời gian nhận hồ sơ: 09 giờ 00 phút, ngày 03 tháng 11 năm 2025", pdf.All, StringComparison.Ordinal);
        Assert.True(pdf.ContainsCompact("Thời gian trả kết quả giải quyết hồ sơ: 14 giờ 30 phút, ngày 06 tháng 11 năm 2025"));
    }

    [Fact]
    public void Render_SampleReceipt_HasNationalHeading()
    {
        var pdf = PdfText.Read(_renderer.Render(DocumentSamples.Receipt()));

        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", pdf.All, StringComparison.Ordinal);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", pdf.All, StringComparison.Ordinal);
        Assert.Contains("Ba Đình, ngày 03 tháng 11 năm 2025", pdf.All, StringComparison.Ordinal);
        Assert.Contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", pdf.All, StringComparison.Ordinal);
        Assert.Contains("Số: 42/TNHS", pdf.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SampleReceipt_DrawsQrCodeAsVectorNotImage()
    {
        var pdf = PdfText.Read(_renderer.Render(DocumentSamples.Receipt()));

        Assert.Equal(0, pdf.ImageCount);
        Assert.True(pdf.ContainsCompact("https://motcua.example.vn/tra-cuu/" + DocumentSamples.DossierCode));
    }

    [Fact]
    public void Render_LongDocumentList_ContinuesOnSecondPage()
    {
        var pdf = PdfText.Read(_renderer.Render(DocumentSamples.Receipt(documentCount: 30)));

        Assert.True(pdf.Pages.Count >= 2);
        Assert.Contains("Giấy tờ chứng minh nơi cư trú số 30", pdf.All, StringComparison.Ordinal);

        // The table header is repeated on the page the list continues on.
        Assert.Contains("Tên giấy tờ", pdf.Pages[1], StringComparison.Ordinal);
        Assert.Contains("NGƯỜI TIẾP NHẬN HỒ SƠ", pdf.Pages[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SameModelTwice_GivesSameBytes()
    {
        var form = DocumentSamples.Receipt();

        Assert.Equal(_renderer.Render(form), _renderer.Render(form));
    }

    [Fact]
    public void Render_HundredReceiptsInParallel_AllReadBack()
    {
        var results = new byte[100][];

        Parallel.For(0, results.Length, i => results[i] = _renderer.Render(DocumentSamples.Receipt() with { DossierCode = $"000.00.12.H40-251103-{i:0000}" }));

        for (var i = 0; i < results.Length; i++)
        {
            var pdf = PdfText.Read(results[i]);
            Assert.Contains($"Mã hồ sơ: 000.00.12.H40-251103-{i:0000}", pdf.All, StringComparison.Ordinal);
            Assert.Contains(DocumentSamples.ApplicantName, pdf.All, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_SampleReceipt_EmbedsReducedFontsNotWholeFiles()
    {
        // The four Liberation Serif files are about 1.5 MB; whole, they made a receipt 842 KB.
        var bytes = _renderer.Render(DocumentSamples.Receipt());

        Assert.True(bytes.Length < 200 * 1024, $"{bytes.Length} bytes");
    }

    [Fact]
    public void Render_NameOutsideTheReducedFaces_StillPrintsEveryLetter()
    {
        // Cyrillic is not in the reduced faces: the run falls back to the whole font file.
        const string name = "Наталья Nguyễn";
        Assert.False(DocumentSamples.Fonts.Covers(FontVariant.Bold, name));
        var form = DocumentSamples.Receipt() with { Applicant = DocumentSamples.Applicant with { Name = name } };

        var pdf = PdfText.Read(_renderer.Render(form));

        Assert.Contains(name, pdf.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NameWithLatinLettersOutsideVietnamese_PrintsThemFromTheWiderReducedFace()
    {
        // "ü", "ç" and "ø" are not Vietnamese: the run takes the document face, not the whole file.
        const string name = "Müller François Søren";
        Assert.True(DocumentSamples.Fonts.Covers(FontVariant.Bold, name));
        Assert.Equal(1, DocumentSamples.Fonts.FaceFor(FontVariant.Bold, name));
        var form = DocumentSamples.Receipt() with { Applicant = DocumentSamples.Applicant with { Name = name } };

        var pdf = PdfText.Read(_renderer.Render(form));

        Assert.Contains(name, pdf.All, StringComparison.Ordinal);
    }
}
