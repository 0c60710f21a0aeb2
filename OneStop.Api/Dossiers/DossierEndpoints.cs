using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using OneStop.Api.Identity;
using OneStop.Api.Problems;
using OneStop.Calendar;
using OneStop.Dossiers;
using OneStop.Jobs.Ledger;
using OneStop.Persistence;
using OneStop.Users;

namespace OneStop.Api.Dossiers;

/// <summary>
/// The desk's and the departments' workflow. Every action records one event, takes an optional
/// <c>occurredAt</c> (never after now, never before acceptance) and answers the dossier's state; a broken rule is a
/// 409 problem with a stable <c>code</c>.
/// </summary>
public static class DossierEndpoints
{
    private const int PageSize = 50;

    public static IEndpointRouteBuilder MapDossierEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dossiers").WithTags("Dossiers").ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/", Register).RequireAuthorization(Policy(Roles.Clerk, Roles.Admin));
        group.MapGet("/", List).RequireAuthorization(Policy(Roles.Staff));
        group.MapGet("/{code}", Get).RequireAuthorization(Policy(Roles.Staff));
        group.MapGet("/{code}/events", Events).RequireAuthorization(Policy(Roles.Staff));
        group.MapGet("/{code}/verify", Verify).RequireAuthorization(Policy(Roles.Staff));
        group.MapPost("/{code}/handovers", HandOver).RequireAuthorization(Policy(Roles.Clerk, Roles.Officer));
        group.MapPost("/{code}/supplement-requests", RequestSupplement).RequireAuthorization(Policy(Roles.Officer));
        group.MapPost("/{code}/supplements", ReceiveSupplement).RequireAuthorization(Policy(Roles.Clerk, Roles.Officer));
        group.MapPost("/{code}/apologies", RequestApology).RequireAuthorization(Policy(Roles.Officer, Roles.Head));
        group.MapPost("/{code}/apologies/{id:guid}/approval", ApproveApology).RequireAuthorization(Policy(Roles.Officer, Roles.Head, Roles.Clerk));
        group.MapPost("/{code}/apologies/{id:guid}/rejection", RejectApology).RequireAuthorization(Policy(Roles.Officer, Roles.Head, Roles.Clerk));
        group.MapPost("/{code}/result", MarkResultReady).RequireAuthorization(Policy(Roles.Officer, Roles.Clerk));
        group.MapPost("/{code}/return", Return).RequireAuthorization(Policy(Roles.Clerk));
        group.MapPost("/{code}/visits", LogVisit).RequireAuthorization(Policy(Roles.Clerk));
        group.MapPost("/{code}/refusal", Refuse).RequireAuthorization(Policy(Roles.Officer, Roles.Head));
        group.MapPost("/{code}/stop", Stop).RequireAuthorization(Policy(Roles.Clerk));
        group.MapPost("/{code}/receipts", ReissueReceipt).RequireAuthorization(Policy(Roles.Clerk));
        return app;
    }

    public static async Task<Results<Created<RegisteredDossierResponse>, ContentHttpResult, ValidationProblem, ProblemHttpResult>> Register(
        RegisterDossierRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, DossierIntake intake, CancellationToken cancellationToken)
    {
        var outcome = await intake.RegisterAsync(request, idempotencyKey, cancellationToken);
        if (outcome.Response is { } created)
        {
            return TypedResults.Created("/api/dossiers/" + Uri.EscapeDataString(created.Code), created);
        }

        if (outcome.Replayed is { } replay)
        {
            return TypedResults.Content(replay.ResponseBody, "application/json", statusCode: replay.StatusCode);
        }

        return outcome.IsKeyReused
            ? TypedResults.Problem("This Idempotency-Key was already used with a different request.", statusCode: StatusCodes.Status422UnprocessableEntity, extensions: new Dictionary<string, object?> { ["code"] = "idempotency-key-reused" })
            : outcome.Errors!.Problem();
    }

    public static async Task<Results<Ok<IReadOnlyList<DossierSummaryResponse>>, ValidationProblem>> List(
        DossierStatus? status, string? agency, string? dueBefore, int? page, OneStopDbContext db, CurrentStaff staff, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var due = InputRules.Instant(dueBefore, "dueBefore", validation);
        if (page is < 1)
        {
            validation.Add("page", ValidationCodes.PageNumber, "Pages start at 1.");
        }

        var member = await staff.GetAsync(cancellationToken);
        var scope = member.AgencyPath;
        if (!string.IsNullOrWhiteSpace(agency))
        {
            var chosen = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.ElectronicId == agency && a.Path.StartsWith(member.AgencyPath), cancellationToken);
            if (chosen is null)
            {
                validation.Add("agency", ValidationCodes.UnknownAgency, "Unknown agency, or not one of yours.");
            }
            else
            {
                scope = chosen.Path;
            }
        }

        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var query =
            from d in db.Dossiers.AsNoTracking()
            join a in db.Agencies on d.AgencyId equals a.Id
            join v in db.ProcedureVersions on d.ProcedureVersionId equals v.Id
            join p in db.Procedures on v.ProcedureId equals p.Id
            where a.Path.StartsWith(scope)
            select new { d, p.Code, p.Name };
        if (status is { } s)
        {
            query = query.Where(x => x.d.Status == s);
        }

        if (due is { } before)
        {
            query = query.Where(x => x.d.StatutoryDueAt < before);
        }

        var rows = await query.OrderBy(x => x.d.StatutoryDueAt).ThenBy(x => x.d.Code)
            .Skip(((page ?? 1) - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<DossierSummaryResponse>>(rows.Select(x => DossierSummaryResponse.From(x.d, x.Code, x.Name)).ToList());
    }

    /// <summary>The dossier with its personal data; the read is logged (Decree 13/2023).</summary>
    public static async Task<Results<Ok<DossierResponse>, ProblemHttpResult>> Get(
        string code, DossierStore store, OneStopDbContext db, CurrentStaff staff, IClock clock, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(code, cancellationToken) is not var (dossier, agency))
        {
            return NotFound(code);
        }

        var member = await staff.GetAsync(cancellationToken);
        var procedure = await (from v in db.ProcedureVersions where v.Id == dossier.ProcedureVersionId
                               join p in db.Procedures on v.ProcedureId equals p.Id
                               select new { p.Code, p.Name }).SingleAsync(cancellationToken);
        ReceivedElsewhereResponse? receivedElsewhere = null;
        if (dossier is { ReceivingAgencyId: { } receivingId, ReceivedAt: { } receivedAt })
        {
            var desk = await db.Agencies.AsNoTracking().Where(a => a.Id == receivingId).Select(a => new { a.ElectronicId, a.Name }).SingleAsync(cancellationToken);
            receivedElsewhere = new ReceivedElsewhereResponse(desk.ElectronicId, desk.Name, OfficeTime.FormatIso(receivedAt));
        }

        var response = new DossierResponse(
            dossier.Code, agency.ElectronicId, procedure.Code, procedure.Name, dossier.TrackingNumber, dossier.Channel.ToString(),
            PersonResponse.From(dossier.Applicant)!, PersonResponse.From(dossier.Proxy), dossier.Documents, dossier.Status.ToString(), dossier.CurrentUnit,
            OfficeTime.FormatIso(dossier.AcceptedAt), dossier.ProcessingTime.ToString(), dossier.CountingMode.ToString(),
            OfficeTime.FormatIso(dossier.CountingStartsAt), OfficeTime.FormatIso(dossier.StatutoryDueAt), dossier.DueCalendarStatus.ToString().ToLowerInvariant(),
            OfficeTime.FormatIso(dossier.AppointmentAt), dossier.Reschedulings, dossier.SupplementRequestCount,
            dossier.StepDueAt is { } step ? OfficeTime.FormatIso(step) : null,
            dossier.ResultReadyAt is { } ready ? OfficeTime.FormatIso(ready) : null,
            dossier.ClosedAt is { } closed ? OfficeTime.FormatIso(closed) : null,
            dossier.Apologies.Select(ApologyResponse.From).ToList(),
            dossier.Version,
            dossier.CutOff,
            dossier.SupplementDueAt is { } supplementDue ? OfficeTime.FormatIso(supplementDue) : null,
            receivedElsewhere);

        // The read is logged last, once the answer is built: a failure before it leaves no read of data not shown.
        db.PersonalDataReads.Add(new PersonalDataRead(dossier.Id, member.UserName, clock.GetCurrentInstant(), "GET /api/dossiers/{code}"));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(response);
    }

    /// <summary>
    /// The ledger. When it names the person who collected the result (a <c>Returned</c> event's <c>receivedBy</c>),
    /// it shows personal data, and the read is logged as for the dossier itself (Decree 13/2023).
    /// </summary>
    public static async Task<Results<Ok<IReadOnlyList<DossierEventResponse>>, ProblemHttpResult>> Events(
        string code, DossierStore store, OneStopDbContext db, CurrentStaff staff, IClock clock, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(code, cancellationToken) is not var (dossier, _))
        {
            return NotFound(code);
        }

        var events = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == dossier.Id).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var responses = events.Select(DossierEventResponse.From).ToList();
        if (responses.Any(e => DossierEventResponse.PersonalDetails.Any(key => !string.IsNullOrEmpty(e.Details.GetValueOrDefault(key)))))
        {
            var member = await staff.GetAsync(cancellationToken);
            db.PersonalDataReads.Add(new PersonalDataRead(dossier.Id, member.UserName, clock.GetCurrentInstant(), "GET /api/dossiers/{code}/events"));
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok<IReadOnlyList<DossierEventResponse>>(responses);
    }

    /// <summary>
    /// Verifies the ledger (<see cref="LedgerVerification"/>): the keyed chain recomputed from the stored events, the
    /// row against the replay of its events (naming the columns that differ), and the head against the latest signed
    /// checkpoint outside the database.
    /// </summary>
    public static async Task<Results<Ok<LedgerVerificationResponse>, ProblemHttpResult>> Verify(
        string code, DossierStore store, OneStopDbContext db, LedgerKeyRing keys, CheckpointStore checkpoints, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(code, cancellationToken) is not var (dossier, _))
        {
            return NotFound(code);
        }

        var events = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == dossier.Id).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var checkpoint = checkpoints.LatestValid(keys);
        var head = checkpoint?.HeadOf(dossier.Id);
        var check = LedgerVerification.Verify(dossier.Id, events, DossierRow.Of(dossier), head, keys);
        return TypedResults.Ok(new LedgerVerificationResponse(
            dossier.Code, check.Valid, events.Count, check.BrokenAt,
            check.RowDifferences.Select(d => new RowDifferenceResponse(d.Column, d.Row, d.Ledger)).ToList(),
            checkpoint is null ? null : new CheckpointCheckResponse(OfficeTime.FormatIso(checkpoint.CreatedAt), head?.Count, head?.Hash, check.Checkpoint is null)));
    }

    /// <summary>
    /// Hands the dossier to a unit of its agency's catalogue: the unit is matched ignoring case and spaces and the
    /// catalogue's name is stored; a unit the catalogue lacks, or a deactivated one, is a 400 naming <c>toUnit</c>.
    /// </summary>
    public static Task<Results<Ok<DossierStateResponse>, ProblemHttpResult, ValidationProblem>> HandOver(
        string code, HandoverRequest request, DossierActions actions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var validation = new Validation();
        var toUnit = InputRules.Text(request.ToUnit, "toUnit", 300, validation);
        var giver = InputRules.OptionalText(request.Giver, "giver", 256, validation);
        var receiver = InputRules.OptionalText(request.Receiver, "receiver", 256, validation);
        if (request.StepBudgetHours is < 0 or > 2400)
        {
            validation.Add("stepBudgetHours", ValidationCodes.StepBudget, "From 0 to 2400 working hours.");
        }

        async Task PickUnit(OneStop.Agencies.Agency agency, Validation checks)
        {
            if (toUnit.Length > 0)
            {
                toUnit = await actions.Units.PickAsync(agency.Id, toUnit, "toUnit", required: true, checks, cancellationToken) ?? toUnit;
            }
        }

        return actions.RunAsync(code, request.OccurredAt, validation, PickUnit, (d, a, action, ctx) =>
            d.HandOver(toUnit, giver ?? action.Actor, receiver ?? string.Empty, request.StepBudgetHours, action, ctx.Calculator, ctx.HoursOf(a)), cancellationToken);
    }

    public static Task<Results<Ok<DossierStateResponse>, ProblemHttpResult, ValidationProblem>> RequestSupplement(
        string code, SupplementRequestRequest request, DossierActions actions, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var reason = InputRules.Text(request.Reason, "reason", 2000, validation, multiLine: true);
        var missing = InputRules.OptionalText(request.MissingDocuments, "missingDocuments", 4000, validation, multiLine: true);
        return actions.RunAsync(code, request.OccurredAt, validation, (d, a, action, ctx) => d.RequestSupplement(reason, missing ?? string.Empty, action, ctx.Calculator, ctx.HoursOf(a)), cancellationToken);
    }

    public static Task<Results<Ok<DossierStateResponse>, ProblemHttpResult, ValidationProblem>> ReceiveSupplement(
        string code, OccurredAtRequest? request, DossierActions actions, CancellationToken cancellationToken) =>
        actions.RunAsync(code, request?.OccurredAt, new Validation(), (d, a, action, ctx) => d.ReceiveSupplement(action, ctx.Calculator, ctx.HoursOf(a)), cancellationToken);

    public static Task<Results<Ok<DossierStateResponse>, ProblemHttpResult, ValidationProblem>> RequestApology(
        string code, ApologyRequest request, DossierActions actions, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var reason = InputRules.Text(request.Reason, "reason", 2000, validation, multiLine: true);
        var newAppointment = InputRules.Instant(request.NewAppointmentAt, "newAppointmentAt", validation);
        if (newAppointment is null && validation.IsValid)
        {
            validation.Add("newAppointmentAt", ValidationCodes.AppointmentRequired, "Required: the new appointment.");
        }

        return actions.RunAsync(code, request.OccurredAt, validation, (d, _, action, _) =>
        {
            if (newAppointment <= action.RecordedAt)
            {
                throw new InvalidInputException("newAppointmentAt", ValidationCodes.AppointmentNotInFuture, "The new appointment must be in the future.");
            }

            d.RequestApology(reason, newAppointment!.Value, action);
        }, cancellationToken);
    }

    public static Task<Results<Ok<DossierStateResponse>, ProblemHttpResult, ValidationProblem>> ApproveApology(
        string code, Guid id, OccurredAtRequest? request, DossierActions actions, CancellationToken cancellationToken) =>
        actions.RunAsync(code, request?.OccurredAt, new Validation(), (d, _, action, ctx) =>
        {
            if (d.Apologies.All(a => a.Id != id))
            {
                throw new InvalidInputException("id", ValidationCodes.NoSuchApology, "This dossier has no such apology.");
            }

            d.ApproveApology(id, ctx.Member.IsInRole(Roles.Head), action);
        }, cancellationToken);

    /// <summary>The head turns a drafted apology down with a reason (409 <c>apology-needs-head</c> for anyone else).</summary>
    public static Task<Results<Ok<DossierStateResponse>, ProblemHttpResult, ValidationProblem>> RejectApology(
        string code, Guid id, ReasonRequest request, DossierActions actions, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var reason = InputRules.Text(request.Reason, "reason", 2000, validation, multiLine: true);
        return actions.RunAsync(code, request.OccurredAt, validation, (d, _, action, ctx) =>
        {
            if (d.Apologies.All(a => a.Id != id))
            {
                throw new InvalidInputException("id", ValidationCodes.NoSuchApology, "This dossier has no such apology.");
            }

            d.RejectApology(id, ctx.Member.IsInRole(Roles.Head), reason, action);
        }, cancellationToken);
    }

    public static Task<Results<Ok<DossierStateResponse>, ProblemHttpResult, ValidationProblem>> MarkResultReady(
        string code, NoteRequest? request, DossierActions actions, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var note = InputRules.OptionalText(request?.Note, "note", 2000, validation, multiLine: true);
        return actions.RunAsync(code, request?.OccurredAt, validation, (d, _, action, _) => d.MarkResultReady(note, action), cancellationToken);
    }

    public static Task<Results<Ok<DossierStateResponse>, ProblemHttpResult, ValidationProblem>> Return(
        string code, ReturnRequest? request, DossierActions actions, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var receivedBy = InputRules.OptionalText(request?.ReceivedBy, "receivedBy", 200, validation);
        return actions.RunAsync(code, request?.OccurredAt, validation, (d, _, action, _) => d.Return(receivedBy, action), cancellationToken);
    }

    public static Task<Results<Ok<DossierStateResponse>, ProblemHttpResult, ValidationProblem>> LogVisit(
        string code, NoteRequest? request, DossierActions actions, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var note = InputRules.OptionalText(request?.Note, "note", 2000, validation, multiLine: true);
        return actions.RunAsync(code, request?.OccurredAt, validation, (d, _, action, _) => d.LogVisit(note, action), cancellationToken);
    }

    public static Task<Results<Ok<DossierStateResponse>, ProblemHttpResult, ValidationProblem>> Refuse(
        string code, ReasonRequest request, DossierActions actions, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var reason = InputRules.Text(request.Reason, "reason", 2000, validation, multiLine: true);
        return actions.RunAsync(code, request.OccurredAt, validation, (d, _, action, _) => d.Refuse(reason, action), cancellationToken);
    }

    public static Task<Results<Ok<DossierStateResponse>, ProblemHttpResult, ValidationProblem>> Stop(
        string code, ReasonRequest request, DossierActions actions, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var reason = InputRules.Text(request.Reason, "reason", 2000, validation, multiLine: true);
        return actions.RunAsync(code, request.OccurredAt, validation, (d, _, action, _) => d.Stop(reason, action), cancellationToken);
    }

    public static Task<Results<Ok<DossierStateResponse>, ProblemHttpResult, ValidationProblem>> ReissueReceipt(
        string code, ReissueReceiptRequest request, DossierActions actions, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var reason = InputRules.Text(request.Reason, "reason", 1000, validation, multiLine: true);
        var appointment = InputRules.Instant(request.AppointmentAt, "appointmentAt", validation);
        return actions.RunAsync(code, request.OccurredAt, validation, (d, _, action, _) =>
        {
            // A moved appointment is a promise to the citizen: it lies ahead, never in the past nor before acceptance.
            if (appointment is { } moved && moved != d.AppointmentAt && (moved <= action.RecordedAt || moved <= d.AcceptedAt))
            {
                throw new InvalidInputException("appointmentAt", ValidationCodes.AppointmentNotInFuture, "The new appointment must be in the future.");
            }

            d.ReissueReceipt(appointment, reason, action);
        }, cancellationToken);
    }

    internal static ProblemHttpResult NotFound(string code) =>
        TypedResults.Problem($"No dossier {code} that you may see.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    private static Action<Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder> Policy(params string[] roles) =>
        p => p.RequireRole(roles.SelectMany(r => r.Split(',')));
}
