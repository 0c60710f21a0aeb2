using OneStop.Api.Documents;

namespace OneStop.Tests.Api.Documents;

public sealed class TrackingBookRendererTests
{
    private readonly TrackingBookRenderer _renderer = new(DocumentSamples.Fonts);

    [Fact]
    public void Render_SampleBook_IsA4LandscapeWithColumnsAndRows()
    {
        var bytes = _renderer.Render(DocumentSamples.TrackingBook());
        DocumentSamples.Preview("form06-tracking-book", bytes);
        var pdf = PdfText.Read(bytes);

        Assert.Equal(841.89, pdf.Sizes[0].Width, 0.5);
        Assert.Equal(595.28, pdf.Sizes[0].Height, 0.5);
        Assert.Contains(DocumentWriter.NationalName, pdf.All, StringComparison.Ordinal);
        Assert.Contains("SỔ THEO DÕI HỒ SƠ", pdf.All, StringComparison.Ordinal);
        Assert.Contains("Nhận và trả kết quả", pdf.All, StringComparison.Ordinal);
        Assert.Contains("Phương thức", pdf.All, StringComparison.Ordinal);
        Assert.Contains("Ký nhận", pdf.All, StringComparison.Ordinal);
        Assert.Contains(DocumentSamples.ApplicantName, pdf.All, StringComparison.Ordinal);
        Assert.Contains("000.00.12.H40-251103-0001", pdf.All, StringComparison.Ordinal);
        Assert.Contains("000.00.12.H40-251103-0008", pdf.All, StringComparison.Ordinal);
        Assert.Contains("09:07", pdf.All, StringComparison.Ordinal); // hour and date stack in the narrow column
    }

    [Fact]
    public void Render_ManyEntries_RunsOverPagesWithRunningNumbersAndHeaderOnEachPage()
    {
        var pdf = PdfText.Read(_renderer.Render(DocumentSamples.TrackingBook(entries: 60)));

        Assert.True(pdf.Pages.Count >= 3);
        Assert.All(pdf.Sizes, size => Assert.Equal(841.89, size.Width, 0.5));
        Assert.All(pdf.Pages, page => Assert.Contains("Mã hồ sơ", page, StringComparison.Ordinal));
        Assert.Contains("000.00.12.H40-251103-0060", pdf.Pages[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("000.00.12.H40-251103-0060", pdf.Pages[0], StringComparison.Ordinal);
    }
}
