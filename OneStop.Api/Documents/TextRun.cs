namespace OneStop.Api.Documents;

/// <summary>A piece of text in one face; a paragraph is a sequence of runs. "\n" is a hard line break.</summary>
public readonly record struct TextRun(string Text, FontVariant Variant = FontVariant.Regular)
{
    public static TextRun Bold(string text) => new(text, FontVariant.Bold);

    public static TextRun Italic(string text) => new(text, FontVariant.Italic);

    public static TextRun BoldItalic(string text) => new(text, FontVariant.BoldItalic);

    public static implicit operator TextRun(string text) => new(text);
}
