namespace OneStop.Api.Documents;

/// <summary>Renders the stop notice (Thông báo dừng giải quyết hồ sơ; Form 05 of Circular 03/2025, unnumbered in 2018) on A5.</summary>
public sealed class StopNoticeRenderer(DocumentFonts fonts)
{
    public byte[] Render(StopNoticeForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var definition = form.Heading.Form;
        using var writer = new DocumentWriter(fonts, PageSize.A5, PageMargins.A5Form, definition.Title + " " + form.DossierCode);
        writer.NationalHeading(form.Heading);
        writer.Title(definition.Title);
        writer.Paragraph([new TextRun("Kính gửi: "), TextRun.Bold(form.Addressee)], writer.Field with { Alignment = TextAlignment.Center });
        writer.Space(writer.BaseFontSize * 0.3f);

        var body = writer.Body with { FirstLineIndent = writer.BaseFontSize * 1.5f };
        var agency = form.ProcessingAgency;
        writer.Paragraph(
            [
                new TextRun($"Vào {VietnameseDateFormat.TimeAndDate(form.ReceivedAt)}, {agency} tiếp nhận hồ sơ đề nghị giải quyết thủ tục hành chính {form.ProcedureName} của Ông (Bà)/Tổ chức "),
                TextRun.Bold(form.Applicant.Name),
                new TextRun(", mã số hồ sơ "),
                TextRun.Bold(form.DossierCode),
                new TextRun("."),
            ],
            body);
        var reason = string.IsNullOrWhiteSpace(form.Reason) ? string.Empty : " với lý do: " + form.Reason.TrimEnd('.');
        writer.Paragraph(
            [new TextRun($"{Capitalise(VietnameseDateFormat.Date(form.RequestedOn))}, Ông (Bà)/Tổ chức có yêu cầu dừng giải quyết hồ sơ nêu trên{reason}.")],
            body);
        writer.Paragraph(
            [new TextRun($"Do hồ sơ chưa có quyết định hoặc kết quả giải quyết, {agency} thông báo dừng giải quyết hồ sơ nêu trên theo yêu cầu của Ông (Bà)/Tổ chức.")],
            body);
        writer.Paragraph([new TextRun("Xin thông báo để Ông (Bà)/Tổ chức được biết./.")], body);

        writer.Signatures([form.Signer with { DigitalSignature = definition.DigitalSignature }], form.Recipients);
        return writer.Finish();
    }

    private static string Capitalise(string text) =>
        text.Length == 0 ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));
}
