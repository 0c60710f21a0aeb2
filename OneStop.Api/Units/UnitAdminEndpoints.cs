using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using OneStop.Agencies;
using OneStop.Api.Administration;
using OneStop.Api.Identity;
using OneStop.Api.Problems;
using OneStop.Persistence;
using OneStop.Users;

namespace OneStop.Api.Units;

/// <summary>
/// Each agency's catalogue of units (departments), administered within the administrator's subtree (another
/// agency answers 404): list, add, rename, deactivate and reactivate. Hand-overs, users and the statistics pick
/// units from it. Nothing is deleted: a rename keeps the former name (old records read as the unit), a
/// deactivated unit is no longer offered but what names it stays readable. Staff read the active units of the
/// agencies they see at <c>GET /api/agencies/{electronicId}/units</c>.
/// </summary>
public static class UnitAdminEndpoints
{
    public static IEndpointRouteBuilder MapUnitEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/agencies/{electronicId}/units").WithTags("Administration: units")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin)).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", List);
        group.MapPost("/", Add);
        group.MapPut("/{id:guid}", Rename);
        group.MapPost("/{id:guid}/deactivate", Deactivate);
        group.MapPost("/{id:guid}/activate", Activate);
        app.MapGet("/api/agencies/{electronicId}/units", Active).WithTags("Units").RequireAuthorization();
        return app;
    }

    /// <summary>The agency's units, active or not, the desk first.</summary>
    public static async Task<Results<Ok<IReadOnlyList<UnitResponse>>, ProblemHttpResult>> List(
        string electronicId, OneStopDbContext db, CurrentStaff staff, CancellationToken cancellationToken)
    {
        if (await AgencyAsync(electronicId, db, staff, cancellationToken) is not { } agencyId)
        {
            return AdminResults.NotFound("agency " + electronicId);
        }

        return TypedResults.Ok(await ListAsync(db, agencyId, cancellationToken));
    }

    /// <summary>The names of the agency's active units (any signed-in member of staff who sees the agency).</summary>
    public static async Task<Results<Ok<IReadOnlyList<string>>, ProblemHttpResult>> Active(
        string electronicId, OneStopDbContext db, CurrentStaff staff, UnitDirectory units, CancellationToken cancellationToken)
    {
        if (await AgencyAsync(electronicId, db, staff, cancellationToken) is not { } agencyId)
        {
            return AdminResults.NotFound("agency " + electronicId);
        }

        return TypedResults.Ok(await units.ActiveNamesAsync(agencyId, cancellationToken));
    }

    public static async Task<Results<Created<UnitResponse>, ValidationProblem, ProblemHttpResult>> Add(
        string electronicId, UnitRequest request, OneStopDbContext db, CurrentStaff staff, IClock clock, CancellationToken cancellationToken)
    {
        var (named, invalid, missing) = await NamedAsync(electronicId, request, db, staff, cancellationToken);
        if (named is not var (agencyId, name, units))
        {
            return invalid is not null ? invalid : missing!;
        }

        if (Taken(units, name, null) is { } other)
        {
            return NameTaken(name, other);
        }

        var now = clock.GetCurrentInstant();
        var unit = new AgencyUnit(Guid.CreateVersion7(now.ToDateTimeOffset()), agencyId, name, now);
        db.AgencyUnits.Add(unit);
        if (await SaveAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return TypedResults.Created($"/api/admin/agencies/{Uri.EscapeDataString(electronicId)}/units/{unit.Id}", UnitResponse.From(unit));
    }

    /// <summary>Renames the unit; its old name becomes a former name. A change of case or spaces only respells it.</summary>
    public static async Task<Results<Ok<UnitResponse>, ValidationProblem, ProblemHttpResult>> Rename(
        string electronicId, Guid id, UnitRequest request, OneStopDbContext db, CurrentStaff staff, IClock clock, CancellationToken cancellationToken)
    {
        var (named, invalid, missing) = await NamedAsync(electronicId, request, db, staff, cancellationToken);
        if (named is not var (_, name, units))
        {
            return invalid is not null ? invalid : missing!;
        }

        if (units.SingleOrDefault(u => u.Id == id) is not { } unit)
        {
            return AdminResults.NotFound("unit " + id);
        }

        if (unit.IsDesk)
        {
            return DeskFixed();
        }

        if (Taken(units, name, unit) is { } other)
        {
            return NameTaken(name, other);
        }

        unit.Rename(name, clock.GetCurrentInstant());
        return await SaveAsync(db, cancellationToken) is { } conflict ? conflict : TypedResults.Ok(UnitResponse.From(unit));
    }

    /// <summary>
    /// What adding and renaming start from: the administered agency (404 when it is not one of the administrator's),
    /// the requested name (400 when invalid) and the agency's units, tracked.
    /// </summary>
    private static async Task<(NamedUnit? Named, ValidationProblem? Invalid, ProblemHttpResult? Missing)> NamedAsync(
        string electronicId, UnitRequest request, OneStopDbContext db, CurrentStaff staff, CancellationToken cancellationToken)
    {
        if (await AgencyAsync(electronicId, db, staff, cancellationToken) is not { } agencyId)
        {
            return (null, null, AdminResults.NotFound("agency " + electronicId));
        }

        var validation = new Validation();
        var name = Name(request.Name, validation);
        if (!validation.IsValid)
        {
            return (null, AdminResults.Invalid(validation), null);
        }

        var units = await db.AgencyUnits.Where(u => u.AgencyId == agencyId).ToListAsync(cancellationToken);
        return (new NamedUnit(agencyId, name, units), null, null);
    }

    private sealed record NamedUnit(Guid AgencyId, string Name, List<AgencyUnit> Units);

    /// <summary>The unit is no longer offered for hand-overs and users; dossiers and users it holds keep it.</summary>
    public static Task<Results<Ok<UnitResponse>, ProblemHttpResult>> Deactivate(
        string electronicId, Guid id, OneStopDbContext db, CurrentStaff staff, IClock clock, CancellationToken cancellationToken) =>
        ChangeAsync(electronicId, id, db, staff, cancellationToken, u => u.Deactivate(clock.GetCurrentInstant()));

    public static Task<Results<Ok<UnitResponse>, ProblemHttpResult>> Activate(
        string electronicId, Guid id, OneStopDbContext db, CurrentStaff staff, IClock clock, CancellationToken cancellationToken) =>
        ChangeAsync(electronicId, id, db, staff, cancellationToken, u => u.Activate(clock.GetCurrentInstant()));

    /// <summary>The agency's units as the list answers them (the desk first, then active ones by name).</summary>
    public static async Task<IReadOnlyList<UnitResponse>> ListAsync(OneStopDbContext db, Guid agencyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var units = await db.AgencyUnits.AsNoTracking().Where(u => u.AgencyId == agencyId).ToListAsync(cancellationToken);
        return units.OrderBy(u => !u.IsDesk).ThenBy(u => !u.IsActive).ThenBy(u => u.Name, StringComparer.Ordinal).Select(UnitResponse.From).ToList();
    }

    /// <summary>The id of the agency with this electronic id in the member's subtree, or null.</summary>
    public static async Task<Guid?> AgencyAsync(string electronicId, OneStopDbContext db, CurrentStaff staff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(staff);
        var member = await staff.GetAsync(cancellationToken);
        var id = electronicId?.Trim();
        return await db.Agencies.AsNoTracking().Where(a => a.ElectronicId == id && a.Path.StartsWith(member.AgencyPath))
            .Select(a => (Guid?)a.Id).SingleOrDefaultAsync(cancellationToken);
    }

    private static async Task<Results<Ok<UnitResponse>, ProblemHttpResult>> ChangeAsync(
        string electronicId, Guid id, OneStopDbContext db, CurrentStaff staff, CancellationToken cancellationToken, Action<AgencyUnit> change)
    {
        if (await AgencyAsync(electronicId, db, staff, cancellationToken) is not { } agencyId)
        {
            return AdminResults.NotFound("agency " + electronicId);
        }

        if (await db.AgencyUnits.SingleOrDefaultAsync(u => u.Id == id && u.AgencyId == agencyId, cancellationToken) is not { } unit)
        {
            return AdminResults.NotFound("unit " + id);
        }

        if (unit.IsDesk)
        {
            return DeskFixed();
        }

        change(unit);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(UnitResponse.From(unit));
    }

    private static string Name(string? name, Validation validation)
    {
        var text = InputPolicy.Text(name, "name", UnitName.MaxLength, validation);
        return UnitName.Normalise(text);
    }

    /// <summary>Another unit of the agency that this name reads as (its current or a former name).</summary>
    private static AgencyUnit? Taken(IEnumerable<AgencyUnit> units, string name, AgencyUnit? self)
    {
        var key = UnitName.Key(name);
        return units.FirstOrDefault(u => u != self && u.Keys.Contains(key, StringComparer.Ordinal));
    }

    private static ProblemHttpResult NameTaken(string name, AgencyUnit other) => Conflict(
        UnitRules.NameTaken,
        other.Key == UnitName.Key(name)
            ? $"The agency already has the unit \"{other.Name}\"{(other.IsActive ? string.Empty : " (deactivated: reactivate it)")}."
            : $"\"{name}\" is a former name of the unit \"{other.Name}\": old records read it as that unit.");

    private static ProblemHttpResult DeskFixed() => Conflict(UnitRules.DeskFixed, "The desk's unit keeps its name and stays active.");

    private static ProblemHttpResult Conflict(string code, string detail) => TypedResults.Problem(
        detail, statusCode: StatusCodes.Status409Conflict, title: "A business rule forbids this.", type: "https://onestop.local/problems/" + code,
        extensions: new Dictionary<string, object?> { ["code"] = code });

    // Two administrators adding the same name at once: the unique (agency, key) index refuses the second.
    private static async Task<ProblemHttpResult?> SaveAsync(OneStopDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException)
        {
            return Conflict(UnitRules.NameTaken, "Another unit of the agency took this name meanwhile.");
        }
    }
}
