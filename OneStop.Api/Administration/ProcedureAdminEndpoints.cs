using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using OneStop.Api.Identity;
using OneStop.Api.Problems;
using OneStop.Calendar;
using OneStop.Deadlines;
using OneStop.Dossiers;
using OneStop.Persistence;
using OneStop.Procedures;
using OneStop.Users;

namespace OneStop.Api.Administration;

/// <summary>
/// The procedure catalogue (administrators). Versions are immutable: a change of processing time, documents,
/// budgets or fee is a new version, and a dossier keeps the version it was received under (domain rule 2).
/// An administrator sees the procedures every agency offers and those of agencies in its subtree; a procedure of
/// another subtree answers 404.
/// </summary>
public static partial class ProcedureAdminEndpoints
{
    private const int MaxItems = 100;

    public static IEndpointRouteBuilder MapProcedureAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/procedures").WithTags("Administration: procedures")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin));
        group.MapGet("/", Search);
        group.MapPost("/", Create);
        group.MapPost("/{code}/versions", AddVersion).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <summary>A national procedure code: 1.000948.H38, 2.000815.000.00.00.H12, ...</summary>
    [GeneratedRegex(@"^[0-9]\.[0-9]{6}(\.[0-9A-Z]{1,5}){0,5}$")]
    private static partial Regex CodePattern();

    public static async Task<Ok<IReadOnlyList<ProcedureResponse>>> Search(
        string? search, OneStopDbContext db, CurrentStaff staff, CancellationToken cancellationToken)
    {
        var member = await staff.GetAsync(cancellationToken);
        var found = await ProcedureCatalogue.SearchAsync(db, member.AgencyPath, search, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ProcedureResponse>>(found.Select(f => ProcedureResponse.From(f.Procedure, f.Agency, f.Procedure.Versions)).ToList());
    }

    public static async Task<Results<Created<ProcedureResponse>, ValidationProblem>> Create(
        CreateProcedureRequest request, OneStopDbContext db, CurrentStaff staff, CancellationToken cancellationToken)
    {
        var member = await staff.GetAsync(cancellationToken);
        var validation = new Validation();
        var code = request.Code?.Trim() ?? string.Empty;
        if (code.Length > 40 || !CodePattern().IsMatch(code))
        {
            validation.Add("code", ValidationCodes.ProcedureCode, "Required: a national procedure code such as 1.000948.H38.");
        }
        else if (await db.Procedures.AnyAsync(p => p.Code == code, cancellationToken))
        {
            validation.Add("code", ValidationCodes.ProcedureCodeTaken, "A procedure has this code already.");
        }

        var name = Text(request.Name, "name", 500, validation);
        var field = Text(request.Field, "field", 200, validation);
        var agencyId = request.Agency?.Trim();
        Guid? offeredBy = null;
        if (!string.IsNullOrEmpty(agencyId))
        {
            offeredBy = await db.Agencies.Where(a => a.ElectronicId == agencyId && a.Path.StartsWith(member.AgencyPath)).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(cancellationToken);
            if (offeredBy is null)
            {
                validation.Add("agency", ValidationCodes.UnknownAgency, "Unknown agency, or not one of yours.");
            }
        }
        else if (!IsRootAdministrator(member))
        {
            validation.Add("agency", ValidationCodes.SharedProcedureNeedsRoot, "Required: only an administrator of a root agency may add a procedure that every agency offers.");
        }

        if (!validation.IsValid)
        {
            return AdminResults.Invalid(validation);
        }

        var procedure = new Procedure(Guid.NewGuid(), code, name, field);
        procedure.OfferedBy(offeredBy);
        db.Procedures.Add(procedure);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return AdminResults.Invalid("code", "A procedure has this code already.");
        }

        return TypedResults.Created("/api/admin/procedures?search=" + Uri.EscapeDataString(code), ProcedureResponse.From(procedure, string.IsNullOrEmpty(agencyId) ? null : agencyId, []));
    }

