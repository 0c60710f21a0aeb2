using NodaTime;
using OneStop.Calendar;
using OneStop.Deadlines;
using OneStop.Sla;

namespace OneStop.Dossiers;

/// <summary>
/// A citizen's dossier. Its columns are a projection of its ledger: every change goes through a named method
/// that checks the rules, updates the projection and appends one <see cref="DossierEvent"/>; nothing edits or
/// deletes an event. New events wait in <see cref="PendingEvents"/> until the context saves them.
/// </summary>
/// <remarks>
/// Three deadlines are kept apart (domain.md): <see cref="StatutoryDueAt"/> (acceptance, or the last supplement
/// restart, plus the statutory time: lateness is measured against it), <see cref="AppointmentAt"/> (what the
/// citizen's current receipt or apology says) and <see cref="StepDueAt"/> (the current unit's budget).
/// </remarks>
public sealed class Dossier
{
    /// <summary>The desk's own unit name in hand-overs.</summary>
    public const string DeskUnit = "Bộ phận Một cửa";

    private readonly List<DossierEvent> _pending = [];

    private Dossier()
    {
    }

    public Guid Id { get; private set; }

    /// <summary><c>&lt;agency electronic id&gt;-YYMMDD-XXXX</c> (Circular 01/2018 art. 19).</summary>
    public string Code { get; private set; } = string.Empty;

    public Guid AgencyId { get; private set; }

    /// <summary>The procedure version it was received under, kept for life (domain rule 2).</summary>
    public Guid ProcedureVersionId { get; private set; }

    /// <summary>The line in the agency's tracking book (Form 06), continuous through the year.</summary>
    public int TrackingNumber { get; private set; }

    public Channel Channel { get; private set; }

    public Person Applicant { get; private set; } = null!;

    public Person? Proxy { get; private set; }

    /// <summary>
    /// The channels the citizen consented at registration to be told of each change of status on (Decree
    /// 224/2026 art. 15(1)(g); <see cref="Notifications.CitizenNoticeRule"/>); none without consent.
    /// </summary>
    public Notifications.CitizenChannels NoticeChannels { get; private set; }

    public List<SubmittedDocument> Documents { get; private set; } = [];

    public DossierStatus Status { get; private set; }

    /// <summary>The unit holding the dossier now.</summary>
    public string CurrentUnit { get; private set; } = DeskUnit;

    public Instant AcceptedAt { get; private set; }

    public int ProcessingAmount { get; private set; }

    public DurationUnit ProcessingUnit { get; private set; }

    public CountingMode CountingMode { get; private set; }

    public ProcessingTime ProcessingTime => new(ProcessingAmount, ProcessingUnit);

    /// <summary>The procedure version's own cut-off (<see cref="CutOffRule"/> text), applied to the agency's hours; null for the agency's.</summary>
    public string? CutOff { get; private set; }

    public int? CitizenSupplementAmount { get; private set; }

    public DurationUnit? CitizenSupplementUnit { get; private set; }

    /// <summary>How long the citizen has to bring a requested supplement (from the procedure version); null: no limit.</summary>
    public ProcessingTime? CitizenSupplementTime =>
        CitizenSupplementAmount is { } amount && CitizenSupplementUnit is { } unit ? new ProcessingTime(amount, unit) : null;

    /// <summary>While a supplement is awaited: when the citizen's time to bring it ends and the dossier closes.</summary>
    public Instant? SupplementDueAt { get; private set; }

    /// <summary>
    /// For a dossier received regardless of administrative boundary: the agency whose desk received it (the
    /// dossier's own agency is the competent one). Null when the competent agency's desk received it.
    /// </summary>
    public Guid? ReceivingAgencyId { get; private set; }

    /// <summary>When <see cref="ReceivingAgencyId"/>'s desk received the dossier; the clock starts later, at <see cref="AcceptedAt"/>.</summary>
    public Instant? ReceivedAt { get; private set; }

    /// <summary>When the statutory clock (re)started counting.</summary>
    public Instant CountingStartsAt { get; private set; }

    public Instant StatutoryDueAt { get; private set; }

    /// <summary>Provisional while a year it spans has no notice yet; restated when the notice comes.</summary>
    public CalendarStatus DueCalendarStatus { get; private set; }

    public Instant AppointmentAt { get; private set; }

    /// <summary>How many times the appointment moved (at most once: Decree 61/2018 art. 19(9); under Decree 118/2025 as restated by the provinces).</summary>
    public int Reschedulings { get; private set; }

