namespace OneStop.Api.Documents;

/// <summary>How a paragraph is set: size in points, alignment, indents and spacing.</summary>
/// <remarks>
/// <para><c>FontSize</c>: Font size in points.</para>
/// <para><c>Alignment</c>: Horizontal alignment.</para>
/// <para><c>FirstLineIndent</c>: Indent of the first line in points (Decree 30/2020 uses 1–1.27 cm on A4).</para>
/// <para><c>SpaceAfter</c>: Vertical space after the paragraph in points.</para>
/// <para><c>LineSpacing</c>: Line height as a multiple of the font's natural line height.</para>
/// <para><c>LeftIndent</c>: Indent of every line in points.</para>
/// </remarks>
public sealed record ParagraphStyle(
    float FontSize,
    TextAlignment Alignment = TextAlignment.Left,
    float FirstLineIndent = 0,
    float SpaceAfter = 0,
    float LineSpacing = 1.0f,
    float LeftIndent = 0);
