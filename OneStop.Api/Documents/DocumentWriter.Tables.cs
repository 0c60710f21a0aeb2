namespace OneStop.Api.Documents;

public sealed partial class DocumentWriter
{
    /// <summary>Writes a table across the content width, moving to new pages as needed.</summary>
    public void Table(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var totalWeight = table.Columns.Sum(c => c.Weight);
        var widths = table.Columns.Select(c => c.Weight / totalWeight * ContentWidth).ToArray();
        var lineHeight = LineHeight(table.FontSize);
        var header = LayoutHeader(table, widths);
        var headerHeight = header.RowHeights.Sum();

        // Keep the header with at least one line of the first row.
        EnsureSpace(headerHeight + lineHeight + (2 * table.Padding));
        DrawHeader(header, table);
        var rowsOnPage = 0;

        foreach (var row in table.Rows)
        {
            var cells = LayoutRow(table, widths, row);
            while (true)
            {
                var linesLeft = cells.Max(c => c.Lines.Count - c.Start);
                var rowHeight = (Math.Max(1, linesLeft) * lineHeight) + (2 * table.Padding);
                if (rowHeight <= RemainingHeight)
                {
                    DrawRow(cells, table, lineHeight, rowHeight, linesLeft, centred: cells.All(c => c.Start == 0));
                    rowsOnPage++;
                    break;
                }

                var fitting = (int)Math.Floor((RemainingHeight - (2 * table.Padding)) / lineHeight);
                if (rowsOnPage > 0 || fitting < 1)
                {
                    // The row moves whole to the next page (with the header repeated).
                    NewPage();
                    DrawHeader(header, table);
                    rowsOnPage = 0;
                    continue;
                }

                // Taller than a whole page: draw what fits, continue on the next page.
                DrawRow(cells, table, lineHeight, (fitting * lineHeight) + (2 * table.Padding), fitting, centred: false);
                foreach (var cell in cells)
                {
                    cell.Start = Math.Min(cell.Lines.Count, cell.Start + fitting);
                }

                NewPage();
                DrawHeader(header, table);
                rowsOnPage = 0;
            }
        }
    }

    private List<CellLayout> LayoutRow(Table table, float[] widths, IReadOnlyList<TableCell> row)
    {
        var cells = new List<CellLayout>();
        var column = 0;
        var x = Left;
        foreach (var cell in row)
        {
            if (column >= widths.Length)
            {
                throw new ArgumentException("A table row has more cells than the table has columns.", nameof(table));
            }

            var span = Math.Min(cell.ColumnSpan, widths.Length - column);
            var width = widths.Skip(column).Take(span).Sum();
            var style = new ParagraphStyle(table.FontSize, cell.Alignment ?? table.Columns[column].Alignment);
            var lines = Layout(cell.Content, style, width - (2 * table.Padding));
            cells.Add(new CellLayout(x, width, style, lines));
            column += span;
            x += width;
        }

        // Missing trailing cells still get their borders.
        while (column < widths.Length)
        {
            var style = new ParagraphStyle(table.FontSize);
            cells.Add(new CellLayout(x, widths[column], style, []));
            x += widths[column];
            column++;
        }

        return cells;
    }

    private void DrawRow(List<CellLayout> cells, Table table, float lineHeight, float rowHeight, int lineCount, bool centred)
    {
        foreach (var cell in cells)
        {
            DrawRectangle(cell.X, Y, cell.Width, rowHeight);
            var count = Math.Min(lineCount, cell.Lines.Count - cell.Start);
            var top = Y + table.Padding;
            if (centred)
            {
                top += ((rowHeight - (2 * table.Padding)) - (count * lineHeight)) / 2;
            }

            for (var i = 0; i < count; i++)
            {
                DrawLine(cell.Lines[cell.Start + i], cell.Style, cell.X + table.Padding, top + (i * lineHeight), cell.Width - (2 * table.Padding), lineHeight);
            }
        }

        Y += rowHeight;
    }

    private HeaderLayout LayoutHeader(Table table, float[] widths)
    {
        var rowCount = table.HeaderRows.Count;
        var occupied = new bool[rowCount, widths.Length];
        var placed = new List<(int Row, int Column, int RowSpan, CellLayout Cell)>();
        for (var r = 0; r < rowCount; r++)
        {
            var column = 0;
            foreach (var cell in table.HeaderRows[r])
            {
                while (column < widths.Length && occupied[r, column])
                {
                    column++;
                }

                if (column >= widths.Length)
                {
                    throw new ArgumentException("A table header row has more cells than the table has columns.", nameof(table));
                }

                var columnSpan = Math.Min(cell.ColumnSpan, widths.Length - column);
                var rowSpan = Math.Min(cell.RowSpan, rowCount - r);
                for (var rr = r; rr < r + rowSpan; rr++)
                {
                    for (var cc = column; cc < column + columnSpan; cc++)
                    {
                        occupied[rr, cc] = true;
                    }
                }

                var x = Left + widths.Take(column).Sum();
                var width = widths.Skip(column).Take(columnSpan).Sum();
                var style = new ParagraphStyle(table.FontSize, cell.Alignment ?? TextAlignment.Center);
                var lines = Layout(cell.Content, style, width - (2 * table.Padding));
                placed.Add((r, column, rowSpan, new CellLayout(x, width, style, lines)));
                column += columnSpan;
            }
        }

        var lineHeight = LineHeight(table.FontSize);
        var heights = new float[rowCount];
        foreach (var (row, _, rowSpan, cell) in placed.Where(p => p.RowSpan == 1))
        {
            heights[row] = Math.Max(heights[row], (Math.Max(1, cell.Lines.Count) * lineHeight) + (2 * table.Padding));
        }

        foreach (var (row, _, rowSpan, cell) in placed.Where(p => p.RowSpan > 1))
        {
            var need = (cell.Lines.Count * lineHeight) + (2 * table.Padding);
            var have = heights.Skip(row).Take(rowSpan).Sum();
            if (need > have)
            {
                heights[row + rowSpan - 1] += need - have;
            }
        }

        return new HeaderLayout(placed.Select(p => (p.Row, p.RowSpan, p.Cell)).ToList(), heights);
    }

    private void DrawHeader(HeaderLayout header, Table table)
    {
        var lineHeight = LineHeight(table.FontSize);
        foreach (var (row, rowSpan, cell) in header.Cells)
        {
            var top = Y + header.RowHeights.Take(row).Sum();
            var height = header.RowHeights.Skip(row).Take(rowSpan).Sum();
            DrawRectangle(cell.X, top, cell.Width, height);
            var textTop = top + ((height - (cell.Lines.Count * lineHeight)) / 2);
            for (var i = 0; i < cell.Lines.Count; i++)
            {
                DrawLine(cell.Lines[i], cell.Style, cell.X + table.Padding, textTop + (i * lineHeight), cell.Width - (2 * table.Padding), lineHeight);
            }
        }

        Y += header.RowHeights.Sum();
    }

    private sealed class CellLayout(float x, float width, ParagraphStyle style, IReadOnlyList<TextLine> lines)
    {
        public float X { get; } = x;

        public float Width { get; } = width;

        public ParagraphStyle Style { get; } = style;

        public IReadOnlyList<TextLine> Lines { get; } = lines;

        /// <summary>The first line not yet drawn (a row split across pages).</summary>
        public int Start { get; set; }
    }

    private sealed record HeaderLayout(IReadOnlyList<(int Row, int RowSpan, CellLayout Cell)> Cells, float[] RowHeights);
}