    public int SupplementRequestCount { get; private set; }

    public Instant? StepDueAt { get; private set; }

    /// <summary>When the current step (the current unit's turn) began: its last hand-over.</summary>
    public Instant? StepStartedAt { get; private set; }

    public Instant? ResultReadyAt { get; private set; }

    public Instant? ClosedAt { get; private set; }

    /// <summary>The SLA projection the worker keeps: where the dossier stands against its statutory due.</summary>
    public SlaState SlaState { get; private set; }

    /// <summary>Where the current step stands against its own due (<see cref="StepDueAt"/>); a hand-over resets it.</summary>
    public SlaState StepSlaState { get; private set; }

    /// <summary>
    /// When the worker looks at the dossier next (indexed): the next SLA boundary, or null while nothing can
    /// change by time alone. Every event sets it to the event's time, so that any change is looked at.
    /// </summary>
    public Instant? NextSlaCheckAt { get; private set; }

    /// <summary>Number of events in the ledger; the last one's sequence.</summary>
    public int EventCount { get; private set; }

    public string LastEventHash { get; private set; } = string.Empty;

    /// <summary>Optimistic concurrency: bumped with every event.</summary>
    public int Version { get; private set; }

    public List<Receipt> Receipts { get; private set; } = [];

    public List<SupplementRequest> SupplementRequests { get; private set; } = [];

    public List<Apology> Apologies { get; private set; } = [];

    public List<Handover> Handovers { get; private set; } = [];

    public List<CitizenVisit> Visits { get; private set; } = [];

    /// <summary>Events appended since the dossier was loaded; the DbContext saves them.</summary>
    public IReadOnlyList<DossierEvent> PendingEvents => _pending;

    /// <summary>
    /// Registers a dossier accepted at the desk and issues receipt 1 with the statutory due as appointment. The clock
    /// starts at <see cref="DossierAction.OccurredAt"/>, the acceptance by the competent agency; for a dossier received
    /// regardless of administrative boundary that is when the competent agency received it, after the receiving desk
    /// (Decree 118/2025 art. 17(3) as amended by Decree 309/2026 art. 8(3)).
    /// </summary>
    public static Dossier Register(DossierRegistration registration, DossierAction action, DeadlineCalculator calculator, OfficeHours hours)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(calculator);
        CheckDeclaredTime(action, action.OccurredAt);
        if (registration.ReceivedAt is { } receivedAt && (receivedAt > action.OccurredAt || registration.ReceivingAgencyId is null))
        {
            throw new ArgumentOutOfRangeException(nameof(registration), "A receiving desk's instant needs its agency and cannot follow the competent agency's acceptance.");
        }

