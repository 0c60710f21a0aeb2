using OneStop.Api.Documents;

namespace OneStop.Tests.Api.Documents;

public sealed class ControlSheetFormRendererTests
{
    private readonly ControlSheetFormRenderer _renderer = new(DocumentSamples.Fonts);

    [Fact]
    public void Render_SampleSheet_IsA5WithHeadingAndHandovers()
    {
        var bytes = _renderer.Render(DocumentSamples.ControlSheet());
        DocumentSamples.Preview("form05-control-sheet", bytes);
        var pdf = PdfText.Read(bytes);

        Assert.Single(pdf.Sizes);
        Assert.Equal(419.53, pdf.Sizes[0].Width, 0.5);
        Assert.Contains(DocumentWriter.NationalName, pdf.All, StringComparison.Ordinal);
        Assert.Contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", pdf.All, StringComparison.Ordinal);
        Assert.Contains("Mã số hồ sơ: " + DocumentSamples.DossierCode, pdf.All, StringComparison.Ordinal);
        Assert.True(pdf.ContainsCompact("Thời gian hẹn trả kết quả: 14 giờ 30 phút, ngày 06 tháng 11 năm 2025"));
        // Cells of one row sit side by side, so PdfPig interleaves their lines: check line by line.
        Assert.Contains("1. Giao: Bộ phận Một cửa", pdf.All, StringComparison.Ordinal);
        Assert.Contains("09 giờ 30 phút,", pdf.All, StringComparison.Ordinal);
        Assert.Contains("ngày 03/11/2025", pdf.All, StringComparison.Ordinal);
        Assert.Contains("Phạm Thị Hà", pdf.All, StringComparison.Ordinal);
        Assert.Contains("Đúng hạn", pdf.All, StringComparison.Ordinal);
        Assert.Contains("Trước hạn", pdf.All, StringComparison.Ordinal);
        Assert.Contains("Quá hạn", pdf.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ManyHandovers_RowsContinueOnNextPageUnderRepeatedHeader()
    {
        var pdf = PdfText.Read(_renderer.Render(DocumentSamples.ControlSheet(handovers: 14)));

        Assert.True(pdf.Pages.Count >= 2);
        Assert.Contains("Tên đơn vị", pdf.Pages[1], StringComparison.Ordinal);
        Assert.True(pdf.Pages[1].Contains("Nhận:", StringComparison.Ordinal));
    }
}
