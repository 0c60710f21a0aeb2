using System.Globalization;

namespace OneStop.Api.Documents;

/// <summary>Renders the tracking book (Form 06 of Circular 01/2018, 07 of Circular 03/2025) on A4 landscape: one row per dossier, the header repeated on every page.</summary>
public sealed class TrackingBookRenderer(DocumentFonts fonts)
{
    public byte[] Render(TrackingBookForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        using var writer = new DocumentWriter(fonts, PageSize.A4Landscape, PageMargins.A4Landscape, form.Heading.Form.Title)
        {
            BaseFontSize = 12,
        };
        writer.NationalHeading(form.Heading);
        List<string> subtitle = [];
        if (!string.IsNullOrWhiteSpace(form.Field))
        {
            subtitle.Add("Lĩnh vực: " + form.Field);
        }

        if (!string.IsNullOrWhiteSpace(form.Volume))
        {
            subtitle.Add("Quyển số: " + form.Volume);
        }

        writer.Title(form.Heading.Form.Title, subtitle.Count == 0 ? null : string.Join(" - ", subtitle));

        var rows = form.Entries
            .Select(e => (IReadOnlyList<TableCell>)
            [
                e.Number.ToString("00", CultureInfo.InvariantCulture),
                e.DossierCode,
                e.ProcedureName,
                e.ApplicantName,
                string.Join("\n", new[] { e.Address, e.Phone }.Where(s => !string.IsNullOrWhiteSpace(s))),
                e.LeadAgency,
                VietnameseDateFormat.Compact(e.ReceivedAt),
                VietnameseDateFormat.Compact(e.AppointmentAt),
                e.ReturnedAt is { } returned ? VietnameseDateFormat.Compact(returned) : string.Empty,
                e.ReturnMethod ?? string.Empty,
                string.Empty,
            ])
            .ToList();

        writer.Table(new Table(
            [
                new TableColumn(3.5f, TextAlignment.Center),
                new TableColumn(15),
                new TableColumn(11),
                new TableColumn(14.5f),
                new TableColumn(12),
                new TableColumn(10),
                new TableColumn(7, TextAlignment.Center),
                new TableColumn(7, TextAlignment.Center),
                new TableColumn(7, TextAlignment.Center),
                new TableColumn(8),
                new TableColumn(6),
            ],
            [
                [
                    TableCell.Bold("STT", rowSpan: 2),
                    TableCell.Bold("Mã hồ sơ", rowSpan: 2),
                    TableCell.Bold("Tên thủ tục hành chính", rowSpan: 2),
                    TableCell.Bold("Tên tổ chức, cá nhân", rowSpan: 2),
                    TableCell.Bold("Địa chỉ, số điện thoại", rowSpan: 2),
                    TableCell.Bold("Cơ quan chủ trì giải quyết", rowSpan: 2),
                    TableCell.Bold("Nhận và trả kết quả", columnSpan: 5),
                ],
                [
                    TableCell.Bold("Nhận hồ sơ"),
                    TableCell.Bold("Hẹn trả kết quả"),
                    TableCell.Bold("Trả kết quả"),
                    TableCell.Bold("Phương thức nhận kết quả"),
                    TableCell.Bold("Ký nhận"),
                ],
            ],
            rows,
            FontSize: 9,
            Padding: 3));
        return writer.Finish();
    }
}
