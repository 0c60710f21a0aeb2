using NodaTime;

namespace OneStop.Api.Documents;

/// <summary>
/// One line of the tracking book. <see cref="Number"/> is the running number, continuous from
/// 01 to the end of the year across volumes (Circular 01/2018 art. 10), so the caller supplies it.
/// </summary>
public sealed record TrackingBookEntry(
    int Number,
    string DossierCode,
    string ProcedureName,
    string ApplicantName,
    string? Address,
    string? Phone,
    string LeadAgency,
    LocalDateTime ReceivedAt,
    LocalDateTime AppointmentAt,
    LocalDateTime? ReturnedAt,
    string? ReturnMethod);
