namespace OneStop.Api.Documents;

/// <summary>How one form is printed under a form set: its number, its title and the signer's digital-signature line.</summary>
/// <remarks>
/// <para><c>Number</c>: "01", "05", …; null for a form the set does not number (the 2018 stop notice).</para>
/// <para><c>Title</c>: The form's name, printed upper-case as its title, e.g. "Giấy tiếp nhận hồ sơ và hẹn trả kết quả".</para>
/// <para><c>DigitalSignature</c>: The line under the official signer's capacity on an electronic form, e.g.
/// "(Chữ ký số của người tiếp nhận hồ sơ nếu là biểu mẫu điện tử)" (Circular 03/2025 Phụ lục I); null when the set
/// has none (Circular 01/2018) or the form is not signed (control sheet, tracking book).</para>
/// </remarks>
public sealed record FormDefinition(string? Number, string Title, string? DigitalSignature = null)
{
    /// <summary>The label printed above the heading, "Mẫu số 05"; null when the form has no number.</summary>
    public string? Label => string.IsNullOrWhiteSpace(Number) ? null : "Mẫu số " + Number;

    /// <summary>"Mẫu 05" in short texts (buttons, notices); empty when the form has no number.</summary>
    public string ShortLabel => string.IsNullOrWhiteSpace(Number) ? string.Empty : "Mẫu " + Number;
}
