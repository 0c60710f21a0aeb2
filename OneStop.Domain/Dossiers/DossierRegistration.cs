using OneStop.Deadlines;

namespace OneStop.Dossiers;

/// <summary>
/// What the desk knows when it accepts a dossier, with its code and tracking number already drawn.
/// <paramref name="SupplementWindow"/> is the procedure version's window for a supplement request (domain rule 5;
/// <see cref="DefaultSupplementWindow"/> when null): it is recorded in the ledger at registration.
/// </summary>
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
    IReadOnlyList<SubmittedDocument> Documents,
    ProcessingTime? SupplementWindow = null)
{
    /// <summary>Decree 61/2018 art. 19(4): 3 working days; under Decree 118/2025 set by sector rules, this by default.</summary>
    public static readonly ProcessingTime DefaultSupplementWindow = new(3, DurationUnit.WorkingDays);
}
