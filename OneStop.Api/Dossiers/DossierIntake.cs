using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using OneStop.Agencies;
using OneStop.Api.Catalogue;
using OneStop.Api.Identity;
using OneStop.Api.Infrastructure;
using OneStop.Api.Problems;
using OneStop.Calendar;
using OneStop.Deadlines;
using OneStop.Dossiers;
using OneStop.Notifications;
using OneStop.Persistence;
using OneStop.Procedures;

namespace OneStop.Api.Dossiers;

/// <summary>
/// Registers dossiers: validates the request, draws the code's daily sequence and the tracking-book line
/// (<see cref="DossierNumbering"/>: one atomic increment, no retries) and saves the dossier with its first event
/// and receipt in one transaction. Concurrent clerks get distinct, consecutive codes; on a server database a
/// registration that fails after its draw leaves a gap (see <see cref="DossierNumbering"/>). Round trips before
/// the write: the member with their agency (one query, shared with the
/// rest of the request), the Idempotency-Key lookup when one is sent; the procedure comes from
/// <see cref="ProcedureCache"/>.
/// </summary>
public sealed class DossierIntake(
    OneStopDbContext db, CurrentStaff staff, DossierNumbering numbering, ProcedureCache procedures, AgencyDeadlines deadlines, SqliteWriteGate writers, IClock clock, ILogger<DossierIntake> logger)
{
    // Only a code some earlier scheme already issued makes an attempt fail and another follow.
    private const int MaxAttempts = 20;

    /// <summary>The most documents one dossier lists (a procedure's checklist is rarely above 20).</summary>
    public const int MaxDocuments = 100;

    /// <summary>The most originals or copies of one document.</summary>
    public const int MaxCopies = 100;

    public async Task<IntakeOutcome> RegisterAsync(RegisterDossierRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var member = await staff.GetAsync(cancellationToken);
        string? requestHash = null;
        if (idempotencyKey is not null)
        {
            requestHash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request)));
            if (idempotencyKey.Length is 0 or > 200 || idempotencyKey.AsSpan().ContainsAnyExceptInRange('\u0021', '\u007E'))
            {
                var invalidKey = new Validation();
                invalidKey.Add("Idempotency-Key", ValidationCodes.IdempotencyKey, "1 to 200 printable ASCII characters.");
                return IntakeOutcome.Invalid(invalidKey);
            }

            var earlier = await db.IdempotencyRecords.AsNoTracking()
                .SingleOrDefaultAsync(r => r.UserName == member.UserName && r.Key == idempotencyKey, cancellationToken);
            if (earlier is not null)
            {
                return earlier.RequestHash == requestHash ? IntakeOutcome.Replay(earlier) : IntakeOutcome.KeyReused();
            }
        }

        var now = clock.GetCurrentInstant();
        var validation = new Validation();
        var (agency, version, procedure) = await ResolveAsync(request, member, validation, cancellationToken);
        var applicant = InputRules.Person(request.Applicant, "applicant", required: true, validation);
        var proxy = InputRules.Person(request.Proxy, "proxy", required: false, validation);
        var acceptedAt = InputRules.Instant(request.AcceptedAt, "acceptedAt", validation) ?? now;
        if (acceptedAt > now)
        {
            validation.Add("acceptedAt", ValidationCodes.LaterThanNow, "Cannot be later than now.");
        }

        if (request.Channel is { } channel && !Enum.IsDefined(channel))
        {
            validation.Add("channel", ValidationCodes.Channel, "Counter, Online or Post.");
        }

        var noticeChannels = NoticeChannels(request.NoticeConsent, applicant, proxy, validation);
        var documents = Documents(request.Documents, version, validation);
        var (receivingAgency, receivedAt) = await ReceivedElsewhereAsync(request.ReceivedElsewhere, agency, acceptedAt, validation, cancellationToken);
        if (!validation.IsValid || agency is null || version is null || procedure is null || applicant is null)
        {
            return IntakeOutcome.Invalid(validation);
        }

        var acceptedOn = OfficeTime.ToLocal(acceptedAt).Date;
        db.Database.AutoSavepointsEnabled = false;

        // One connection for the draw, the transaction and any retry (a pooled connection is reset each time it
        // is taken again).
        await db.Database.OpenConnectionAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            DrawnNumbers? drawn = null;
            try
            {
                // On a server database the numbers are drawn by a statement of their own, committed at once: the
                // counter rows are locked for that statement only, not for the whole registration. On SQLite (one
                // writer at a time anyway) they are drawn inside the registration's transaction.
                if (DossierNumbering.DrawsApart(db))
                {
                    drawn = await numbering.DrawAsync(db, agency, procedure.Code, acceptedOn, cancellationToken);
                }

                // On SQLite this process's registrations write one after another without meeting a locked file,
                // in a transaction that holds the draw too. Drawn apart, the save needs no transaction of ours
                // (SaveRowsAtomically).
                using var turn = await writers.EnterAsync(db, cancellationToken);
                await using var transaction = drawn is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
                if (transaction is null)
                {
                    SaveRowsAtomically(db);
                }

                drawn ??= await numbering.DrawAsync(db, agency, procedure.Code, acceptedOn, cancellationToken);
                var registration = new DossierRegistration(
                    drawn.Code, drawn.TrackingNumber, agency.Id, version.Id, version.ProcessingTime,
                    agency.CountingMode, request.Channel ?? Channel.Counter, applicant, proxy, documents,
                    version.CutOff, version.CitizenSupplementTime, receivingAgency?.Id, receivedAt, version.SupplementWindow, noticeChannels);
                var dossier = Dossier.Register(registration, new DossierAction(member.UserName, now, acceptedAt), deadlines.Calculator, deadlines.HoursOf(agency));
                // Everything saved is new and complete when added (sealing sets only the head, a property EF reads
                // from the dossier when it writes the insert): nothing for change detection to find, and EF would
                // scan every tracked entry for it twice (for the ledger's pending events, then for the save).
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                db.Dossiers.Add(dossier);
                var response = RegisteredDossierResponse.From(dossier);
                if (idempotencyKey is not null)
                {
                    db.IdempotencyRecords.Add(new IdempotencyRecord(
                        idempotencyKey, member.UserName, requestHash!, StatusCodes.Status201Created,
                        JsonSerializer.Serialize(response, JsonSerializerOptions.Web), "/api/dossiers/" + dossier.Code, now));
                }

                try
                {
                    // Nothing reads the saved entries afterwards (a retry starts from a cleared tracker): EF need
                    // not mark each one unchanged.
                    await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
                }
                finally
                {
                    db.Database.AutoTransactionBehavior = AutoTransactionBehavior.WhenNeeded;
                    db.ChangeTracker.AutoDetectChangesEnabled = true;
                }

                if (transaction is not null)
                {
                    await transaction.CommitAsync(cancellationToken);
                }

                return IntakeOutcome.Created(response);
            }
            catch (DbUpdateException e) when (DossierStore.IsUniqueViolation(e) && drawn is not null && attempt < MaxAttempts)
            {
                // Rolled back, nothing written. Either the same Idempotency-Key arrived twice at once (the first
                // answer wins), or an older code already holds the drawn one (one issued before the counters were
                // keyed by what the code prints): step over it and draw again.
                db.ChangeTracker.Clear();
                if (idempotencyKey is not null && await db.IdempotencyRecords.AsNoTracking()
                        .SingleOrDefaultAsync(r => r.UserName == member.UserName && r.Key == idempotencyKey, cancellationToken) is { } winner)
                {
                    return winner.RequestHash == requestHash ? IntakeOutcome.Replay(winner) : IntakeOutcome.KeyReused();
                }

                var taken = drawn;
                if (!await db.Dossiers.AnyAsync(d => d.Code == taken.Code, cancellationToken))
                {
                    throw;
                }

                logger.LogWarning("Dossier code {Code} was already taken; stepping over it.", taken.Code);
                await DossierNumbering.StepOverAsync(db, taken, cancellationToken);
            }
        }
    }

    /// <summary>
    /// How a registration drawn apart saves its rows (the dossier, its first event, its receipt, its outcome refresh,
    /// an idempotency record) all or nothing. On PostgreSQL EF sends them as one batch, which the server runs as one
    /// implicit transaction (a statement that fails rolls back the batch): no BEGIN/COMMIT round trip is needed,
    /// and the registration's write is one round trip. Elsewhere (SQL Server, whose batches are not atomic) EF wraps
    /// the save in its own transaction. A save of more rows than EF puts in one batch never happens here (five rows
    /// at most), and the PostgreSQL tests check that the rows go in one command and that a failing row leaves
    /// nothing written.
    /// </summary>
    private static void SaveRowsAtomically(OneStopDbContext db) =>
        db.Database.AutoTransactionBehavior = db is PostgresOneStopDbContext ? AutoTransactionBehavior.Never : AutoTransactionBehavior.WhenNeeded;

    /// <summary>
    /// A dossier received at another agency's desk regardless of administrative boundary: that agency (any known one
    /// but the competent agency) and its instant, not after the competent agency's acceptance.
    /// </summary>
    private async Task<(Agency? Agency, Instant? ReceivedAt)> ReceivedElsewhereAsync(
        ReceivedElsewhereRequest? request, Agency? competent, Instant acceptedAt, Validation validation, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return (null, null);
        }

        var electronicId = request.Agency?.Trim();
        var desk = string.IsNullOrEmpty(electronicId)
            ? null
            : await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.ElectronicId == electronicId, cancellationToken);
        if (desk is null)
        {
            validation.Add("receivedElsewhere.agency", ValidationCodes.ReceivingAgencyRequired, "Required: the electronic id of the agency whose desk received the dossier.");
        }
        else if (competent is not null && desk.Id == competent.Id)
        {
            validation.Add("receivedElsewhere.agency", ValidationCodes.ReceivingAgencyIsCompetent, "The competent agency's own desk: leave receivedElsewhere out.");
        }

        var receivedAt = InputRules.Instant(request.ReceivedAt, "receivedElsewhere.receivedAt", validation);
        if (request.ReceivedAt is null)
        {
            validation.Add("receivedElsewhere.receivedAt", ValidationCodes.ReceivedAtRequired, "Required: when the receiving desk received the dossier.");
        }
        else if (receivedAt > acceptedAt)
        {
            validation.Add("receivedElsewhere.receivedAt", ValidationCodes.ReceivedAfterAcceptance, "Cannot be later than acceptedAt, when the competent agency received the dossier.");
        }

        return (desk, receivedAt);
    }

    private async Task<(Agency? Agency, ProcedureVersion? Version, Procedure? Procedure)> ResolveAsync(
        RegisterDossierRequest request, StaffMember member, Validation validation, CancellationToken cancellationToken)
    {
        Agency? agency = await staff.GetAgencyAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(request.Agency) && request.Agency.Trim() is var electronicId && electronicId != agency.ElectronicId)
        {
            agency = await db.Agencies.AsNoTracking()
                .SingleOrDefaultAsync(a => a.ElectronicId == electronicId && a.Path.StartsWith(member.AgencyPath), cancellationToken);
            if (agency is null)
            {
                validation.Add("agency", ValidationCodes.UnknownAgency, "Unknown agency, or not one of yours.");
            }
        }

        var code = request.ProcedureCode?.Trim();
        var procedure = string.IsNullOrEmpty(code)
            ? null
            : await procedures.GetAsync(db, code, cancellationToken);
        if (procedure is null || (agency is not null && procedure.AgencyId is { } only && only != agency.Id))
        {
            validation.Add("procedureCode", ValidationCodes.UnknownProcedure, "Unknown procedure, or not offered by this agency.");
            return (agency, null, null);
        }

        var now = clock.GetCurrentInstant();
        var version = procedure.VersionInForce(now);
        if (version is null)
        {
            validation.Add("procedureCode", ValidationCodes.NoVersionInForce, "The procedure has no version in force.");
        }

        return (agency, version, procedure);
    }

    // The channels of the citizen's consent: each one the applicant or proxy gave a contact for.
    private static CitizenChannels NoticeChannels(bool? consent, Person? applicant, Person? proxy, Validation validation)
    {
        if (consent is not true)
        {
            return CitizenChannels.None;
        }

        static bool Any(string? a, string? b) => !string.IsNullOrWhiteSpace(a) || !string.IsNullOrWhiteSpace(b);
        var channels = (Any(applicant?.Email, proxy?.Email) ? CitizenChannels.Email : CitizenChannels.None)
            | (Any(applicant?.Phone, proxy?.Phone) ? CitizenChannels.Gateway : CitizenChannels.None);
        if (channels == CitizenChannels.None)
        {
            validation.Add("noticeConsent", "Needs an e-mail address or a phone number of the applicant or proxy to send the notices to.");
        }

        return channels;
    }

    private static List<SubmittedDocument> Documents(IReadOnlyList<DocumentRequest>? requested, ProcedureVersion? version, Validation validation)
    {
        if (!InputPolicy.List(requested, "documents", MaxDocuments, validation))
        {
            return [];
        }

        if (requested is null || requested.Count == 0)
        {
            return version?.RequiredDocuments.Select(d => new SubmittedDocument(d.Name, d.Originals, d.Copies)).ToList() ?? [];
        }

        var documents = new List<SubmittedDocument>();
        for (var i = 0; i < requested.Count; i++)
        {
            var d = requested[i];
            var name = InputRules.Text(d.Name, $"documents[{i}].name", 500, validation);
            if (d.Originals is < 0 or > MaxCopies || d.Copies is < 0 or > MaxCopies || d.Originals + d.Copies == 0)
            {
                validation.Add($"documents[{i}]", ValidationCodes.DocumentCopies, $"At least one original or copy, no negative counts, at most {MaxCopies} of each.", MaxCopies);
            }

            documents.Add(new SubmittedDocument(name, d.Originals, d.Copies));
        }

        return documents;
    }
}

/// <summary>What a registration came to.</summary>
public sealed record IntakeOutcome(RegisteredDossierResponse? Response, IdempotencyRecord? Replayed, Validation? Errors, bool IsKeyReused)
{
    public static IntakeOutcome Created(RegisteredDossierResponse response) => new(response, null, null, false);

    public static IntakeOutcome Replay(IdempotencyRecord record) => new(null, record, null, false);

    public static IntakeOutcome Invalid(Validation errors) => new(null, null, errors, false);

    public static IntakeOutcome KeyReused() => new(null, null, null, true);
}
