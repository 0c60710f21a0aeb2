using NodaTime;

namespace OneStop.Api.Documents;

/// <summary>
/// Thông báo dừng giải quyết hồ sơ: issued when the applicant asks to stop and no decision or
/// result has been issued yet (Decree 118/2025 art. 21, Circular 03/2025 art. 7; the text of the
/// 2025 form is not verified, so the wording follows the other forms).
/// </summary>
/// <remarks>
/// <para><c>RequestedOn</c>: The day the applicant asked to stop.</para>
/// <para><c>Reason</c>: The applicant's stated reason, if any.</para>
/// </remarks>
public sealed record StopNoticeForm(
    DocumentHeading Heading,
    string Addressee,
    ApplicantDetails Applicant,
    string ProcessingAgency,
    string DossierCode,
    string ProcedureName,
    LocalDateTime ReceivedAt,
    LocalDate RequestedOn,
    string? Reason,
    SignatureBlock Signer,
    IReadOnlyList<string> Recipients);
