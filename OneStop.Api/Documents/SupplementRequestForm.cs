namespace OneStop.Api.Documents;

/// <summary>Form 02, Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.</summary>
/// <remarks>
/// <para><c>RequiredItems</c>: "Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau", one line each (numbered when printed).</para>
/// <para><c>ContactPerson</c>: Who helps if the applicant is stuck, with <c>ContactPhone</c>.</para>
/// <para><c>GuidingOfficer</c>: The officer who signs as NGƯỜI HƯỚNG DẪN.</para>
/// </remarks>
public sealed record SupplementRequestForm(
    DocumentHeading Heading,
    string DossierCode,
    ApplicantDetails Applicant,
    string ProcedureName,
    IReadOnlyList<string> RequiredItems,
    string Reason,
    string? ContactPerson,
    string? ContactPhone,
    string GuidingOfficer);