    /// <summary>
    /// Adds the next version. It takes effect at <c>effectiveFrom</c>, which cannot precede the latest version's:
    /// intake takes the highest-numbered version in effect, so an earlier date would hide a later one.
    /// </summary>
    public static async Task<Results<Created<ProcedureResponse>, ValidationProblem, ProblemHttpResult>> AddVersion(
        string code, AddProcedureVersionRequest request, OneStopDbContext db, CurrentStaff staff, CancellationToken cancellationToken)
    {
        var member = await staff.GetAsync(cancellationToken);
        var procedure = await db.Procedures.Include(p => p.Versions).SingleOrDefaultAsync(p => p.Code == code, cancellationToken);
        string? agency = null;
        if (procedure?.AgencyId is { } agencyId)
        {
            agency = await db.Agencies.Where(a => a.Id == agencyId && a.Path.StartsWith(member.AgencyPath)).Select(a => a.ElectronicId).SingleOrDefaultAsync(cancellationToken);
        }

        if (procedure is null || (procedure.AgencyId is not null && agency is null))
        {
            return AdminResults.NotFound("procedure " + code);
        }

        if (procedure.AgencyId is null && !IsRootAdministrator(member))
        {
            return TypedResults.Problem("Only an administrator of a root agency may change a procedure that every agency offers.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
        }

        var validation = new Validation();
        var effectiveFrom = EffectiveFrom(request.EffectiveFrom, validation);
        if (effectiveFrom is { } from && procedure.Versions.MaxBy(v => v.Number) is { } latest && from < latest.EffectiveFrom)
        {
            validation.Add("effectiveFrom", ValidationCodes.PrecedesVersion, $"Cannot precede version {latest.Number}'s ({OfficeTime.FormatIso(latest.EffectiveFrom)}).",
                latest.Number, OfficeTime.ToLocal(latest.EffectiveFrom).Date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        }

        var processingTime = ProcessingTime(request.ProcessingTime, "processingTime", validation);
        var cutOff = CutOffRule.Parse(request.CutOff);
        if (!string.IsNullOrWhiteSpace(request.CutOff) && cutOff is null)
        {
            validation.Add("cutOff", ValidationCodes.ProcedureCutOff, "A time such as 16:00, or closing-1h / closing-30m (before the last session ends, at most 8 hours); empty for the agency's.");
        }

        ProcessingTime? citizenTime = request.CitizenSupplementTime is { } citizen
            ? ProcessingTime(citizen, "citizenSupplementTime", validation)
            : null;
        if (citizenTime is { Amount: 0 } or { Unit: DurationUnit.SameDay })
        {
            validation.Add("citizenSupplementTime.amount", ValidationCodes.CitizenSupplementTime, "At least 1 working day, working hour or day.");
        }

        var supplementWindow = SupplementWindow(request.SupplementWindow, validation);
        var documents = Documents(request.RequiredDocuments, validation);
        var budgets = Budgets(request.StepBudgets, validation);
        var fee = request.Fee ?? 0;
        if (fee is < 0 or > 1_000_000_000_000m || decimal.Round(fee, 0) != fee)
        {
            validation.Add("fee", ValidationCodes.Fee, "A whole number of đồng, zero or more.");
        }

        if (!validation.IsValid)
        {
            return AdminResults.Invalid(validation);
        }

        var number = procedure.Versions.Count == 0 ? 1 : procedure.Versions.Max(v => v.Number) + 1;
        var version = procedure.AddVersion(new ProcedureVersion(Guid.NewGuid(), procedure.Id, number, effectiveFrom!.Value, processingTime, documents, budgets, fee, cutOff, citizenTime, supplementWindow));
        db.ProcedureVersions.Add(version);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new DossierRuleException("procedure-version-conflict", $"Another version of {code} was added at the same time; reload and try again.");
        }

        return TypedResults.Created("/api/admin/procedures?search=" + Uri.EscapeDataString(code), ProcedureResponse.From(procedure, agency, procedure.Versions));
    }

    /// <summary>Whether the member's agency is a root of the agency tree (its path has one id).</summary>
    internal static bool IsRootAdministrator(StaffMember member) => member.AgencyPath.Count(c => c == '/') == 2;

    private static Instant? EffectiveFrom(string? value, Validation validation)
    {
        var text = InputPolicy.FirstForbidden(value, multiLine: false) < 0 ? value?.Trim() ?? string.Empty : string.Empty;
        var date = LocalDatePattern.Iso.Parse(text);
        if (date.Success && WorkingCalendar.Covers(date.Value))
        {
            return OfficeTime.ToInstant(date.Value.AtMidnight());
        }

        var instant = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (instant.Success && WorkingCalendar.Covers(instant.Value.Date))
        {
            return instant.Value.ToInstant();
        }

        validation.Add("effectiveFrom", ValidationCodes.EffectiveFrom, "Required: a date (2025-07-01) or an instant with its offset (2025-07-01T00:00:00+07:00), 1900–2199.");
        return null;
    }

    private static ProcessingTime ProcessingTime(Api.Deadlines.DurationRequest? request, string field, Validation validation)
    {
        var amount = request?.Amount;
        var unit = request?.Unit;
        if (amount is null or < 0 or > 10_000)
        {
            validation.Add(field + ".amount", ValidationCodes.OutOfRange, "Required: a whole number from 0 to 10000.", 0, 10_000);
        }

        if (unit is null || !Enum.IsDefined(unit.Value))
        {
            validation.Add(field + ".unit", ValidationCodes.DurationUnit, "Required: WorkingDays, WorkingHours, SameDay or CalendarDays.");
        }
        else if (unit == DurationUnit.SameDay && amount > 1)
        {
            validation.Add(field + ".amount", ValidationCodes.SameDayAmount, "A same-day processing time has amount 0 or 1.");
        }

        return new ProcessingTime(amount ?? 0, unit ?? DurationUnit.WorkingDays);
    }

    /// <summary>Domain rule 5: working days or working hours, more than zero; none given: 3 working days.</summary>
    private static ProcessingTime? SupplementWindow(Api.Deadlines.DurationRequest? request, Validation validation)
    {
        if (request is null)
        {
            return null;
        }

        if (request.Amount is null or < 1 or > 1_000)
        {
            validation.Add("supplementWindow.amount", ValidationCodes.OutOfRange, "A whole number from 1 to 1000.", 1, 1_000);
        }

        if (request.Unit is not (DurationUnit.WorkingDays or DurationUnit.WorkingHours))
        {
            validation.Add("supplementWindow.unit", ValidationCodes.SupplementWindowUnit, "WorkingDays or WorkingHours.");
        }

        return new ProcessingTime(request.Amount ?? 1, request.Unit ?? DurationUnit.WorkingDays);
    }

    private static List<RequiredDocument> Documents(IReadOnlyList<RequiredDocumentRequest>? requested, Validation validation)
    {
        var documents = new List<RequiredDocument>();
        requested ??= [];
        if (requested.Count > MaxItems)
        {
            validation.Add("requiredDocuments", ValidationCodes.TooManyItems, $"At most {MaxItems} documents.", MaxItems);
            return documents;
        }

        for (var i = 0; i < requested.Count; i++)
        {
            var d = requested[i];
            var name = Text(d?.Name, $"requiredDocuments[{i}].name", 500, validation);
            if (d is null || d.Originals is < 0 or > Dossiers.DossierIntake.MaxCopies || d.Copies is < 0 or > Dossiers.DossierIntake.MaxCopies || d.Originals + d.Copies == 0)
            {
                validation.Add($"requiredDocuments[{i}]", ValidationCodes.DocumentCopies, $"At least one original or copy, no negative counts, at most {Dossiers.DossierIntake.MaxCopies} of each.", Dossiers.DossierIntake.MaxCopies);
                continue;
            }

            documents.Add(new RequiredDocument(name, d.Originals, d.Copies));
        }

        return documents;
    }

    private static List<StepBudget> Budgets(IReadOnlyList<StepBudgetRequest>? requested, Validation validation)
    {
        var budgets = new List<StepBudget>();
        requested ??= [];
        if (requested.Count > MaxItems)
        {
            validation.Add("stepBudgets", ValidationCodes.TooManyItems, $"At most {MaxItems} steps.", MaxItems);
            return budgets;
        }

        for (var i = 0; i < requested.Count; i++)
        {
            var b = requested[i];
            var unit = Text(b?.Unit, $"stepBudgets[{i}].unit", 200, validation);
            if (b is null || b.WorkingHours is < 1 or > 10_000)
            {
                validation.Add($"stepBudgets[{i}].workingHours", ValidationCodes.OutOfRange, "A whole number of working hours from 1 to 10000.", 1, 10_000);
                continue;
            }

            // One budget per unit, units matched as the catalogue matches them ("Tư pháp" is "tư pháp ").
            unit = Agencies.UnitName.Normalise(unit);
            if (budgets.Any(x => Agencies.UnitName.Same(x.Unit, unit)))
            {
                validation.Add($"stepBudgets[{i}].unit", ValidationCodes.StepUnitRepeated, "Each unit has one budget.");
            }

            budgets.Add(new StepBudget(unit, b.WorkingHours));
        }

        return budgets;
    }

    private static string Text(string? value, string field, int maxLength, Validation validation) =>
        InputPolicy.Text(value, field, maxLength, validation);
}
