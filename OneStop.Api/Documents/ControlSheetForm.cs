using NodaTime;

namespace OneStop.Api.Documents;

/// <summary>Form 05, Phiếu kiểm soát quá trình giải quyết hồ sơ. The first hand-over is from the desk.</summary>
public sealed record ControlSheetForm(
    DocumentHeading Heading,
    string DossierCode,
    string ProcessingAgency,
    string? CoordinatingAgencies,
    LocalDateTime ReceivedAt,
    LocalDateTime AppointmentAt,
    IReadOnlyList<HandoverRecord> Handovers);
