using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using OneStop.Agencies;
using OneStop.Api.Identity;
using OneStop.Api.Problems;
using OneStop.Calendar;
using OneStop.Deadlines;
using OneStop.Dossiers;
using OneStop.Persistence;
using OneStop.Procedures;

namespace OneStop.Api.Dossiers;

/// <summary>
/// Registers dossiers: validates the request, draws the code's daily sequence and the tracking-book line, and
/// saves the dossier with its first event and receipt in one transaction. Counters use optimistic concurrency:
/// a registration that loses a race is retried whole, so concurrent clerks get distinct, consecutive codes.
/// </summary>
public sealed class DossierIntake(OneStopDbContext db, CurrentStaff staff, AgencyDeadlines deadlines, IClock clock, ILogger<DossierIntake> logger)
{
    private const int MaxAttempts = 60;

    public async Task<IntakeOutcome> RegisterAsync(RegisterDossierRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var member = await staff.GetAsync(cancellationToken);
        var requestHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request))));
        if (idempotencyKey is not null)
        {
            if (idempotencyKey.Length is 0 or > 200)
            {
                return IntakeOutcome.Invalid(new Dictionary<string, string[]> { ["Idempotency-Key"] = ["1 to 200 characters."] });
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
            validation.Add("acceptedAt", "Cannot be later than now.");
        }
        else if (!WorkingCalendar.Covers(OfficeTime.ToLocal(acceptedAt).Date))
        {
            validation.Add("acceptedAt", "Must fall between 1900 and 2199.");
        }

        if (request.Channel is { } channel && !Enum.IsDefined(channel))
        {
            validation.Add("channel", "Counter, Online or Post.");
        }

        var documents = Documents(request.Documents, version, validation);
        if (!validation.IsValid || agency is null || version is null || procedure is null || applicant is null)
        {
            return IntakeOutcome.Invalid(validation.Errors);
        }

        var acceptedOn = OfficeTime.ToLocal(acceptedAt).Date;
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var sequence = await NextAsync(agency.Id, "code:" + DossierCode.DayKey(acceptedOn), cancellationToken);
            var line = await NextAsync(agency.Id, "book:" + acceptedOn.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
            var registration = new DossierRegistration(
                DossierCode.Format(agency.ElectronicId, acceptedOn, sequence), line, agency.Id, version.Id, version.ProcessingTime,
                agency.CountingMode, request.Channel ?? Channel.Counter, applicant, proxy, documents, version.SupplementWindow);
            var dossier = Dossier.Register(registration, new DossierAction(member.UserName, now, acceptedAt), deadlines.Calculator, deadlines.HoursOf(agency));
            db.Dossiers.Add(dossier);
            var response = RegisteredDossierResponse.From(dossier);
            if (idempotencyKey is not null)
            {
                db.IdempotencyRecords.Add(new IdempotencyRecord(
                    idempotencyKey, member.UserName, requestHash, StatusCodes.Status201Created,
                    JsonSerializer.Serialize(response, JsonSerializerOptions.Web), "/api/dossiers/" + dossier.Code, now));
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return IntakeOutcome.Created(response);
            }
            catch (DbUpdateException e) when ((e is DbUpdateConcurrencyException || DossierStore.IsUniqueViolation(e)) && attempt < MaxAttempts)
            {
                logger.LogDebug("Registration attempt {Attempt} lost a counter race for agency {Agency}; retrying.", attempt, agency.ElectronicId);
                if (idempotencyKey is not null && await db.IdempotencyRecords.AsNoTracking()
                        .SingleOrDefaultAsync(r => r.UserName == member.UserName && r.Key == idempotencyKey, cancellationToken) is { } winner)
                {
                    return winner.RequestHash == requestHash ? IntakeOutcome.Replay(winner) : IntakeOutcome.KeyReused();
                }

                await Task.Delay(Random.Shared.Next(1, 5 * Math.Min(attempt, 10)), cancellationToken);
            }
        }
    }

    private async Task<int> NextAsync(Guid agencyId, string scope, CancellationToken cancellationToken)
    {
        var counter = await db.SequenceCounters.SingleOrDefaultAsync(c => c.AgencyId == agencyId && c.Scope == scope, cancellationToken);
        if (counter is null)
        {
            counter = new SequenceCounter(agencyId, scope);
            db.SequenceCounters.Add(counter);
        }

        return counter.Next();
    }

    private async Task<(Agency? Agency, ProcedureVersion? Version, Procedure? Procedure)> ResolveAsync(
        RegisterDossierRequest request, StaffMember member, Validation validation, CancellationToken cancellationToken)
    {
        Agency? agency;
        if (string.IsNullOrWhiteSpace(request.Agency))
        {
            agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == member.AgencyId, cancellationToken);
        }
        else
        {
            var electronicId = request.Agency.Trim();
            agency = await db.Agencies.AsNoTracking()
                .SingleOrDefaultAsync(a => a.ElectronicId == electronicId && a.Path.StartsWith(member.AgencyPath), cancellationToken);
            if (agency is null)
            {
                validation.Add("agency", "Unknown agency, or not one of yours.");
            }
        }

        var code = request.ProcedureCode?.Trim();
        var procedure = string.IsNullOrEmpty(code)
            ? null
            : await db.Procedures.AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.Code == code, cancellationToken);
        if (procedure is null || (agency is not null && procedure.AgencyId is { } only && only != agency.Id))
        {
            validation.Add("procedureCode", "Unknown procedure, or not offered by this agency.");
            return (agency, null, null);
        }

        var now = clock.GetCurrentInstant();
        var version = procedure.VersionInForce(now);
        if (version is null)
        {
            validation.Add("procedureCode", "The procedure has no version in force.");
        }

        return (agency, version, procedure);
    }

    private static List<SubmittedDocument> Documents(IReadOnlyList<DocumentRequest>? requested, ProcedureVersion? version, Validation validation)
    {
        if (requested is null || requested.Count == 0)
        {
            return version?.RequiredDocuments.Select(d => new SubmittedDocument(d.Name, d.Originals, d.Copies)).ToList() ?? [];
        }

        var documents = new List<SubmittedDocument>();
        for (var i = 0; i < requested.Count; i++)
        {
            var d = requested[i];
            var name = InputRules.Text(d.Name, $"documents[{i}].name", 500, validation);
            if (d.Originals < 0 || d.Copies < 0 || d.Originals + d.Copies == 0)
            {
                validation.Add($"documents[{i}]", "At least one original or copy, no negative counts.");
            }

            documents.Add(new SubmittedDocument(name, d.Originals, d.Copies));
        }

        return documents;
    }
}

/// <summary>What a registration came to.</summary>
public sealed record IntakeOutcome(RegisteredDossierResponse? Response, IdempotencyRecord? Replayed, IDictionary<string, string[]>? Errors, bool IsKeyReused)
{
    public static IntakeOutcome Created(RegisteredDossierResponse response) => new(response, null, null, false);

    public static IntakeOutcome Replay(IdempotencyRecord record) => new(null, record, null, false);

    public static IntakeOutcome Invalid(IDictionary<string, string[]> errors) => new(null, null, errors, false);

    public static IntakeOutcome KeyReused() => new(null, null, null, true);
}
