namespace OneStop.Api.Documents;

/// <summary>Renders Form 01 (receipt and appointment) on A5; number, title and signature line from the heading's form. Thread-safe: one writer per call.</summary>
public sealed class ReceiptFormRenderer(DocumentFonts fonts)
{
    /// <summary>QR side in points, quiet zone included (about 24 mm: scans from a phone at arm's length).</summary>
    private const float QrSize = 68;

    private const float QrColumnWidth = 92;

    public byte[] Render(ReceiptForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var definition = form.Heading.Form;
        using var writer = new DocumentWriter(fonts, PageSize.A5, PageMargins.A5Form, definition.Title + " " + form.DossierCode);
        writer.NationalHeading(form.Heading);
        writer.Title(definition.Title, "Mã hồ sơ: " + form.DossierCode);

        WriteApplicantBesideQrCode(writer, form);

        FormText.Labelled(writer, "Nội dung yêu cầu giải quyết", form.ProcedureName);
        writer.Paragraph([new TextRun("1. Thành phần hồ sơ nộp gồm:")], writer.Field);
        writer.Table(DocumentsTable(form.Documents, writer.BaseFontSize * 0.88f));
        writer.Space(writer.BaseFontSize * 0.4f);
        writer.Paragraph([new TextRun("2. Số lượng hồ sơ: "), new TextRun(FormText.Count(form.NumberOfSets) + " bộ.")], writer.Field);
        writer.Paragraph([new TextRun("3. Thời gian giải quyết hồ sơ theo quy định là: " + form.StatutoryProcessingTime + ".")], writer.Field);
        writer.Paragraph([new TextRun("4. Thời gian nhận hồ sơ: " + VietnameseDateFormat.TimeAndDate(form.ReceivedAt) + ".")], writer.Field);
        if (form.CountingFrom is var (countingAt, competent))
        {
            // Decree 118/2025 art. 17(3) as amended by Decree 309/2026 art. 8(3): boundary-free reception counts from the
            // competent agency's receipt.
            writer.Paragraph(
                [
                    new TextRun("Hồ sơ tiếp nhận không phụ thuộc địa giới hành chính; thời gian giải quyết được tính từ "),
                    TextRun.Bold(VietnameseDateFormat.TimeAndDate(countingAt)),
                    new TextRun($", khi {competent} nhận được hồ sơ."),
                ],
                writer.Field with { LeftIndent = writer.BaseFontSize });
        }

        writer.Paragraph(
            [new TextRun("5. Thời gian trả kết quả giải quyết hồ sơ: "), TextRun.Bold(VietnameseDateFormat.TimeAndDate(form.AppointmentAt) + ".")],
            writer.Field);
        writer.Paragraph([new TextRun("6. Đăng ký nhận kết quả tại: " + form.ReturnPlace + ".")], writer.Field);
        if (form.TrackingBookVolume is not null || form.TrackingBookNumber is not null)
        {
            var number = form.TrackingBookNumber is { } n ? FormText.Count(n) : FormText.Blank;
            writer.Paragraph([new TextRun($"Vào Sổ theo dõi hồ sơ, Quyển số: {form.TrackingBookVolume ?? FormText.Blank}, Số thứ tự: {number}.")], writer.Field);
        }

        writer.Space(writer.BaseFontSize * 0.3f);
        writer.Signatures(
        [
            new SignatureBlock("Người nộp hồ sơ", form.Applicant.Name),
            new SignatureBlock("Người tiếp nhận hồ sơ", form.ReceivingClerk, DigitalSignature: definition.DigitalSignature),
        ]);

        writer.Space(writer.BaseFontSize * 0.3f);
        var note = new ParagraphStyle(writer.BaseFontSize * 0.8f, TextAlignment.Left);
        writer.Paragraph(
            [TextRun.Italic("Tra cứu tình trạng hồ sơ: quét mã QR hoặc truy cập "), TextRun.Italic(form.StatusUrl.AbsoluteUri)],
            note);
        return writer.Finish();
    }

    /// <summary>The desk and applicant lines on the left; the QR code of the status page and the dossier code under it on the right.</summary>
    private static void WriteApplicantBesideQrCode(DocumentWriter writer, ReceiptForm form)
    {
        var style = writer.Field;
        var textWidth = writer.ContentWidth - QrColumnWidth - 6;
        var captionStyle = new ParagraphStyle(writer.BaseFontSize * 0.72f, TextAlignment.Center);
        IReadOnlyList<TextRun> caption = [TextRun.Bold(form.DossierCode)];
        var blockHeight = QrSize + writer.MeasureParagraph(caption, captionStyle, QrColumnWidth);
        writer.EnsureSpace(blockHeight);

        var top = writer.Y;
        var qrX = writer.Right - QrColumnWidth + ((QrColumnWidth - QrSize) / 2);
        writer.DrawQrCode(form.StatusUrl.AbsoluteUri, qrX, top, QrSize);
        writer.DrawParagraphAt(caption, captionStyle, writer.Right - QrColumnWidth, top + QrSize - 4, QrColumnWidth);

        var applicant = form.Applicant;
        var y = top;
        y += writer.DrawParagraphAt([new TextRun(form.DeskName + " tiếp nhận hồ sơ của:")], style, writer.Left, y, textWidth);
        y += writer.DrawParagraphAt([new TextRun("Ông (Bà)/Tổ chức: "), TextRun.Bold(applicant.Name)], style, writer.Left, y, textWidth);
        y += writer.DrawParagraphAt([new TextRun("Số định danh cá nhân/tổ chức: " + Or(applicant.IdentityNumber))], style, writer.Left, y, textWidth);
        y += writer.DrawParagraphAt([new TextRun("Địa chỉ: " + Or(applicant.Address))], style, writer.Left, y, textWidth);
        writer.Y = Math.Max(y, top + blockHeight);
        FormText.PhoneAndEmail(writer, applicant);
    }

    private static Table DocumentsTable(IReadOnlyList<SubmittedDocument> documents, float fontSize)
    {
        var rows = documents
            .Select((d, i) => (IReadOnlyList<TableCell>)
            [
                FormText.Count(i + 1),
                d.Name,
                FormText.Count(d.Copies),
                FormText.CopyKind(d.Kind),
            ])
            .ToList();
        return new Table(
            [
                new TableColumn(8, TextAlignment.Center),
                new TableColumn(55),
                new TableColumn(11, TextAlignment.Center),
                new TableColumn(26, TextAlignment.Center),
            ],
            [[TableCell.Bold("TT"), TableCell.Bold("Tên giấy tờ"), TableCell.Bold("Số bản"), TableCell.Bold("Hình thức")]],
            rows,
            fontSize,
            Padding: 2.5f);
    }

    private static string Or(string? value) => string.IsNullOrWhiteSpace(value) ? FormText.Blank : value;
}
