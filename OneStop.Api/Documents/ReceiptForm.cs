using NodaTime;

namespace OneStop.Api.Documents;

/// <summary>
/// Form 01, Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Circular 01/2018 art. 9; Circular 03/2025 Phụ lục I; field
/// list in regulations-notes §2). The appointment is a date and a time, not a date alone.
/// </summary>
/// <remarks>
/// <para><c>DeskName</c>: The receiving centre or desk, as in "… tiếp nhận hồ sơ của".</para>
/// <para><c>StatutoryProcessingTime</c>: As the procedure states it, e.g. "05 ngày làm việc".</para>
/// <para><c>ReceivedAt</c>: Reception, office local time.</para>
/// <para><c>AppointmentAt</c>: Appointment to return the result, office local time.</para>
/// <para><c>ReturnPlace</c>: Đăng ký nhận kết quả tại: a desk, or "qua dịch vụ bưu chính công ích".</para>
/// <para><c>ReceivingClerk</c>: The receiving officer's name.</para>
/// <para><c>StatusUrl</c>: The public status page of this dossier, encoded in the QR code.</para>
/// <para><c>TrackingBookVolume</c>: Quyển số of the tracking book, if kept on paper.</para>
/// <para><c>TrackingBookNumber</c>: Số thứ tự in the tracking book.</para>
/// <para><c>CountingFrom</c>: For a dossier received regardless of administrative boundary: when the competent agency
/// received it and the time started counting, and that agency's name (Decree 118/2025 art. 17(3) as amended by Decree
/// 309/2026 art. 8(3)); <c>ReceivedAt</c> is then the receiving desk's instant. Null otherwise.</para>
/// </remarks>
public sealed record ReceiptForm(
    DocumentHeading Heading,
    string DossierCode,
    string DeskName,
    ApplicantDetails Applicant,
    string ProcedureName,
    IReadOnlyList<SubmittedDocument> Documents,
    int NumberOfSets,
    string StatutoryProcessingTime,
    LocalDateTime ReceivedAt,
    LocalDateTime AppointmentAt,
    string ReturnPlace,
    string ReceivingClerk,
    Uri StatusUrl,
    string? TrackingBookVolume = null,
    int? TrackingBookNumber = null,
    (LocalDateTime At, string CompetentAgency)? CountingFrom = null);
