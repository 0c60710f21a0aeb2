namespace OneStop.Api.Documents;

/// <summary>Renders the processing control sheet (Form 05 of Circular 01/2018, 06 of Circular 03/2025) on A5: the dossier's data, then one table row per hand-over.</summary>
public sealed class ControlSheetFormRenderer(DocumentFonts fonts)
{
    public byte[] Render(ControlSheetForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var definition = form.Heading.Form;
        using var writer = new DocumentWriter(fonts, PageSize.A5, PageMargins.A5Form, definition.Title + " " + form.DossierCode);
        writer.NationalHeading(form.Heading);
        writer.Title(definition.Title);

        FormText.Labelled(writer, "Mã số hồ sơ", form.DossierCode, bold: true);
        FormText.Labelled(writer, "Cơ quan (bộ phận) giải quyết hồ sơ", form.ProcessingAgency);
        FormText.Labelled(writer, "Cơ quan phối hợp giải quyết hồ sơ", form.CoordinatingAgencies);
        FormText.Labelled(writer, "Thời gian nhận hồ sơ", VietnameseDateFormat.TimeAndDate(form.ReceivedAt));
        writer.Paragraph([new TextRun("Thời gian hẹn trả kết quả: "), TextRun.Bold(VietnameseDateFormat.TimeAndDate(form.AppointmentAt))], writer.Field);
        writer.Space(writer.BaseFontSize * 0.4f);

        var size = writer.BaseFontSize * 0.82f;
        var rows = form.Handovers
            .Select(h => (IReadOnlyList<TableCell>)
            [
                new TableCell([new TextRun("1. Giao: "), TextRun.Bold(h.FromUnit), new TextRun("\n2. Nhận: "), TextRun.Bold(h.ToUnit)]),
                new TableCell(
                [
                    new TextRun(VietnameseDateFormat.TimeAndShortDate(h.HandedOverAt).Replace(", ngày", ",\nngày", StringComparison.Ordinal)),
                    new TextRun("\nNgười giao: " + (h.Giver ?? string.Empty)),
                    new TextRun("\nNgười nhận: " + (h.Receiver ?? string.Empty)),
                ]),
                FormText.Outcome(h.Outcome),
                h.Note ?? string.Empty,
            ])
            .ToList();
        writer.Table(new Table(
            [
                new TableColumn(33),
                new TableColumn(33),
                new TableColumn(18, TextAlignment.Center),
                new TableColumn(16),
            ],
            [[
                TableCell.Bold("Tên đơn vị"),
                TableCell.Bold("Thời gian giao, nhận hồ sơ"),
                new TableCell([TextRun.Bold("Kết quả giải quyết hồ sơ"), TextRun.Italic("\n(Trước hạn/ Đúng hạn/ Quá hạn)")]),
                TableCell.Bold("Ghi chú"),
            ]],
            rows,
            size));

        writer.Space(writer.BaseFontSize * 0.5f);
        var note = new ParagraphStyle(writer.BaseFontSize * 0.78f, TextAlignment.Justify);
        writer.Paragraph([TextRun.BoldItalic("Ghi chú: "), TextRun.Italic("Kết quả giải quyết hồ sơ do bên nhận ghi khi nhận bàn giao hồ sơ. Việc lưu vết được thực hiện tự động trên Hệ thống thông tin giải quyết thủ tục hành chính.")], note);
        return writer.Finish();
    }
}
