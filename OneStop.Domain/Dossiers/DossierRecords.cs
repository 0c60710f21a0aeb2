using NodaTime;

namespace OneStop.Dossiers;

/// <summary>A printed receipt (Form 01) and its appointment. Re-issues are kept: number 1 is the first.</summary>
public sealed class Receipt
{
    private Receipt()
    {
    }

    internal Receipt(Guid dossierId, int number, Instant issuedAt, Instant appointmentAt, string actor, string? reason)
    {
        Id = Guid.CreateVersion7(issuedAt.ToDateTimeOffset());
        DossierId = dossierId;
        Number = number;
        IssuedAt = issuedAt;
        AppointmentAt = appointmentAt;
        IssuedBy = actor;
        Reason = reason;
    }

    public Guid Id { get; private set; }

    public Guid DossierId { get; private set; }

    public int Number { get; private set; }

    public Instant IssuedAt { get; private set; }

    public Instant AppointmentAt { get; private set; }

    public string IssuedBy { get; private set; } = string.Empty;

    public string? Reason { get; private set; }
}

/// <summary>A supplement request (Form 02) and, once it comes back, when.</summary>
public sealed class SupplementRequest
{
    private SupplementRequest()
    {
    }

    internal SupplementRequest(Guid dossierId, int number, Instant requestedAt, string unit, string reason, string missingDocuments, string actor)
    {
        Id = Guid.CreateVersion7(requestedAt.ToDateTimeOffset());
        DossierId = dossierId;
        Number = number;
        RequestedAt = requestedAt;
        Unit = unit;
        Reason = reason;
        MissingDocuments = missingDocuments;
        RequestedBy = actor;
    }

    public Guid Id { get; private set; }

    public Guid DossierId { get; private set; }

    public int Number { get; private set; }

    public Instant RequestedAt { get; private set; }

    public string Unit { get; private set; } = string.Empty;

    public string Reason { get; private set; } = string.Empty;

    /// <summary>The missing or incomplete documents, one per line.</summary>
    public string MissingDocuments { get; private set; } = string.Empty;

    public string RequestedBy { get; private set; } = string.Empty;

    public Instant? ReceivedAt { get; private set; }

    internal void MarkReceived(Instant at) => ReceivedAt = at;
}

/// <summary>The state of an apology letter.</summary>
public enum ApologyStatus
{
    /// <summary>Drafted by the department, waiting for the head's signature.</summary>
    Pending,

    /// <summary>Signed by the head of agency: the appointment moved.</summary>
    Approved,

    /// <summary>Turned down by the head of agency, with a reason: the appointment did not move; a new draft may follow.</summary>
    Rejected,
}

/// <summary>An apology and new appointment (Form 04), signed by the head of the agency.</summary>
public sealed class Apology
{
    private Apology()
    {
    }

    internal Apology(Guid dossierId, Instant requestedAt, string reason, Instant newAppointmentAt, string actor)
    {
        Id = Guid.CreateVersion7(requestedAt.ToDateTimeOffset());
        DossierId = dossierId;
        RequestedAt = requestedAt;
        Reason = reason;
        NewAppointmentAt = newAppointmentAt;
        RequestedBy = actor;
    }

    public Guid Id { get; private set; }

    public Guid DossierId { get; private set; }

    public Instant RequestedAt { get; private set; }

    public string Reason { get; private set; } = string.Empty;

    public Instant NewAppointmentAt { get; private set; }

    public string RequestedBy { get; private set; } = string.Empty;

    public ApologyStatus Status { get; private set; }

    public string? ApprovedBy { get; private set; }

    public Instant? ApprovedAt { get; private set; }

    public string? RejectedBy { get; private set; }

    public Instant? RejectedAt { get; private set; }

    public string? RejectionReason { get; private set; }

    internal void Approve(string head, Instant at)
    {
        Status = ApologyStatus.Approved;
        ApprovedBy = head;
        ApprovedAt = at;
    }

    internal void Reject(string head, Instant at, string reason)
    {
        Status = ApologyStatus.Rejected;
        RejectedBy = head;
        RejectedAt = at;
        RejectionReason = reason;
    }
}

/// <summary>How a step finished against its budget (the control sheet's last column).</summary>
public enum StepOutcome
{
    /// <summary>No budget was set for the step.</summary>
    None,
    Early,
    OnTime,
    Late,
}

/// <summary>A hand-over between units: one row of the control sheet (Form 05).</summary>
public sealed class Handover
{
    private Handover()
    {
    }

    internal Handover(Guid dossierId, int number, string fromUnit, string toUnit, Instant at, string giver, string receiver, Instant? stepDueAt, StepOutcome finishedStep)
    {
        Id = Guid.CreateVersion7(at.ToDateTimeOffset());
        DossierId = dossierId;
        Number = number;
        FromUnit = fromUnit;
        ToUnit = toUnit;
        At = at;
        Giver = giver;
        Receiver = receiver;
        StepDueAt = stepDueAt;
        FinishedStepOutcome = finishedStep;
    }

    public Guid Id { get; private set; }

    public Guid DossierId { get; private set; }

    public int Number { get; private set; }

    public string FromUnit { get; private set; } = string.Empty;

    public string ToUnit { get; private set; } = string.Empty;

    public Instant At { get; private set; }

    public string Giver { get; private set; } = string.Empty;

    public string Receiver { get; private set; } = string.Empty;

    /// <summary>When the receiving unit's step is due, from its budget.</summary>
    public Instant? StepDueAt { get; private set; }

    /// <summary>How the step that this hand-over ends went against its budget.</summary>
    public StepOutcome FinishedStepOutcome { get; private set; }
}

/// <summary>A citizen's visit to the desk about the dossier.</summary>
public sealed class CitizenVisit
{
    private CitizenVisit()
    {
    }

    internal CitizenVisit(Guid dossierId, Instant at, string note, string actor, bool resultWasReady)
    {
        Id = Guid.CreateVersion7(at.ToDateTimeOffset());
        DossierId = dossierId;
        At = at;
        Note = note;
        LoggedBy = actor;
        ResultWasReady = resultWasReady;
    }

    public Guid Id { get; private set; }

    public Guid DossierId { get; private set; }

    public Instant At { get; private set; }

    public string Note { get; private set; } = string.Empty;

    public string LoggedBy { get; private set; } = string.Empty;

    /// <summary>Whether the ledger said a result was ready when the citizen came.</summary>
    public bool ResultWasReady { get; private set; }
}