        registration.CitizenSupplementTime?.Validate();
        var deadline = Due(action.OccurredAt, registration.ProcessingTime, registration.CountingMode, registration.CutOff, calculator, hours);
        hours = CutOffRule.Apply(registration.CutOff, hours);
        var dossier = new Dossier
        {
            Id = Guid.CreateVersion7(action.RecordedAt.ToDateTimeOffset()),
            Code = registration.Code,
            AgencyId = registration.AgencyId,
            ProcedureVersionId = registration.ProcedureVersionId,
            TrackingNumber = registration.TrackingNumber,
            Channel = registration.Channel,
            Applicant = registration.Applicant,
            Proxy = registration.Proxy,
            NoticeChannels = registration.NoticeChannels,
            Documents = [.. registration.Documents],
            Status = DossierStatus.Received,
            AcceptedAt = action.OccurredAt,
            ProcessingAmount = registration.ProcessingTime.Amount,
            ProcessingUnit = registration.ProcessingTime.Unit,
            CountingMode = registration.CountingMode,
            CutOff = CutOffRule.FromStored(registration.CutOff)?.Text,
            CitizenSupplementAmount = registration.CitizenSupplementTime?.Amount,
            CitizenSupplementUnit = registration.CitizenSupplementTime?.Unit,
            ReceivingAgencyId = registration.ReceivingAgencyId,
            ReceivedAt = registration.ReceivingAgencyId is null ? null : registration.ReceivedAt ?? action.OccurredAt,
            CountingStartsAt = deadline.CountingStartsAt,
            StatutoryDueAt = deadline.DueAt,
            DueCalendarStatus = deadline.CalendarStatus,
            AppointmentAt = deadline.DueAt,
        };
        dossier.LastEventHash = LedgerHash.Genesis(dossier.Id);
        dossier.Receipts.Add(new Receipt(dossier.Id, 1, action.RecordedAt, deadline.DueAt, action.Actor, null));
        dossier.Append(DossierEventKind.Registered, action, EventDetails.Of(
            ("code", dossier.Code),
            ("trackingNumber", dossier.TrackingNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("processingTime", dossier.ProcessingTime.ToString()),
            ("processingAmount", dossier.ProcessingAmount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("processingUnit", dossier.ProcessingUnit.ToString()),
            ("supplementWindow", DossierRow.Text(registration.SupplementWindow ?? DossierRegistration.DefaultSupplementWindow)),
            ("countingMode", dossier.CountingMode.ToString()),
            ("countingStartsAt", Iso(deadline.CountingStartsAt)),
            ("statutoryDueAt", Iso(deadline.DueAt)),
            ("appointmentAt", Iso(deadline.DueAt)),
            ("calendarStatus", deadline.CalendarStatus.ToString()),
            ("cutOff", dossier.CutOff),
            ("citizenSupplementTime", dossier.CitizenSupplementTime?.ToString()),
            ("receivingAgencyId", dossier.ReceivingAgencyId?.ToString()),
            ("receivedAt", dossier.ReceivedAt is { } at ? Iso(at) : null),
            ("calendarRevision", calculator.Calendar.Revision),
            ("officeHours", hours.ToRuleText()),
            ("noticeChannels", registration.NoticeChannels == Notifications.CitizenChannels.None ? null : registration.NoticeChannels.ToString())));
        return dossier;
    }

    /// <summary>
    /// The statutory due (and first appointment) of a dossier accepted at <paramref name="acceptedAt"/>: the
    /// procedure's cut-off applied to the office hours, then the deadline rule. What <see cref="Register"/> records
    /// and the receipt prints; the registration page previews it before saving.
    /// </summary>
    public static Deadline Due(Instant acceptedAt, ProcessingTime time, CountingMode mode, string? cutOff, DeadlineCalculator calculator, OfficeHours hours)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        return calculator.Compute(acceptedAt, time, CutOffRule.Apply(cutOff, hours), mode);
    }

    /// <summary>
    /// Records a hand-over from the current unit to <paramref name="toUnit"/>. The finished step is judged
    /// against its due; the new step gets a due from <paramref name="stepBudgetHours"/> working hours.
    /// </summary>
    public Handover HandOver(string toUnit, string giver, string receiver, int? stepBudgetHours, DossierAction action, DeadlineCalculator calculator, OfficeHours hours)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(toUnit);
        ArgumentNullException.ThrowIfNull(calculator);
        CheckOpen(action);
        if (Status is not (DossierStatus.Received or DossierStatus.InProcess))
        {
            throw new DossierRuleException(DossierRules.HandoverNotInProcess, $"A {Status} dossier is not handed over between units.");
        }

        var outcome = StepDueAt is { } due ? OutcomeAgainst(due, action.OccurredAt) : StepOutcome.None;
        Instant? newStepDue = stepBudgetHours is > 0
            ? calculator.AddWorkingTime(action.OccurredAt, stepBudgetHours.Value * 3600L, hours)
            : null;
        var handover = new Handover(Id, Handovers.Count + 1, CurrentUnit, toUnit, action.OccurredAt, giver, receiver, newStepDue, outcome);
        Handovers.Add(handover);
        var from = CurrentUnit;
        CurrentUnit = toUnit;
        StepStartedAt = action.OccurredAt;
        StepDueAt = newStepDue;
        StepSlaState = SlaState.OnTrack;
        if (Status == DossierStatus.Received && toUnit != DeskUnit)
        {
            Status = DossierStatus.InProcess;
        }

