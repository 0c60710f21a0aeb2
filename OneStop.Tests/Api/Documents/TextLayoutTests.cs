using System.Text;
using OneStop.Api.Documents;

namespace OneStop.Tests.Api.Documents;

public sealed class TextLayoutTests
{
    [Fact]
    public void Break_TextWiderThanLine_BreaksOnSpacesWithinWidth()
    {
        using var writer = new DocumentWriter(DocumentSamples.Fonts, PageSize.A5, PageMargins.A5Form, "t");
        var style = new ParagraphStyle(10);

        var lines = writer.Layout([new TextRun("Ủy ban nhân dân phường Ba Đình tiếp nhận hồ sơ của Nguyễn Thị Hồng Nhung")], style, 120);

        Assert.True(lines.Count > 1);
        Assert.All(lines, line => Assert.True(line.Width <= 120.01f));
        var words = lines.SelectMany(l => l.Words).Select(w => string.Concat(w.Pieces.Select(p => p.Text)));
        Assert.Equal("Ủy ban nhân dân phường Ba Đình tiếp nhận hồ sơ của Nguyễn Thị Hồng Nhung", string.Join(" ", words));
    }

    [Fact]
    public void Break_WordLongerThanLine_IsCutBetweenLetters()
    {
        using var writer = new DocumentWriter(DocumentSamples.Fonts, PageSize.A5, PageMargins.A5Form, "t");
        var url = "https://motcua.example.vn/tra-cuu/000.00.12.H40-251103-0042";

        var lines = writer.Layout([new TextRun(url)], new ParagraphStyle(10), 60);

        Assert.True(lines.Count > 1);
        Assert.All(lines, line => Assert.True(line.Width <= 60.01f));
        Assert.Equal(url, string.Concat(lines.SelectMany(l => l.Words).SelectMany(w => w.Pieces).Select(p => p.Text)));
    }

    [Fact]
    public void Break_DecomposedText_IsNormalisedToPrecomposedLetters()
    {
        using var writer = new DocumentWriter(DocumentSamples.Fonts, PageSize.A5, PageMargins.A5Form, "t");
        var decomposed = "Nguyễn".Normalize(NormalizationForm.FormD);

        var lines = writer.Layout([new TextRun(decomposed)], new ParagraphStyle(10), 200);

        Assert.Equal("Nguyễn", lines[0].Words[0].Pieces[0].Text);
    }

    [Fact]
    public void Break_HardBreakAndMixedFaces_KeepsPiecesAndEndsLine()
    {
        using var writer = new DocumentWriter(DocumentSamples.Fonts, PageSize.A5, PageMargins.A5Form, "t");

        var lines = writer.Layout([new TextRun("1. Giao: "), TextRun.Bold("Bộ phận"), new TextRun("\n2. Nhận:")], new ParagraphStyle(10), 300);

        Assert.Equal(2, lines.Count);
        Assert.True(lines[0].EndsParagraph);
        Assert.Equal(FontVariant.Bold, lines[0].Words[^1].Pieces[0].Variant);
    }

    [Fact]
    public void Paragraph_DecomposedInput_ReadsBackAsNfc()
    {
        using var writer = new DocumentWriter(DocumentSamples.Fonts, PageSize.A5, PageMargins.A5Form, "t");
        writer.Paragraph(DocumentSamples.ApplicantName.Normalize(NormalizationForm.FormD), writer.Field);

        var pdf = PdfText.Read(writer.Finish());

        Assert.Contains(DocumentSamples.ApplicantName, pdf.All, StringComparison.Ordinal);
    }
}
