using System.Runtime.InteropServices;
using SkiaSharp;

namespace OneStop.Api.Documents;

/// <summary>
/// Writes one PDF document page by page: a cursor flows down the content area, paragraphs wrap,
/// and a new page starts when the next line does not fit. Not thread-safe: one writer per
/// rendering (the shared <see cref="DocumentFonts"/> typefaces are).
/// </summary>
public sealed partial class DocumentWriter : IDisposable
{
    private readonly DocumentFonts _fonts;
    private readonly MemoryStream _stream = new();
    private readonly SKDocument _document;
    private readonly Dictionary<(FontVariant Variant, float Size, int Face), SKFont> _fontCache = [];
    private readonly SKPaint _textPaint = new() { Color = SKColors.Black, IsAntialias = true, Style = SKPaintStyle.Fill };
    private readonly SKPaint _strokePaint = new() { Color = SKColors.Black, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 0.6f };
    private SKCanvas? _canvas;
    private bool _finished;

    public DocumentWriter(DocumentFonts fonts, PageSize pageSize, PageMargins margins, string title)
    {
        ArgumentNullException.ThrowIfNull(fonts);
        _fonts = fonts;
        PageSize = pageSize;
        Margins = margins;

        // No creation date: the same model always gives the same bytes, and no clock is read.
        var metadata = new SKDocumentPdfMetadata
        {
            Title = title,
            Creator = "OneStop",
            Producer = "OneStop (SkiaSharp)",
            RasterDpi = SKDocumentPdfMetadata.DefaultRasterDpi,
            EncodingQuality = SKDocumentPdfMetadata.DefaultEncodingQuality,
        };
        _document = SKDocument.CreatePdf(_stream, metadata)
            ?? throw new InvalidOperationException("Documents: SkiaSharp could not create a PDF document.");
    }

    public PageSize PageSize { get; }

    public PageMargins Margins { get; }

    /// <summary>Large grey text drawn diagonally under the content of every page, e.g. "DỰ THẢO" on an unsigned draft.</summary>
    public string? Watermark { get; init; }

    /// <summary>The current page, from 1; 0 before anything is drawn.</summary>
    public int PageNumber { get; private set; }

    /// <summary>The top of the next thing to draw, in points from the top of the page.</summary>
    public float Y { get; set; }

    public float Left => Margins.Left;

    public float Right => PageSize.Width - Margins.Right;

    public float ContentWidth => PageSize.Width - Margins.Left - Margins.Right;

    public float Bottom => PageSize.Height - Margins.Bottom;

    public float RemainingHeight => Bottom - Y;

    /// <summary>The current page's canvas; the first page is started on first use.</summary>
    public SKCanvas Canvas => _canvas ?? StartPage();

    /// <summary>Ends the current page and starts the next; pages from the second carry their number at the top centre (Decree 30/2020).</summary>
    public void NewPage()
    {
        if (_canvas is not null)
        {
            _document.EndPage();
            _canvas = null;
        }

        StartPage();
    }

    /// <summary>Starts a new page unless <paramref name="height"/> points fit below the cursor.</summary>
    public void EnsureSpace(float height)
    {
        _ = Canvas;
        if (height > RemainingHeight)
        {
            NewPage();
        }
    }

    public void Space(float points)
    {
        _ = Canvas;
        Y += points;
    }

    /// <summary>A font of the document family; cached per writer.</summary>
    public SKFont Font(FontVariant variant, float size) => Font(variant, size, face: 0);

    /// <summary>The font with the smallest face that has every glyph of <paramref name="text"/>: Vietnamese, the wider document set, or the whole file for rare scripts.</summary>
    internal SKFont FontFor(FontVariant variant, float size, string text) =>
        Font(variant, size, _fonts.FaceFor(variant, text));

    /// <summary>The height of one line at <paramref name="size"/>, from the regular face's metrics.</summary>
    public float LineHeight(float size, float spacing = 1.0f)
    {
        var metrics = Font(FontVariant.Regular, size).Metrics;
        return (metrics.Descent - metrics.Ascent + metrics.Leading) * spacing;
    }

