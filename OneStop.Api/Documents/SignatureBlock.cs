namespace OneStop.Api.Documents;

/// <summary>A signature block: the signer's capacity (upper-case, bold), a note, room to sign, and the name.</summary>
/// <remarks>
/// <para><c>Title</c>: E.g. "NGƯỜI TIẾP NHẬN HỒ SƠ".</para>
/// <para><c>Name</c>: The printed name under the signature; null leaves the line blank.</para>
/// <para><c>Note</c>: The italic note under the title.</para>
/// <para><c>DigitalSignature</c>: The line for the signer's digital signature on an electronic form (Circular 03/2025
/// Phụ lục I), printed italic under the note; null when the form set has none.</para>
/// </remarks>
public sealed record SignatureBlock(string Title, string? Name, string? Note = "(Ký và ghi rõ họ tên)", string? DigitalSignature = null);