        Append(DossierEventKind.HandedOver, action, EventDetails.Of(
            ("from", from),
            ("to", toUnit),
            ("giver", giver),
            ("receiver", receiver),
            ("stepDueAt", newStepDue is { } d ? Iso(d) : null),
            ("finishedStep", outcome.ToString())));
        return handover;
    }

    /// <summary>
    /// A department returns the dossier for a supplement (Form 02): the statutory clock stops; it restarts from
    /// zero when the complete dossier comes back (Decree 61/2018 art. 19(4) for dossiers accepted before 1 July 2025;
    /// under Decree 118/2025 the sector rules, e.g. the 2025 interconnection decree art. 6(4)(a)). Only while at a
    /// department. For a dossier without a citizen's supplement time.
    /// </summary>
    public SupplementRequest RequestSupplement(string reason, string missingDocuments, DossierAction action)
    {
        if (CitizenSupplementTime is not null)
        {
            throw new InvalidOperationException("This dossier's procedure limits the citizen's time: pass the calculator and hours.");
        }

        return RequestSupplement(reason, missingDocuments, action, null, null);
    }

    /// <summary>
    /// As <see cref="RequestSupplement(string, string, DossierAction)"/>; when the procedure limits the citizen's
    /// time (<see cref="CitizenSupplementTime"/>), the time is counted from the request like a processing time, and
    /// <see cref="SupplementDueAt"/> says when the dossier closes if nothing comes.
    /// </summary>
    public SupplementRequest RequestSupplement(string reason, string missingDocuments, DossierAction action, DeadlineCalculator? calculator, OfficeHours? hours)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        CheckOpen(action);
        if (Status != DossierStatus.InProcess)
        {
            throw new DossierRuleException(DossierRules.SupplementNotAtDepartment, "A supplement is requested only while a department holds the dossier.");
        }

        // Counted from the request like a processing time (after the cut-off: from the next working day).
        Instant? supplementDueAt = CitizenSupplementTime is { } citizenTime
            ? (calculator ?? throw new ArgumentNullException(nameof(calculator))).Compute(
                action.OccurredAt, citizenTime, CutOffRule.Apply(CutOff, hours ?? throw new ArgumentNullException(nameof(hours))), CountingMode).DueAt
            : null;

        var request = new SupplementRequest(Id, SupplementRequests.Count + 1, action.OccurredAt, CurrentUnit, reason, missingDocuments ?? string.Empty, action.Actor);
        SupplementRequests.Add(request);
        SupplementRequestCount++;
        Status = DossierStatus.AwaitingSupplement;
        SupplementDueAt = supplementDueAt;
        Append(DossierEventKind.SupplementRequested, action, EventDetails.Of(
            ("number", request.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("unit", CurrentUnit),
            ("reason", reason),
            ("missingDocuments", missingDocuments),
            ("statutoryDueAt", Iso(StatutoryDueAt)),
            ("supplementDueAt", SupplementDueAt is { } supplementDue ? Iso(supplementDue) : null)));
        return request;
    }

    /// <summary>
    /// The complete dossier is back: the statutory time restarts from zero at <see cref="DossierAction.OccurredAt"/>,
    /// and the appointment follows the new statutory due.
    /// </summary>
    public void ReceiveSupplement(DossierAction action, DeadlineCalculator calculator, OfficeHours hours)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        CheckOpen(action);
        if (Status != DossierStatus.AwaitingSupplement)
        {
            throw new DossierRuleException(DossierRules.SupplementNotRequested, "No supplement was requested for this dossier.");
        }

        var before = StatutoryDueAt;
        hours = CutOffRule.Apply(CutOff, hours);
        var deadline = calculator.Compute(action.OccurredAt, ProcessingTime, hours, CountingMode);
        SupplementRequests[^1].MarkReceived(action.OccurredAt);
        Status = DossierStatus.InProcess;
        SupplementDueAt = null;
        CountingStartsAt = deadline.CountingStartsAt;
        StatutoryDueAt = deadline.DueAt;
        DueCalendarStatus = deadline.CalendarStatus;
        AppointmentAt = deadline.DueAt;
        Append(DossierEventKind.SupplementReceived, action, EventDetails.Of(
            ("statutoryDueBefore", Iso(before)),
            ("countingStartsAt", Iso(deadline.CountingStartsAt)),
            ("statutoryDueAt", Iso(deadline.DueAt)),
            ("appointmentAt", Iso(deadline.DueAt)),
            ("calendarStatus", deadline.CalendarStatus.ToString()),
            ("calendarRevision", calculator.Calendar.Revision),
            ("officeHours", hours.ToRuleText())));
    }

    /// <summary>
    /// A department drafts an apology with a new appointment (Form 04). It moves nothing until the head of
    /// the agency approves it.
    /// </summary>
    public Apology RequestApology(string reason, Instant newAppointmentAt, DossierAction action)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        CheckOpen(action);
        if (Status.HasResult())
        {
            throw new DossierRuleException(DossierRules.ResultNotInProcess, "The result is already there: no apology is needed.");
        }

        if (Reschedulings > 0)
        {
            throw new DossierRuleException(DossierRules.AppointmentAlreadyMoved, "The appointment has already moved once.");
        }

        var apology = new Apology(Id, action.OccurredAt, reason, newAppointmentAt, action.Actor);
        Apologies.Add(apology);
        Append(DossierEventKind.ApologyRequested, action, EventDetails.Of(
            ("apologyId", apology.Id.ToString()),
            ("reason", reason),
            ("newAppointmentAt", Iso(newAppointmentAt)),
            ("statutoryDueAt", Iso(StatutoryDueAt))));
        return apology;
    }

    /// <summary>
    /// The head of the agency signs the apology: the appointment moves, once (Decree 61/2018 art. 19(9) before 1 July
    /// 2025; under Decree 118/2025 as restated by provincial rules, e.g. Lai Châu QĐ 88/2025 art. 3(6)).
    /// The statutory due does not: the dossier still counts as late against it.
    /// </summary>
    public void ApproveApology(Guid apologyId, bool approverIsHead, DossierAction action)
    {
        CheckOpen(action);
        if (!approverIsHead)
        {
            throw new DossierRuleException(DossierRules.ApologyNeedsHead, "Only the head of the agency approves an apology.");
        }

        var apology = Apologies.SingleOrDefault(a => a.Id == apologyId)
            ?? throw new KeyNotFoundException($"Apology {apologyId} is not part of dossier {Code}.");
        if (apology.Status != ApologyStatus.Pending)
        {
            throw new DossierRuleException(DossierRules.ApologyNotPending, "This apology is already decided.");
        }

        if (Reschedulings > 0)
        {
            throw new DossierRuleException(DossierRules.AppointmentAlreadyMoved, "The appointment has already moved once.");
        }

        var before = AppointmentAt;
        apology.Approve(action.Actor, action.OccurredAt);
        AppointmentAt = apology.NewAppointmentAt;
        Reschedulings++;
        Append(DossierEventKind.ApologyApproved, action, EventDetails.Of(
            ("apologyId", apology.Id.ToString()),
            ("appointmentBefore", Iso(before)),
            ("appointmentAt", Iso(AppointmentAt))));
    }

    /// <summary>
    /// The head of the agency turns a drafted apology down, with a reason (it is signed in their name, so it is theirs
    /// to refuse): the appointment does not move and the department may draft another. Recorded, never deleted.
    /// </summary>
    public void RejectApology(Guid apologyId, bool approverIsHead, string reason, DossierAction action)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        CheckOpen(action);
        if (!approverIsHead)
        {
            throw new DossierRuleException(DossierRules.ApologyNeedsHead, "Only the head of the agency decides on an apology.");
        }

        var apology = Apologies.SingleOrDefault(a => a.Id == apologyId)
            ?? throw new KeyNotFoundException($"Apology {apologyId} is not part of dossier {Code}.");
        if (apology.Status != ApologyStatus.Pending)
        {
            throw new DossierRuleException(DossierRules.ApologyNotPending, "This apology is already decided.");
        }

        apology.Reject(action.Actor, action.OccurredAt, reason);
        Append(DossierEventKind.ApologyRejected, action, EventDetails.Of(
            ("apologyId", apology.Id.ToString()),
            ("reason", reason)));
    }

    /// <summary>Re-issues the receipt; a different appointment counts as the one allowed rescheduling.</summary>
    public Receipt ReissueReceipt(Instant? appointmentAt, string reason, DossierAction action)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        CheckOpen(action);
        var appointment = appointmentAt ?? AppointmentAt;
        var before = AppointmentAt;
        if (appointment != AppointmentAt)
        {
            if (Reschedulings > 0)
            {
                throw new DossierRuleException(DossierRules.AppointmentAlreadyMoved, "The appointment has already moved once.");
            }

            Reschedulings++;
            AppointmentAt = appointment;
        }

        var receipt = new Receipt(Id, Receipts.Count + 1, action.RecordedAt, appointment, action.Actor, reason);
        Receipts.Add(receipt);
        Append(DossierEventKind.ReceiptReissued, action, EventDetails.Of(
            ("number", receipt.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("reason", reason),
            ("appointmentBefore", Iso(before)),
            ("appointmentAt", Iso(appointment)),
            ("statutoryDueAt", Iso(StatutoryDueAt))));
        return receipt;
    }

    /// <summary>The result is back at the desk.</summary>
    public void MarkResultReady(string? note, DossierAction action)
    {
        CheckOpen(action);
        if (Status is not (DossierStatus.Received or DossierStatus.InProcess))
        {
            throw new DossierRuleException(DossierRules.ResultNotInProcess, $"A result is not recorded for a {Status} dossier.");
        }

        Status = DossierStatus.ResultReady;
        ResultReadyAt = action.OccurredAt;
        var from = CurrentUnit;
        CurrentUnit = DeskUnit;
        StepDueAt = null;
        Append(DossierEventKind.ResultReady, action, EventDetails.Of(
            ("from", from),
            ("note", note),
            ("statutoryDueAt", Iso(StatutoryDueAt)),
            ("appointmentAt", Iso(AppointmentAt))));
    }

    /// <summary>The result is handed to the citizen. Only after it is ready.</summary>
    public void Return(string? receivedBy, DossierAction action)
    {
        CheckOpen(action);
        if (Status is not (DossierStatus.ResultReady or DossierStatus.NotCollected))
        {
            throw new DossierRuleException(DossierRules.ReturnBeforeResult, "The result is returned only once it is ready.");
        }

        Status = DossierStatus.Returned;
        ClosedAt = action.OccurredAt;
        Append(DossierEventKind.Returned, action, EventDetails.Of(("receivedBy", receivedBy), ("appointmentAt", Iso(AppointmentAt))));
    }

    /// <summary>A citizen came to the desk about the dossier.</summary>
    public CitizenVisit LogVisit(string? note, DossierAction action)
    {
        CheckOpen(action);
        var visit = new CitizenVisit(Id, action.OccurredAt, note ?? string.Empty, action.Actor, Status.HasResult());
        Visits.Add(visit);
        Append(DossierEventKind.VisitLogged, action, EventDetails.Of(
            ("note", note),
            ("status", Status.ToString()),
            ("appointmentAt", Iso(AppointmentAt))));
        return visit;
    }

    /// <summary>Refusal after appraisal (Form 03); must come before a result.</summary>
    public void Refuse(string reason, DossierAction action)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        CheckOpen(action);
        if (Status.HasResult())
        {
            throw new DossierRuleException(DossierRules.RefusalAfterResult, "A dossier with a result is not refused.");
        }

        Status = DossierStatus.Refused;
        ClosedAt = action.OccurredAt;
        Append(DossierEventKind.Refused, action, EventDetails.Of(("reason", reason), ("statutoryDueAt", Iso(StatutoryDueAt))));
    }

    /// <summary>Stops the dossier at the citizen's request (stop notice); only before a result.</summary>
    public void Stop(string reason, DossierAction action)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        CheckOpen(action);
        if (Status.HasResult())
        {
            throw new DossierRuleException(DossierRules.StopAfterResult, "A dossier with a result cannot be stopped.");
        }

        Status = DossierStatus.Stopped;
        ClosedAt = action.OccurredAt;
        Append(DossierEventKind.Stopped, action, EventDetails.Of(("reason", reason)));
    }

    /// <summary>
    /// Recomputes the statutory due from the current counting start after a calendar change; records the
    /// change when the due or its status differs. Returns whether it did.
    /// </summary>
    public bool Restate(DossierAction action, DeadlineCalculator calculator, OfficeHours hours)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        if (Status.IsTerminal() || Status.HasResult() || Status == DossierStatus.AwaitingSupplement)
        {
            return false;
        }

        hours = CutOffRule.Apply(CutOff, hours);
        var deadline = calculator.Compute(CountingStartsAt, ProcessingTime, hours, CountingMode);
        if (deadline.DueAt == StatutoryDueAt && deadline.CalendarStatus == DueCalendarStatus)
        {
            return false;
        }

        var before = StatutoryDueAt;
        var appointmentFollows = Reschedulings == 0 && AppointmentAt == StatutoryDueAt;
        StatutoryDueAt = deadline.DueAt;
        DueCalendarStatus = deadline.CalendarStatus;
        if (appointmentFollows)
        {
            AppointmentAt = deadline.DueAt;
        }

        Append(DossierEventKind.DeadlineRestated, action, EventDetails.Of(
            ("statutoryDueBefore", Iso(before)),
            ("statutoryDueAt", Iso(deadline.DueAt)),
            ("calendarStatus", deadline.CalendarStatus.ToString()),
            ("appointmentBefore", appointmentFollows && AppointmentAt != before ? Iso(before) : null),
            ("appointmentAt", Iso(AppointmentAt)),
            ("calendarRevision", calculator.Calendar.Revision),
            ("officeHours", hours.ToRuleText())));
        return true;
    }

    /// <summary>
    /// The worker moves the SLA state across a boundary crossed at <see cref="DossierAction.OccurredAt"/>
    /// (e.g. the statutory due for <see cref="SlaState.Overdue"/>). Returns false when already there.
    /// </summary>
    public bool MoveSla(SlaState to, DossierAction action)
    {
        if (SlaState == to)
        {
            return false;
        }

        var from = SlaState;
        SlaState = to;
        Record(DossierEventKind.SlaStateChanged, action, EventDetails.Of(
            ("from", from.ToString()),
            ("to", to.ToString()),
            ("statutoryDueAt", Iso(StatutoryDueAt))));
        return true;
    }

    /// <summary>
    /// The worker moves the current step's SLA state across a boundary of the step's own due, crossed at
    /// <see cref="DossierAction.OccurredAt"/>. Returns false when already there.
    /// </summary>
    public bool MoveStepSla(SlaState to, DossierAction action)
    {
        if (StepSlaState == to)
        {
            return false;
        }

        var from = StepSlaState;
        StepSlaState = to;
        Record(DossierEventKind.StepSlaStateChanged, action, EventDetails.Of(
            ("from", from.ToString()),
            ("to", to.ToString()),
            ("unit", CurrentUnit),
            ("stepDueAt", StepDueAt is { } due ? Iso(due) : null)));
        return true;
    }

    /// <summary>
    /// The result waited longer than the configured time at the desk: the dossier becomes
    /// <see cref="DossierStatus.NotCollected"/> (still returnable). Returns false when it is not waiting.
    /// </summary>
    public bool MarkNotCollected(DossierAction action)
    {
        if (Status != DossierStatus.ResultReady)
        {
            return false;
        }

        Status = DossierStatus.NotCollected;
        Record(DossierEventKind.NotCollected, action, EventDetails.Of(
            ("resultReadyAt", ResultReadyAt is { } ready ? Iso(ready) : null)));
        return true;
    }

    /// <summary>
    /// The citizen's time to bring the requested supplement ran out at <see cref="DossierAction.OccurredAt"/>
    /// (<see cref="SupplementDueAt"/>): the dossier is closed (<see cref="DossierStatus.Lapsed"/>), which is not agency
    /// lateness. Returns false when no supplement is awaited or the time has not run out.
    /// </summary>
    public bool LapseSupplement(DossierAction action)
    {
        if (Status != DossierStatus.AwaitingSupplement || SupplementDueAt is not { } due || action.OccurredAt < due)
        {
            return false;
        }

        Status = DossierStatus.Lapsed;
        ClosedAt = action.OccurredAt;
        Record(DossierEventKind.SupplementLapsed, action, EventDetails.Of(("supplementDueAt", Iso(due))));
        return true;
    }

    /// <summary>Sets when the worker looks at the dossier next (null: only after its next event).</summary>
    public void ScheduleSlaCheck(Instant? at) => NextSlaCheckAt = at;

    /// <summary>
    /// Carries out an SLA plan: the dossier's and the step's moves in the order their boundaries were crossed,
    /// NotCollected when the wait ran out, then the next check. Returns the number of transitions recorded.
    /// </summary>
    public int ApplySlaPlan(SlaPlan plan, DossierAction action)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var transitions = 0;
        var moves = plan.Moves.Select(m => (m.At, Step: false, m.State))
            .Concat(plan.StepMoves.Select(m => (m.At, Step: true, m.State)))
            .OrderBy(m => m.At)
            .ThenBy(m => m.Step);
        foreach (var (at, step, state) in moves)
        {
            var moveAction = new DossierAction(action.Actor, action.RecordedAt, at);
            if (step ? MoveStepSla(state, moveAction) : MoveSla(state, moveAction))
            {
                transitions++;
            }
        }

        if (plan.NotCollectedAt is { } notCollectedAt && MarkNotCollected(new DossierAction(action.Actor, action.RecordedAt, notCollectedAt)))
        {
            transitions++;
        }

        if (plan.SupplementLapsedAt is { } lapsedAt && LapseSupplement(new DossierAction(action.Actor, action.RecordedAt, lapsedAt)))
        {
            transitions++;
        }

        ScheduleSlaCheck(plan.NextCheckAt);
        return transitions;
    }

    /// <summary>
    /// The SLA check of a dossier known by its <see cref="SlaSnapshot"/> (the columns the check reads), for the
    /// worker's set-based pass: the same moves and the same ledger events as <see cref="ApplySlaPlan(SlaPlan, DossierAction)"/>
    /// on the loaded dossier, returned as the row's new values with the events to insert.
    /// </summary>
    public static SlaRowChange ApplySlaPlan(SlaSnapshot snapshot, SlaPlan plan, DossierAction action, LedgerKeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var dossier = new Dossier
        {
            Id = snapshot.Id,
            Code = snapshot.Code,
            AgencyId = snapshot.AgencyId,
            Status = snapshot.Status,
            CurrentUnit = snapshot.CurrentUnit,
            AcceptedAt = snapshot.AcceptedAt,
            CountingStartsAt = snapshot.CountingStartsAt,
            StatutoryDueAt = snapshot.StatutoryDueAt,
            AppointmentAt = snapshot.AppointmentAt,
            Reschedulings = snapshot.Reschedulings,
            ResultReadyAt = snapshot.ResultReadyAt,
            SupplementDueAt = snapshot.SupplementDueAt,
            ClosedAt = snapshot.ClosedAt,
            StepStartedAt = snapshot.StepStartedAt,
            StepDueAt = snapshot.StepDueAt,
            SlaState = snapshot.SlaState,
            StepSlaState = snapshot.StepSlaState,
            EventCount = snapshot.EventCount,
            LastEventHash = snapshot.LastEventHash,
            Version = snapshot.Version,
        };
        var transitions = dossier.ApplySlaPlan(plan, action);
        var events = dossier.TakePendingEvents(keys);
        return new SlaRowChange(
            dossier.Id, snapshot.Version, dossier.Status, dossier.SlaState, dossier.StepSlaState, dossier.EventCount,
            dossier.LastEventHash, dossier.Version, dossier.NextSlaCheckAt, transitions, events, dossier.ClosedAt);
    }

    /// <summary>
    /// Seals the events appended since the last save under the ring's current key (<see cref="LedgerHash.Seal"/>) and
    /// moves them out of <see cref="PendingEvents"/>; <see cref="LastEventHash"/> becomes the sealed head. Called by the
    /// context when it saves them.
    /// </summary>
    public IReadOnlyList<DossierEvent> TakePendingEvents(LedgerKeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var events = _pending.ToList();
        _pending.Clear();
        if (events.Count > 0)
        {
            LastEventHash = LedgerHash.Seal(events, events[0].PreviousHash, keys);
        }

        return events;
    }

    /// <summary>Re-chains a legacy (unkeyed) ledger under a key: the new head (<see cref="LedgerRechain"/>).</summary>
    internal void SetHead(string lastEventHash) => LastEventHash = lastEventHash;

    /// <summary>Appends an event for a state change made elsewhere in the domain (the worker's SLA moves).</summary>
    public DossierEvent Record(DossierEventKind kind, DossierAction action, string details)
    {
        CheckDeclaredTime(action, action.OccurredAt);
        return Append(kind, action, details);
    }

    private DossierEvent Append(DossierEventKind kind, DossierAction action, string details)
    {
        var e = new DossierEvent(Id, EventCount + 1, kind, action.Actor, action.RecordedAt, action.OccurredAt, details, LastEventHash);
        EventCount = e.Sequence;
        LastEventHash = e.Hash;
        Version++;
        NextSlaCheckAt = action.RecordedAt;
        _pending.Add(e);
        return e;
    }

    private void CheckOpen(DossierAction action)
    {
        if (Status.IsTerminal())
        {
            throw new DossierRuleException(DossierRules.Closed, $"Dossier {Code} is {Status}: nothing more can be recorded.");
        }

        CheckDeclaredTime(action, AcceptedAt);
    }

    private static void CheckDeclaredTime(DossierAction action, Instant notBefore)
    {
        if (action.OccurredAt > action.RecordedAt)
        {
            throw new ArgumentOutOfRangeException(nameof(action), "An event cannot be declared to occur after it is recorded.");
        }

        if (action.OccurredAt < notBefore)
        {
            throw new ArgumentOutOfRangeException(nameof(action), "An event cannot be declared to occur before the dossier was accepted.");
        }
    }

    private static StepOutcome OutcomeAgainst(Instant due, Instant finishedAt) =>
        finishedAt < due - Duration.FromHours(1) ? StepOutcome.Early
        : finishedAt <= due ? StepOutcome.OnTime
        : StepOutcome.Late;

    private static string Iso(Instant instant) => OfficeTime.FormatIso(instant);
}