    /// <summary>Measures text on one line, NFC-normalised.</summary>
    public float MeasureText(string text, FontVariant variant, float size)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalised = text.Normalize(System.Text.NormalizationForm.FormC);
        return FontFor(variant, size, normalised).MeasureText(normalised);
    }

    /// <summary>Writes a paragraph in the flow, breaking across pages between lines.</summary>
    public void Paragraph(IReadOnlyList<TextRun> runs, ParagraphStyle style)
    {
        ArgumentNullException.ThrowIfNull(style);
        var width = ContentWidth - style.LeftIndent;
        var lines = Layout(runs, style, width);
        var lineHeight = LineHeight(style.FontSize, style.LineSpacing);
        for (var i = 0; i < lines.Count; i++)
        {
            EnsureSpace(lineHeight);
            DrawLine(lines[i], style, Left + style.LeftIndent, Y, width, lineHeight);
            Y += lineHeight;
        }

        Y += style.SpaceAfter;
    }

    public void Paragraph(string text, ParagraphStyle style) => Paragraph([new TextRun(text)], style);

    /// <summary>Draws a paragraph at a fixed place without moving the cursor or breaking pages; returns its height.</summary>
    public float DrawParagraphAt(IReadOnlyList<TextRun> runs, ParagraphStyle style, float x, float y, float width)
    {
        ArgumentNullException.ThrowIfNull(style);
        var lines = Layout(runs, style, width - style.LeftIndent);
        var lineHeight = LineHeight(style.FontSize, style.LineSpacing);
        for (var i = 0; i < lines.Count; i++)
        {
            DrawLine(lines[i], style, x + style.LeftIndent, y + (i * lineHeight), width - style.LeftIndent, lineHeight);
        }

        return (lines.Count * lineHeight) + style.SpaceAfter;
    }

    /// <summary>The height a paragraph would take in <paramref name="width"/>.</summary>
    public float MeasureParagraph(IReadOnlyList<TextRun> runs, ParagraphStyle style, float width)
    {
        ArgumentNullException.ThrowIfNull(style);
        var lines = Layout(runs, style, width - style.LeftIndent);
        return (lines.Count * LineHeight(style.FontSize, style.LineSpacing)) + style.SpaceAfter;
    }

    /// <summary>The width of the widest line of a paragraph set in <paramref name="width"/>.</summary>
    public float MeasureWidestLine(IReadOnlyList<TextRun> runs, ParagraphStyle style, float width) =>
        Layout(runs, style, width).Max(line => line.Width + line.Indent);

    public void DrawLine(float x1, float y1, float x2, float y2, float strokeWidth = 0.6f)
    {
        _strokePaint.StrokeWidth = strokeWidth;
        Canvas.DrawLine(x1, y1, x2, y2, _strokePaint);
    }

    public void DrawRectangle(float x, float y, float width, float height, float strokeWidth = 0.6f)
    {
        _strokePaint.StrokeWidth = strokeWidth;
        Canvas.DrawRect(x, y, width, height, _strokePaint);
    }

    /// <summary>Ends the document and returns the PDF bytes.</summary>
    public byte[] Finish()
    {
        if (!_finished)
        {
            _ = Canvas;
            _document.EndPage();
            _canvas = null;
            _document.Close();
            _finished = true;
        }

        return _stream.ToArray();
    }

    public void Dispose()
    {
        _document.Dispose();
        foreach (var font in _fontCache.Values)
        {
            font.Dispose();
        }

        _textPaint.Dispose();
        _strokePaint.Dispose();
        _stream.Dispose();
    }

    internal IReadOnlyList<TextLine> Layout(IReadOnlyList<TextRun> runs, ParagraphStyle style, float width) =>
        TextLayout.Break(runs, width, style.FirstLineIndent, (variant, text) => FontFor(variant, style.FontSize, text));

    /// <summary>Draws one laid-out line whose top is <paramref name="top"/>.</summary>
    internal void DrawLine(TextLine line, ParagraphStyle style, float x, float top, float width, float lineHeight)
    {
        var regular = Font(FontVariant.Regular, style.FontSize).Metrics;
        var natural = regular.Descent - regular.Ascent;
        var baseline = top + ((lineHeight - natural) / 2) - regular.Ascent;
        var available = width - line.Indent;
        var slack = Math.Max(0, available - line.Width);
        var extraGap = 0f;
        var offset = style.Alignment switch
        {
            TextAlignment.Center => slack / 2,
            TextAlignment.Right => slack,
            _ => 0f,
        };
        if (style.Alignment == TextAlignment.Justify && !line.EndsParagraph && line.Words.Length > 1)
        {
            extraGap = slack / (line.Words.Length - 1);
        }

        // One text blob per line, one run per change of font: the PDF gets one text object a line instead of
        // one a word. Glyphs sit where the layout measured them.
        using var builder = new SKTextBlobBuilder();
        SKFont? runFont = null;
        var glyphs = new List<ushort>();
        var positions = new List<float>();
        var cursor = x + line.Indent + offset;
        for (var w = 0; w < line.Words.Length; w++)
        {
            var word = line.Words[w];
            var last = w == line.Words.Length - 1;
            for (var p = 0; p < word.Pieces.Length; p++)
            {
                var piece = word.Pieces[p];
                var font = FontFor(piece.Variant, style.FontSize, piece.Text);
                if (!ReferenceEquals(font, runFont))
                {
                    AddRun(builder, runFont, glyphs, positions, baseline);
                    runFont = font;
                }

                // The space is drawn as a glyph (not only as a gap) so that text extraction
                // and copy-paste keep the words apart.
                var text = !last && p == word.Pieces.Length - 1 ? piece.Text + " " : piece.Text;
                glyphs.AddRange(font.GetGlyphs(text));
                foreach (var point in font.GetGlyphPositions(text, new SKPoint(cursor, 0)))
                {
                    positions.Add(point.X);
                }

                cursor += piece.Width;
            }

            if (!last)
            {
                cursor += word.SpaceWidth + extraGap;
            }
        }

        AddRun(builder, runFont, glyphs, positions, baseline);
        using var blob = builder.Build();
        if (blob is not null)
        {
            Canvas.DrawText(blob, 0, 0, _textPaint);
        }
    }

    private static void AddRun(SKTextBlobBuilder builder, SKFont? font, List<ushort> glyphs, List<float> positions, float baseline)
    {
        if (font is null || glyphs.Count == 0)
        {
            return;
        }

        var run = builder.AllocateHorizontalRun(font, glyphs.Count, baseline);
        run.SetGlyphs(CollectionsMarshal.AsSpan(glyphs));
        run.SetPositions(CollectionsMarshal.AsSpan(positions));
        glyphs.Clear();
        positions.Clear();
    }

    private SKFont Font(FontVariant variant, float size, int face)
    {
        if (!_fontCache.TryGetValue((variant, size, face), out var font))
        {
            font = new SKFont(_fonts.Face(variant, face), size)
            {
                Subpixel = true,
                LinearMetrics = true,
                Hinting = SKFontHinting.None,
                Edging = SKFontEdging.Antialias,
            };
            _fontCache[(variant, size, face)] = font;
        }

        return font;
    }

    private SKCanvas StartPage()
    {
        _canvas = _document.BeginPage(PageSize.Width, PageSize.Height);
        PageNumber++;
        Y = Margins.Top;
        if (Watermark is { Length: > 0 } watermark)
        {
            DrawWatermark(_canvas, watermark);
        }

        if (PageNumber > 1)
        {
            var number = PageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var font = Font(FontVariant.Regular, 9);
            _canvas.DrawText(number, PageSize.Width / 2, Margins.Top / 2, SKTextAlign.Center, font, _textPaint);
        }

        return _canvas;
    }

    private void DrawWatermark(SKCanvas canvas, string text)
    {
        text = text.Normalize(System.Text.NormalizationForm.FormC);
        var diagonal = MathF.Sqrt((PageSize.Width * PageSize.Width) + (PageSize.Height * PageSize.Height));
        var font = Font(FontVariant.Bold, 10);
        var size = MathF.Min(110, 10 * diagonal * 0.6f / font.MeasureText(text));
        using var paint = new SKPaint { Color = new SKColor(0, 0, 0, 40), IsAntialias = true, Style = SKPaintStyle.Fill };
        canvas.Save();
        canvas.Translate(PageSize.Width / 2, PageSize.Height / 2);
        canvas.RotateDegrees(-MathF.Atan2(PageSize.Height, PageSize.Width) * 180 / MathF.PI);
        var big = Font(FontVariant.Bold, size);
        canvas.DrawText(text, -big.MeasureText(text) / 2, big.Size * 0.35f, big, paint);
        canvas.Restore();
    }
}
