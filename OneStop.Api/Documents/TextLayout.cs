using System.Globalization;
using System.Text;
using SkiaSharp;

namespace OneStop.Api.Documents;

/// <summary>
/// Breaks runs of text into lines that fit a width: breaks on spaces, a word longer than a
/// line is cut between letters, "\n" is a hard break. All text is NFC-normalised first, so a
/// decomposed "ễ" (e + two combining marks) is measured and drawn as the one precomposed glyph.
/// </summary>
internal static class TextLayout
{
    public static IReadOnlyList<TextLine> Break(
        IReadOnlyList<TextRun> runs, float width, float firstLineIndent, Func<FontVariant, string, SKFont> fonts)
    {
        var lines = new List<TextLine>();
        var words = new List<TextWord>();
        var lineWidth = 0f;
        var indent = firstLineIndent;

        void CloseLine(bool endsParagraph)
        {
            lines.Add(new TextLine(words.ToArray(), lineWidth, indent, endsParagraph));
            words.Clear();
            lineWidth = 0;
            indent = 0;
        }

        foreach (var token in Tokenize(runs, fonts))
        {
            if (token is null)
            {
                CloseLine(endsParagraph: true);
                continue;
            }

            var available = width - indent;
            var gap = words.Count == 0 ? 0 : words[^1].SpaceWidth;
            if (words.Count > 0 && lineWidth + gap + token.Width > available)
            {
                CloseLine(endsParagraph: false);
                available = width - indent;
                gap = 0;
            }

            if (words.Count == 0 && token.Width > available)
            {
                var chunks = Cut(token, available, fonts);
                for (var i = 0; i < chunks.Count - 1; i++)
                {
                    words.Add(chunks[i]);
                    lineWidth = chunks[i].Width;
                    CloseLine(endsParagraph: false);
                    available = width - indent;
                }

                token.Replace(chunks[^1]);
            }

            words.Add(token);
            lineWidth += gap + token.Width;
        }

        CloseLine(endsParagraph: true);
        return lines;
    }

    /// <summary>Words in order; null marks a hard break.</summary>
    private static List<TextWord?> Tokenize(IReadOnlyList<TextRun> runs, Func<FontVariant, string, SKFont> fonts)
    {
        var tokens = new List<TextWord?>();
        var pieces = new List<TextPiece>();
        var text = new StringBuilder();
        var variant = FontVariant.Regular;

        void ClosePiece()
        {
            if (text.Length > 0)
            {
                var value = text.ToString();
                pieces.Add(new TextPiece(value, variant, fonts(variant, value).MeasureText(value)));
                text.Clear();
            }
        }

        void CloseWord()
        {
            ClosePiece();
            if (pieces.Count > 0)
            {
                tokens.Add(new TextWord(pieces.ToArray(), fonts(pieces[^1].Variant, " ").MeasureText(" ")));
                pieces.Clear();
            }
        }

        foreach (var run in runs)
        {
            var value = (run.Text ?? string.Empty).Normalize(NormalizationForm.FormC);
            if (run.Variant != variant)
            {
                ClosePiece();
                variant = run.Variant;
            }

            foreach (var c in value)
            {
                switch (c)
                {
                    case ' ' or '\t' or '\r':
                        CloseWord();
                        break;
                    case '\n':
                        CloseWord();
                        tokens.Add(null);
                        break;
                    default:
                        text.Append(c == '\u00A0' ? ' ' : c);
                        break;
                }
            }
        }

        CloseWord();
        return tokens;
    }

    /// <summary>Cuts a word wider than a line into chunks that fit, between text elements.</summary>
    private static List<TextWord> Cut(TextWord word, float available, Func<FontVariant, string, SKFont> fonts)
    {
        var chunks = new List<TextWord>();
        var pieces = new List<TextPiece>();
        var width = 0f;
        foreach (var piece in word.Pieces)
        {
            var font = fonts(piece.Variant, piece.Text);
            var current = new StringBuilder();
            var elements = StringInfo.GetTextElementEnumerator(piece.Text);
            while (elements.MoveNext())
            {
                var element = elements.GetTextElement();
                var elementWidth = font.MeasureText(element);
                var pending = current.Length == 0 ? 0 : font.MeasureText(current.ToString());
                if (width + pending + elementWidth > available && (pieces.Count > 0 || current.Length > 0))
                {
                    if (current.Length > 0)
                    {
                        pieces.Add(new TextPiece(current.ToString(), piece.Variant, pending));
                        current.Clear();
                    }

                    chunks.Add(new TextWord(pieces.ToArray(), word.SpaceWidth));
                    pieces.Clear();
                    width = 0;
                }

                current.Append(element);
            }

            if (current.Length > 0)
            {
                var value = current.ToString();
                var valueWidth = font.MeasureText(value);
                pieces.Add(new TextPiece(value, piece.Variant, valueWidth));
                width += valueWidth;
            }
        }

        chunks.Add(new TextWord(pieces.ToArray(), word.SpaceWidth));
        return chunks;
    }
}

/// <summary>Text in one face within a word.</summary>
internal sealed record TextPiece(string Text, FontVariant Variant, float Width);

/// <summary>An unbreakable word (possibly mixing faces) and the width of the space that follows it.</summary>
internal sealed class TextWord(TextPiece[] pieces, float spaceWidth)
{
    public TextPiece[] Pieces { get; private set; } = pieces;

    public float SpaceWidth { get; } = spaceWidth;

    public float Width { get; private set; } = pieces.Sum(p => p.Width);

    public void Replace(TextWord other)
    {
        Pieces = other.Pieces;
        Width = other.Width;
    }
}

/// <summary>A laid-out line: its words, natural width, indent, and whether it ends a paragraph (never justified).</summary>
internal sealed record TextLine(TextWord[] Words, float Width, float Indent, bool EndsParagraph);
