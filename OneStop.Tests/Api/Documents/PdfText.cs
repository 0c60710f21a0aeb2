using System.Text;
using UglyToad.PdfPig;

namespace OneStop.Tests.Api.Documents;

/// <summary>A rendered PDF read back with PdfPig: page sizes and NFC text per page.</summary>
internal sealed class PdfText
{
    private PdfText(IReadOnlyList<(double Width, double Height)> sizes, IReadOnlyList<string> pages, int imageCount, string drawn)
    {
        Drawn = drawn;
        Sizes = sizes;
        Pages = pages;
        ImageCount = imageCount;
    }

    public IReadOnlyList<(double Width, double Height)> Sizes { get; }

    /// <summary>Each page's text, NFC-normalised, with runs of whitespace collapsed to one space.</summary>
    public IReadOnlyList<string> Pages { get; }

    public int ImageCount { get; }

    /// <summary>Every letter in the order it was drawn, without whitespace: finds rotated text (a watermark) that word extraction scatters.</summary>
    public string Drawn { get; }

    public string All => string.Join("\n", Pages);

    /// <summary>All text with every whitespace removed: robust against PdfPig's word spacing.</summary>
    public string Compact => Squeeze(All);

    public static PdfText Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var sizes = new List<(double, double)>();
        var pages = new List<string>();
        var images = 0;
        var drawn = new StringBuilder();
        foreach (var page in document.GetPages())
        {
            sizes.Add((page.Width, page.Height));
            var words = page.GetWords().Select(w => w.Text);
            var text = string.Join(" ", words).Normalize(NormalizationForm.FormC);
            pages.Add(string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
            images += page.GetImages().Count();
            drawn.AppendJoin(string.Empty, page.Letters.Select(l => l.Value));
        }

        return new PdfText(sizes, pages, images, Squeeze(drawn.ToString()));
    }

    public static string Squeeze(string text) =>
        string.Concat(text.Normalize(NormalizationForm.FormC).Where(c => !char.IsWhiteSpace(c)));

    public bool ContainsCompact(string expected) => Compact.Contains(Squeeze(expected), StringComparison.Ordinal);
}
