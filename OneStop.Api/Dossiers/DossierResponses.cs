using OneStop.Calendar;
using OneStop.Dossiers;

namespace OneStop.Api.Dossiers;

/// <summary>The answer to a registration: the code and the three dates the receipt prints.</summary>
public sealed record RegisteredDossierResponse(string Code, int TrackingNumber, string CountingStartsAt, string StatutoryDueAt, string AppointmentAt, string CalendarStatus)
{
    public static RegisteredDossierResponse From(Dossier d) => new(
        d.Code, d.TrackingNumber, OfficeTime.FormatIso(d.CountingStartsAt), OfficeTime.FormatIso(d.StatutoryDueAt),
        OfficeTime.FormatIso(d.AppointmentAt), d.DueCalendarStatus.ToString().ToLowerInvariant());
}

/// <summary>A row of a dossier list: no personal data.</summary>
public sealed record DossierSummaryResponse(
    string Code, string ProcedureCode, string ProcedureName, string Status, string CurrentUnit, string AcceptedAt, string StatutoryDueAt, string AppointmentAt)
{
    public static DossierSummaryResponse From(Dossier d, string procedureCode, string procedureName) => new(
        d.Code, procedureCode, procedureName, d.Status.ToString(), d.CurrentUnit, OfficeTime.FormatIso(d.AcceptedAt),
        OfficeTime.FormatIso(d.StatutoryDueAt), OfficeTime.FormatIso(d.AppointmentAt));
}

public sealed record PersonResponse(string FullName, string? IdNumber, string? Phone, string? Address, string? Email)
{
    public static PersonResponse? From(Person? p) => p is null ? null : new(p.FullName, p.IdNumber, p.Phone, p.Address, p.Email);
}

/// <summary>A dossier in full, personal data included (each read is logged).</summary>
public sealed record DossierResponse(
    string Code,
    string Agency,
    string ProcedureCode,
    string ProcedureName,
    int TrackingNumber,
    string Channel,
    PersonResponse Applicant,
    PersonResponse? Proxy,
    IReadOnlyList<SubmittedDocument> Documents,
    string Status,
    string CurrentUnit,
    string AcceptedAt,
    string ProcessingTime,
    string CountingMode,
    string CountingStartsAt,
    string StatutoryDueAt,
    string CalendarStatus,
    string AppointmentAt,
    int Reschedulings,
    int SupplementRequests,
    string? StepDueAt,
    string? ResultReadyAt,
    string? ClosedAt,
    IReadOnlyList<ApologyResponse> Apologies,
    int Version,
    string? CutOff = null,
    string? SupplementDueAt = null,
    ReceivedElsewhereResponse? ReceivedElsewhere = null);

/// <summary>
/// A dossier received regardless of administrative boundary: the desk's agency (electronic id) and when it received
/// the dossier; the clock counts from the competent agency's acceptance (<c>acceptedAt</c>).
/// </summary>
public sealed record ReceivedElsewhereResponse(string Agency, string AgencyName, string ReceivedAt);

public sealed record ApologyResponse(
    Guid Id, string Status, string Reason, string NewAppointmentAt, string RequestedAt, string? ApprovedBy, string? RejectedBy = null, string? RejectionReason = null)
{
    public static ApologyResponse From(Apology a) => new(
        a.Id, a.Status.ToString(), a.Reason, OfficeTime.FormatIso(a.NewAppointmentAt), OfficeTime.FormatIso(a.RequestedAt), a.ApprovedBy, a.RejectedBy, a.RejectionReason);
}

/// <summary>One ledger entry.</summary>
public sealed record DossierEventResponse(int Sequence, string Kind, string Actor, string RecordedAt, string OccurredAt, IReadOnlyDictionary<string, string> Details, string Hash)
{
    /// <summary>Details that name a citizen: showing one is a personal-data read.</summary>
    public static readonly IReadOnlyList<string> PersonalDetails = ["receivedBy"];

    public static DossierEventResponse From(DossierEvent e) => new(
        e.Sequence, e.Kind.ToString(), e.Actor, OfficeTime.FormatIso(e.RecordedAt), OfficeTime.FormatIso(e.OccurredAt), EventDetails.Read(e.Details), e.Hash);
}

/// <summary>The hash chain check.</summary>
/// <summary>
/// <c>GET /api/dossiers/{code}/verify</c>: <c>valid</c> when the keyed chain holds, the row equals the replay of its
/// events and the head reaches the latest checkpoint's.
/// </summary>
public sealed record LedgerVerificationResponse(
    string Code, bool Valid, int Events, int? FirstBrokenSequence, IReadOnlyList<RowDifferenceResponse> RowDifferences, CheckpointCheckResponse? Checkpoint);

/// <summary>A column of the dossier row that its ledger does not support: the row's value and the ledger's.</summary>
public sealed record RowDifferenceResponse(string Column, string? Row, string? Ledger);

/// <summary>The latest signed checkpoint: when, the head it anchored for this dossier (none: not anchored yet), and whether the ledger reaches it.</summary>
public sealed record CheckpointCheckResponse(string CreatedAt, int? Count, string? Hash, bool Reached);

/// <summary>The answer to an action: the dossier's state after it.</summary>
public sealed record DossierStateResponse(string Code, string Status, string CurrentUnit, string StatutoryDueAt, string AppointmentAt, int Version)
{
    public static DossierStateResponse From(Dossier d) => new(
        d.Code, d.Status.ToString(), d.CurrentUnit, OfficeTime.FormatIso(d.StatutoryDueAt), OfficeTime.FormatIso(d.AppointmentAt), d.Version);
}
