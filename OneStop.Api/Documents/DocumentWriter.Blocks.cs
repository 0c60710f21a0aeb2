using System.Globalization;
using SkiaSharp;

namespace OneStop.Api.Documents;

public sealed partial class DocumentWriter
{
    /// <summary>The national name, bold upper-case (Decree 30/2020 app. I, field 1).</summary>
    public const string NationalName = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";

    /// <summary>The motto, bold, underlined with a line as long as itself (Decree 30/2020 app. I, field 1).</summary>
    public const string Motto = "Độc lập - Tự do - Hạnh phúc";

    /// <summary>The body size; the heading, titles and notes are set relative to it.</summary>
    public float BaseFontSize { get; init; } = 10f;

    /// <summary>A body paragraph style: justified with a first-line indent, as Decree 30/2020 sets body text.</summary>
    public ParagraphStyle Body => new(BaseFontSize, TextAlignment.Justify, SpaceAfter: BaseFontSize * 0.2f);

    /// <summary>A body line without indent, left aligned (labelled fields).</summary>
    public ParagraphStyle Field => new(BaseFontSize, TextAlignment.Left, SpaceAfter: BaseFontSize * 0.1f);

    /// <summary>
    /// The two-column national heading: left the supervising agency (upper-case), the issuing
    /// agency (upper-case, bold, a short rule under it) and "Số: …"; right the national name,
    /// the underlined motto and the italic place and date, on the same line as the number.
    /// </summary>
    public void NationalHeading(DocumentHeading heading)
    {
        ArgumentNullException.ThrowIfNull(heading);
        _ = Canvas;
        var size = BaseFontSize * 0.92f;
        const float gap = 6;
        var leftWidth = (ContentWidth * 0.4f) - (gap / 2);
        var rightWidth = ContentWidth - leftWidth - gap;
        var rightX = Left + leftWidth + gap;
        var center = new ParagraphStyle(size, TextAlignment.Center);

        if (heading.Form.Label is { Length: > 0 } formCode)
        {
            var codeStyle = new ParagraphStyle(size * 0.9f, TextAlignment.Right);
            Y += DrawParagraphAt([TextRun.BoldItalic(formCode)], codeStyle, Left, Y, ContentWidth) + 2;
        }

        var top = Y;

        // Left column.
        var leftY = top;
        if (heading.ParentAgency is { Length: > 0 } parent)
        {
            leftY += DrawParagraphAt([new TextRun(parent.ToUpperInvariant())], center, Left, leftY, leftWidth);
        }

        IReadOnlyList<TextRun> agency = [TextRun.Bold(heading.AgencyName.ToUpperInvariant())];
        leftY += DrawParagraphAt(agency, center, Left, leftY, leftWidth);
        var agencyRule = MeasureWidestLine(agency, center, leftWidth) * 0.4f;
        DrawLine(Left + ((leftWidth - agencyRule) / 2), leftY + 2.5f, Left + ((leftWidth + agencyRule) / 2), leftY + 2.5f);
        leftY += 6;

        // Right column: each line shrinks to fit if the column is narrow (A5).
        var rightY = top;
        var nationalSize = FitSize(NationalName, FontVariant.Bold, size, rightWidth - 4);
        rightY += DrawParagraphAt([TextRun.Bold(NationalName)], center with { FontSize = nationalSize }, rightX, rightY, rightWidth);
        var mottoSize = FitSize(Motto, FontVariant.Bold, size + 0.5f, rightWidth - 4);
        rightY += DrawParagraphAt([TextRun.Bold(Motto)], center with { FontSize = mottoSize }, rightX, rightY, rightWidth);
        var mottoWidth = MeasureText(Motto, FontVariant.Bold, mottoSize);
        DrawLine(rightX + ((rightWidth - mottoWidth) / 2), rightY + 2f, rightX + ((rightWidth + mottoWidth) / 2), rightY + 2f);
        rightY += 6;

        // The number and the place-date line share a row.
        var row = Math.Max(leftY, rightY) + 2;
        var number = string.IsNullOrWhiteSpace(heading.DocumentNumber) ? "…" : heading.DocumentNumber;
        leftY = row + DrawParagraphAt([new TextRun("Số: " + number)], center, Left, row, leftWidth);
        var dateLine = VietnameseDateFormat.PlaceAndDate(heading.Place, heading.Date);
        rightY = row + DrawParagraphAt([TextRun.Italic(dateLine)], center, rightX, row, rightWidth);

        Y = Math.Max(leftY, rightY) + (BaseFontSize * 1.2f);
    }

    /// <summary>The document's name: bold upper-case, centred; an optional bold line under it.</summary>
    public void Title(string title, string? subtitle = null)
    {
        ArgumentNullException.ThrowIfNull(title);
        var style = new ParagraphStyle(BaseFontSize + 1.5f, TextAlignment.Center, LineSpacing: 1.05f);
        Paragraph([TextRun.Bold(title.ToUpperInvariant())], style);
        if (subtitle is { Length: > 0 })
        {
            Paragraph([TextRun.Bold(subtitle)], new ParagraphStyle(BaseFontSize, TextAlignment.Center));
        }

        Y += BaseFontSize * 0.7f;
    }

