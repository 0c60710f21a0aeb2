namespace OneStop.Api.Documents;

/// <summary>Renders Form 02 (request to supplement the dossier) on A5; number, title and signature line from the heading's form.</summary>
public sealed class SupplementRequestFormRenderer(DocumentFonts fonts)
{
    public byte[] Render(SupplementRequestForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var definition = form.Heading.Form;
        using var writer = new DocumentWriter(fonts, PageSize.A5, PageMargins.A5Form, definition.Title + " " + form.DossierCode);
        writer.NationalHeading(form.Heading);
        writer.Title(definition.Title);

        writer.Paragraph([new TextRun("Hồ sơ của: "), TextRun.Bold(form.Applicant.Name)], writer.Field);
        FormText.Labelled(writer, "Mã hồ sơ", form.DossierCode, bold: true);
        FormText.Labelled(writer, "Nội dung yêu cầu giải quyết", form.ProcedureName);
        FormText.Labelled(writer, "Địa chỉ", form.Applicant.Address);
        FormText.PhoneAndEmail(writer, form.Applicant);
        writer.Space(writer.BaseFontSize * 0.3f);
        writer.Paragraph([TextRun.Bold("Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:")], writer.Field);
        FormText.Numbered(writer, form.RequiredItems);
        FormText.Labelled(writer, "Lý do", form.Reason);

        var contact = string.IsNullOrWhiteSpace(form.ContactPerson) ? FormText.Blank : form.ContactPerson;
        var phone = string.IsNullOrWhiteSpace(form.ContactPhone) ? FormText.Blank : form.ContactPhone;
        writer.Paragraph(
            [new TextRun($"Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông (Bà) liên hệ với {contact}, số điện thoại {phone} để được hướng dẫn.")],
            writer.Body);

        writer.Signatures([new SignatureBlock("Người hướng dẫn", form.GuidingOfficer, DigitalSignature: definition.DigitalSignature)]);
        return writer.Finish();
    }
}
