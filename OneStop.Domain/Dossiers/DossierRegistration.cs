using OneStop.Deadlines;

namespace OneStop.Dossiers;

/// <summary>What the desk knows when it accepts a dossier, with its code and tracking number already drawn.</summary>
public sealed record DossierRegistration(
    string Code,
    int TrackingNumber,
    Guid AgencyId,
    Guid ProcedureVersionId,
    ProcessingTime ProcessingTime,
    CountingMode CountingMode,
    Channel Channel,
    Person Applicant,
    Person? Proxy,
    IReadOnlyList<SubmittedDocument> Documents);
