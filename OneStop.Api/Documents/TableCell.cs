namespace OneStop.Api.Documents;

/// <summary>
/// A table cell. <see cref="ColumnSpan"/> works everywhere; <see cref="RowSpan"/> only in
/// header rows (a body row may be split across pages, a spanned body cell could not be).
/// </summary>
public sealed record TableCell(
    IReadOnlyList<TextRun> Content,
    int ColumnSpan = 1,
    int RowSpan = 1,
    TextAlignment? Alignment = null)
{
    public static implicit operator TableCell(string text) => new([new TextRun(text)]);

    public static TableCell Bold(string text, int columnSpan = 1, int rowSpan = 1) =>
        new([TextRun.Bold(text)], columnSpan, rowSpan);
}