    /// <summary>
    /// Signature blocks side by side, kept together on one page. One block alone sits in the
    /// right half; with <paramref name="recipients"/> the left half holds "Nơi nhận:".
    /// </summary>
    public void Signatures(IReadOnlyList<SignatureBlock> blocks, IReadOnlyList<string>? recipients = null, float signingSpace = 42)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var columns = Math.Max(2, blocks.Count);
        var width = ContentWidth / columns;
        var firstColumn = blocks.Count == 1 ? 1 : 0;
        var height = blocks.Max(b => MeasureSignature(b, width, signingSpace));
        if (recipients is { Count: > 0 })
        {
            height = Math.Max(height, MeasureRecipients(recipients, width));
        }

        EnsureSpace(height + 4);
        var top = Y + 4;
        if (recipients is { Count: > 0 } && firstColumn == 1)
        {
            DrawRecipients(recipients, Left, top, width);
        }

        for (var i = 0; i < blocks.Count; i++)
        {
            DrawSignature(blocks[i], Left + ((firstColumn + i) * width), top, width, signingSpace);
        }

        Y = top + height;
    }

    /// <summary>Draws a QR code as vector squares (one path, no bitmap): <paramref name="size"/> includes the quiet zone.</summary>
    /// <remarks>The path is in module units under a scale, so the PDF writes small whole numbers for each square.</remarks>
    public void DrawQrCode(string payload, float x, float y, float size)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var modules = QrCodeMatrix.Create(payload);
        var count = modules.GetLength(0);
        using var path = new SKPath();
        for (var r = 0; r < count; r++)
        {
            // Each horizontal run of dark modules is one rectangle.
            var c = 0;
            while (c < count)
            {
                if (!modules[r, c])
                {
                    c++;
                    continue;
                }

                var start = c;
                while (c < count && modules[r, c])
                {
                    c++;
                }

                path.AddRect(new SKRect(start, r, c, r + 1));
            }
        }

        var canvas = Canvas;
        canvas.Save();
        canvas.Translate(x, y);
        canvas.Scale(size / count);
        canvas.DrawPath(path, _textPaint);
        canvas.Restore();
    }

    /// <summary>The largest size, at most <paramref name="size"/>, at which one line of text fits <paramref name="width"/>.</summary>
    public float FitSize(string text, FontVariant variant, float size, float width)
    {
        var measured = MeasureText(text, variant, size);
        return measured <= width ? size : MathF.Floor(size * width / measured * 10) / 10;
    }

    private float MeasureSignature(SignatureBlock block, float width, float signingSpace)
    {
        var size = BaseFontSize * 0.95f;
        var height = MeasureParagraph([TextRun.Bold(block.Title.ToUpperInvariant())], new ParagraphStyle(size, TextAlignment.Center), width);
        if (block.Note is { Length: > 0 })
        {
            height += MeasureParagraph([TextRun.Italic(block.Note)], new ParagraphStyle(size * 0.9f, TextAlignment.Center), width);
        }

        if (block.DigitalSignature is { Length: > 0 })
        {
            height += MeasureParagraph([TextRun.Italic(block.DigitalSignature)], new ParagraphStyle(size * 0.8f, TextAlignment.Center), width);
        }

        height += signingSpace;
        if (block.Name is { Length: > 0 })
        {
            height += MeasureParagraph([TextRun.Bold(block.Name)], new ParagraphStyle(size, TextAlignment.Center), width);
        }

        return height;
    }

    private void DrawSignature(SignatureBlock block, float x, float y, float width, float signingSpace)
    {
        var size = BaseFontSize * 0.95f;
        y += DrawParagraphAt([TextRun.Bold(block.Title.ToUpperInvariant())], new ParagraphStyle(size, TextAlignment.Center), x, y, width);
        if (block.Note is { Length: > 0 })
        {
            y += DrawParagraphAt([TextRun.Italic(block.Note)], new ParagraphStyle(size * 0.9f, TextAlignment.Center), x, y, width);
        }

        if (block.DigitalSignature is { Length: > 0 })
        {
            y += DrawParagraphAt([TextRun.Italic(block.DigitalSignature)], new ParagraphStyle(size * 0.8f, TextAlignment.Center), x, y, width);
        }

        y += signingSpace;
        if (block.Name is { Length: > 0 })
        {
            DrawParagraphAt([TextRun.Bold(block.Name)], new ParagraphStyle(size, TextAlignment.Center), x, y, width);
        }
    }

    private float MeasureRecipients(IReadOnlyList<string> recipients, float width)
    {
        var size = BaseFontSize * 0.8f;
        var height = MeasureParagraph([TextRun.BoldItalic("Nơi nhận:")], new ParagraphStyle(size + 0.5f), width);
        foreach (var recipient in recipients)
        {
            height += MeasureParagraph([new TextRun("- " + recipient)], new ParagraphStyle(size), width);
        }

        return height;
    }

    private void DrawRecipients(IReadOnlyList<string> recipients, float x, float y, float width)
    {
        var size = BaseFontSize * 0.8f;
        y += DrawParagraphAt([TextRun.BoldItalic("Nơi nhận:")], new ParagraphStyle(size + 0.5f), x, y, width);
        for (var i = 0; i < recipients.Count; i++)
        {
            var ending = i == recipients.Count - 1 ? "." : ";";
            var text = string.Create(CultureInfo.InvariantCulture, $"- {recipients[i].TrimEnd('.', ';')}{ending}");
            y += DrawParagraphAt([new TextRun(text)], new ParagraphStyle(size), x, y, width);
        }
    }
}
