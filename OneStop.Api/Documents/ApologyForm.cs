using NodaTime;

namespace OneStop.Api.Documents;

/// <summary>
/// Form 04, Phiếu xin lỗi và hẹn lại ngày trả kết quả (2025 title: "… và đề nghị gia hạn thời
/// gian giải quyết"). Signed by the head of the processing agency, not the desk clerk.
/// </summary>
/// <remarks>
/// <para><c>Addressee</c>: "Kính gửi: …", e.g. "Bà Nguyễn Thị Hồng Nhung".</para>
/// <para><c>ProcessingAgency</c>: The agency that is late and apologises.</para>
/// <para><c>ReceivedOn</c>: The day the dossier was received.</para>
/// <para><c>OriginalAppointment</c>: The appointment on the receipt.</para>
/// <para><c>NewAppointment</c>: The new appointment.</para>
/// <para><c>Signer</c>: Defaults on the form to "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ".</para>
/// <para><c>Recipients</c>: "Nơi nhận", e.g. "Như trên", "Lưu: VT".</para>
/// <para><c>IsDraft</c>: Not yet signed by the head: every page carries the watermark "DỰ THẢO".</para>
/// </remarks>
public sealed record ApologyForm(
    DocumentHeading Heading,
    string Addressee,
    ApplicantDetails Applicant,
    string ProcessingAgency,
    LocalDate ReceivedOn,
    string ProcedureName,
    string DossierCode,
    LocalDateTime OriginalAppointment,
    string Reason,
    LocalDateTime NewAppointment,
    SignatureBlock Signer,
    IReadOnlyList<string> Recipients,
    bool IsDraft = false);
