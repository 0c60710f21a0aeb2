namespace OneStop.Api.Documents;

/// <summary>
/// A bordered table. Header rows are repeated at the top of every page the table reaches; a
/// body row that does not fit moves to the next page, and a row taller than a whole page is
/// split between lines.
/// </summary>
public sealed record Table(
    IReadOnlyList<TableColumn> Columns,
    IReadOnlyList<IReadOnlyList<TableCell>> HeaderRows,
    IReadOnlyList<IReadOnlyList<TableCell>> Rows,
    float FontSize = 9,
    float Padding = 3);
