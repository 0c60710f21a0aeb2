using OneStop.Deadlines;

namespace OneStop.Dossiers;

/// <summary>What the desk knows when it accepts a dossier, with its code and tracking number already drawn.</summary>
/// <remarks>
/// <para><c>CutOff</c>: The procedure version's own cut-off (<see cref="CutOffRule"/> text); null for the agency's.</para>
/// <para><c>CitizenSupplementTime</c>: The procedure version's time for the citizen to bring a supplement; null for none.</para>
/// <para><c>ReceivingAgencyId</c>, <c>ReceivedAt</c>: for a dossier received regardless of administrative boundary at
/// another agency's desk, that agency and when it received the dossier (Decree 118/2025 art. 17(3) as amended by
/// Decree 309/2026 art. 8(3)); the clock then starts at the acceptance by the competent agency, not at
/// <c>ReceivedAt</c>.</para>
/// <para><c>SupplementWindow</c>: the procedure version's window for a supplement request (domain rule 5;
/// <see cref="DefaultSupplementWindow"/> when null): it is recorded in the ledger at registration.</para>
/// <para><c>NoticeChannels</c>: the channels the citizen consented to be told on, each with a contact given for it
/// (<see cref="Notifications.CitizenNoticeRule"/>); recorded in the ledger at registration.</para>
/// </remarks>
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
    string? CutOff = null,
    ProcessingTime? CitizenSupplementTime = null,
    Guid? ReceivingAgencyId = null,
    NodaTime.Instant? ReceivedAt = null,
    ProcessingTime? SupplementWindow = null,
    Notifications.CitizenChannels NoticeChannels = Notifications.CitizenChannels.None)
{
    /// <summary>Decree 61/2018 art. 19(4): 3 working days; under Decree 118/2025 set by sector rules, this by default.</summary>
    public static readonly ProcessingTime DefaultSupplementWindow = new(3, DurationUnit.WorkingDays);
}
