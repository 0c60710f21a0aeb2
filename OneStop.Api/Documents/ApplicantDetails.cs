namespace OneStop.Api.Documents;

/// <summary>The applicant as printed on a form: a person or an organisation.</summary>
/// <remarks>
/// <para><c>Name</c>: Full name with diacritics, e.g. "Nguyễn Thị Hồng Nhung".</para>
/// <para><c>IdentityNumber</c>: Số định danh cá nhân/tổ chức (citizen ID or organisation code).</para>
/// </remarks>
public sealed record ApplicantDetails(
    string Name,
    string? IdentityNumber = null,
    string? Address = null,
    string? Phone = null,
    string? Email = null);
