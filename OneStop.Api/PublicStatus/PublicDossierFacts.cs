using NodaTime;
using OneStop.Dossiers;

namespace OneStop.Api.PublicStatus;

/// <summary>
/// What the public lookup reads of a dossier: its state and the public parts of its forms (Form 02's missing
/// documents, Form 04's new date and reason, the reason of Form 03 or of the stop notice), and the agency's
/// contact block. Nothing personal. Cached per code (<see cref="PublicStatusCache"/>); what depends on the time
/// ("late") is judged per request by <see cref="PublicStatusStory"/>.
/// </summary>
public sealed record PublicDossierFacts(
    string Code,
    string ProcedureName,
    DossierStatus Status,
    Instant AppointmentAt,
    Instant StatutoryDueAt,
    Instant? ResultReadyAt,
    Instant? ClosedAt,
    PublicSupplement? Supplement,
    PublicApology? Apology,
    string? ClosingReason,
    PublicContact Contact,
    bool Rated);

/// <summary>Form 02 as the citizen needs it: what to bring, why, and by when.</summary>
public sealed record PublicSupplement(IReadOnlyList<string> MissingDocuments, string Reason, Instant RequestedAt, Instant? BringBy);

/// <summary>Form 04 as signed: the new appointment and the reason.</summary>
public sealed record PublicApology(Instant NewAppointmentAt, string Reason);

/// <summary>Where to ask and collect: the desk of the agency that received the dossier (domain rule 11).</summary>
public sealed record PublicContact(string Agency, string Desk, string Address, string Phone, IReadOnlyList<string> Hours);
