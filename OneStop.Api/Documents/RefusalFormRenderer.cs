namespace OneStop.Api.Documents;

/// <summary>Renders Form 03 (refusal to receive the dossier) on A5; number, title and signature line from the heading's form.</summary>
public sealed class RefusalFormRenderer(DocumentFonts fonts)
{
    public byte[] Render(RefusalForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var definition = form.Heading.Form;
        using var writer = new DocumentWriter(fonts, PageSize.A5, PageMargins.A5Form, definition.Title);
        writer.NationalHeading(form.Heading);
        writer.Title(definition.Title);

        writer.Paragraph([new TextRun(form.DeskName + " tiếp nhận hồ sơ của: "), TextRun.Bold(form.Applicant.Name)], writer.Field);
        FormText.Labelled(writer, "Số định danh cá nhân/tổ chức", form.Applicant.IdentityNumber);
        FormText.Labelled(writer, "Địa chỉ", form.Applicant.Address);
        FormText.PhoneAndEmail(writer, form.Applicant);
        FormText.Labelled(writer, "Mã hồ sơ (nếu có)", form.DossierCode, bold: true);
        FormText.Labelled(writer, "Nội dung yêu cầu giải quyết", form.ProcedureName);
        writer.Paragraph(
            [new TextRun($"Sau khi kiểm tra thành phần hồ sơ, {form.DeskName} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:")],
            writer.Body);
        FormText.Dashed(writer, form.Reasons);
        writer.Paragraph([new TextRun("Xin thông báo để Ông (Bà)/Tổ chức được biết và thực hiện./.")], writer.Body);

        writer.Signatures(
        [
            new SignatureBlock("Người nộp hồ sơ", form.Applicant.Name),
            new SignatureBlock("Người tiếp nhận hồ sơ", form.ReceivingClerk, DigitalSignature: definition.DigitalSignature),
        ]);
        return writer.Finish();
    }
}
