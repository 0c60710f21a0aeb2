namespace OneStop.Api.Documents;

/// <summary>Form 03, Phiếu từ chối tiếp nhận giải quyết hồ sơ.</summary>
/// <remarks>
/// <para><c>DossierCode</c>: Mã hồ sơ, if one was issued (a refusal at the desk may have none).</para>
/// <para><c>Reasons</c>: The specific reasons, one line each.</para>
/// </remarks>
public sealed record RefusalForm(
    DocumentHeading Heading,
    string DeskName,
    ApplicantDetails Applicant,
    string? DossierCode,
    string ProcedureName,
    IReadOnlyList<string> Reasons,
    string ReceivingClerk);
