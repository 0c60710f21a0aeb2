namespace OneStop.Api.Documents;

/// <summary>
/// Renders Form 04 (apology and new appointment; under Circular 03/2025 "Phiếu xin lỗi và đề nghị gia hạn thời gian
/// giải quyết") on A5; number, title and the head's signature line from the heading's form.
/// </summary>
public sealed class ApologyFormRenderer(DocumentFonts fonts)
{
    /// <summary>The watermark of an apology the head has not signed yet.</summary>
    public const string DraftWatermark = "DỰ THẢO";

    public byte[] Render(ApologyForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var definition = form.Heading.Form;
        using var writer = new DocumentWriter(fonts, PageSize.A5, PageMargins.A5Form, definition.Title + " " + form.DossierCode)
        {
            Watermark = form.IsDraft ? DraftWatermark : null,
        };
        writer.NationalHeading(form.Heading);
        writer.Title(definition.Title);
        writer.Paragraph([new TextRun("Kính gửi: "), TextRun.Bold(form.Addressee)], writer.Field with { Alignment = TextAlignment.Center });
        writer.Space(writer.BaseFontSize * 0.3f);

        var body = writer.Body with { FirstLineIndent = writer.BaseFontSize * 1.5f };
        var agency = form.ProcessingAgency;
        writer.Paragraph(
            [
                new TextRun($"{Capitalise(VietnameseDateFormat.Date(form.ReceivedOn))}, {agency} tiếp nhận giải quyết hồ sơ đề nghị giải quyết thủ tục hành chính {form.ProcedureName} của Ông (Bà)/Tổ chức "),
                TextRun.Bold(form.Applicant.Name),
                new TextRun("."),
            ],
            body);
        FormText.Labelled(writer, "Số định danh cá nhân/tổ chức", form.Applicant.IdentityNumber);
        FormText.Labelled(writer, "Mã số hồ sơ", form.DossierCode, bold: true);
        FormText.Labelled(writer, "Thời gian hẹn trả kết quả giải quyết hồ sơ", VietnameseDateFormat.TimeAndDate(form.OriginalAppointment) + ".");
        writer.Paragraph(
            [new TextRun($"Tuy nhiên đến nay, {agency} chưa trả kết quả giải quyết hồ sơ của Ông (Bà)/Tổ chức đúng thời hạn quy định ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.")],
            body);
        writer.Paragraph([new TextRun("Lý do: " + form.Reason.TrimEnd('.') + ".")], body);
        writer.Paragraph(
            [
                new TextRun($"Sự chậm trễ này đã gây phiền hà, tốn kém chi phí, công sức của Ông (Bà)/Tổ chức. {agency} xin lỗi Ông (Bà)/Tổ chức và sẽ trả kết quả giải quyết hồ sơ cho Ông (Bà)/Tổ chức vào "),
                TextRun.Bold(VietnameseDateFormat.TimeAndDate(form.NewAppointment)),
                new TextRun("."),
            ],
            body);
        writer.Paragraph([new TextRun("Xin trân trọng cảm ơn./.")], body);

        writer.Signatures([form.Signer with { DigitalSignature = definition.DigitalSignature }], form.Recipients);
        return writer.Finish();
    }

    /// <summary>"ngày 03 …" starts a sentence here.</summary>
    private static string Capitalise(string text) =>
        text.Length == 0 ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));
}
