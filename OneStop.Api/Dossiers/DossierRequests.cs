using OneStop.Dossiers;

namespace OneStop.Api.Dossiers;

/// <summary>A person on the dossier: the applicant or the proxy.</summary>
public sealed record PersonRequest(string? FullName, string? IdNumber, string? Phone, string? Address, string? Email);

/// <summary>A document handed in.</summary>
public sealed record DocumentRequest(string? Name, int Originals, int Copies);

/// <summary>
/// <c>POST /api/dossiers</c>: procedure by national code, applicant, optional proxy, documents (the procedure's
/// checklist when empty), channel, and <c>acceptedAt</c> (now when absent). <c>agency</c> is the receiving agency's
/// electronic id; the clerk's own agency when absent. It is the competent agency: for a dossier received regardless of
/// administrative boundary at another agency's desk, <c>receivedElsewhere</c> names that desk's agency and when it
/// received the dossier, and <c>acceptedAt</c> is when the competent agency received it, from which the clock counts
/// (Decree 118/2025 art. 17(3) as amended by Decree 309/2026 art. 8(3)). <c>noticeConsent</c>: the citizen agrees
/// to be told of each change of status (Decree 224/2026 art. 15(1)(g)) by e-mail and SMS/Zalo, on the contacts given
/// (an e-mail address or a phone number of the applicant or proxy is then required).
/// </summary>
public sealed record RegisterDossierRequest(
    string? ProcedureCode,
    string? Agency,
    PersonRequest? Applicant,
    PersonRequest? Proxy,
    IReadOnlyList<DocumentRequest>? Documents,
    Channel? Channel,
    string? AcceptedAt,
    ReceivedElsewhereRequest? ReceivedElsewhere = null,
    bool? NoticeConsent = null);

/// <summary>The desk that received a dossier outside the competent agency's area: its agency's electronic id and the instant.</summary>
public sealed record ReceivedElsewhereRequest(string? Agency, string? ReceivedAt);

public sealed record HandoverRequest(string? ToUnit, string? Giver, string? Receiver, int? StepBudgetHours, string? OccurredAt);

public sealed record SupplementRequestRequest(string? Reason, string? MissingDocuments, string? OccurredAt);

public sealed record OccurredAtRequest(string? OccurredAt);

public sealed record ApologyRequest(string? Reason, string? NewAppointmentAt, string? OccurredAt);

public sealed record NoteRequest(string? Note, string? OccurredAt);

public sealed record ReturnRequest(string? ReceivedBy, string? OccurredAt);

public sealed record ReasonRequest(string? Reason, string? OccurredAt);

public sealed record ReissueReceiptRequest(string? AppointmentAt, string? Reason, string? OccurredAt);
