using System.Text.RegularExpressions;
using System.Globalization;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;
using OneStop.Agencies;
using OneStop.Api.Identity;
using OneStop.Api.Problems;
using OneStop.Calendar;
using OneStop.Persistence;
using OneStop.Users;

namespace OneStop.Api.Administration;

/// <summary>
/// Agencies and their office hours (administrators, within the subtree of their own agency). An agency outside
/// the subtree answers 404. Changes apply to dossiers received afterwards: a dossier keeps the deadline it was
/// given (its counting mode and due are stored with it).
/// </summary>
public static partial class AgencyAdminEndpoints
{
    public static IEndpointRouteBuilder MapAgencyAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/agencies").WithTags("Administration: agencies")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin));
        group.MapGet("/", Tree);
        group.MapPost("/", Create);
        group.MapPut("/{electronicId}", Update);
        return app;
    }

    /// <summary>A public telephone number as people write it: digits, spaces, + ( ) . -, at least 3 digits.</summary>
    [GeneratedRegex(@"^(?=(?:[^0-9]*[0-9]){3})[0-9+(). \-]+$")]
    private static partial Regex PhonePattern();

    /// <summary>The administrator's agency and everything under it.</summary>
    public static async Task<Ok<AgencyResponse>> Tree(
        OneStopDbContext db, CurrentStaff staff, IOptions<OfficeHoursOptions> defaults, CancellationToken cancellationToken)
    {
        var member = await staff.GetAsync(cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.Path.StartsWith(member.AgencyPath)).ToListAsync(cancellationToken);
        var root = agencies.Single(a => a.Id == member.AgencyId);
        return TypedResults.Ok(AgencyResponse.Tree(root, agencies, defaults.Value.ToOfficeHours()));
    }

    public static async Task<Results<Created<AgencyResponse>, ValidationProblem>> Create(
        CreateAgencyRequest request, OneStopDbContext db, CurrentStaff staff, IOptions<OfficeHoursOptions> defaults, IClock clock, CancellationToken cancellationToken)
    {
        var member = await staff.GetAsync(cancellationToken);
        var validation = new Validation();
        var name = Name(request.Name, validation);
        var electronicId = await ElectronicIdAsync(request.ElectronicId, null, db, validation, cancellationToken);
        var parentId = request.Parent?.Trim();
        var parent = string.IsNullOrEmpty(parentId)
            ? null
            : await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.ElectronicId == parentId && a.Path.StartsWith(member.AgencyPath), cancellationToken);
        if (parent is null)
        {
            validation.Add("parent", ValidationCodes.OwnAgency, "Required: the electronic id of your agency or of one under it.");
        }

        if (!validation.IsValid)
        {
            return AdminResults.Invalid(validation);
        }

        var agency = new Agency(Guid.NewGuid(), name, electronicId, parent);
        db.Agencies.Add(agency);

        // Every catalogue of units starts with the desk's (administrators add the departments).
        db.AgencyUnits.Add(AgencyUnit.Desk(agency.Id, clock.GetCurrentInstant()));
        if (!await SaveAsync(db, validation, cancellationToken))
        {
            return AdminResults.Invalid(validation);
        }

        return TypedResults.Created("/api/admin/agencies/" + agency.ElectronicId, AgencyResponse.From(agency, parent!.ElectronicId, defaults.Value.ToOfficeHours(), []));
    }

    /// <summary>Renames an agency, changes its electronic id, or sets its office hours and counting mode.</summary>
    public static async Task<Results<Ok<AgencyResponse>, ValidationProblem, ProblemHttpResult>> Update(
        string electronicId, UpdateAgencyRequest request, OneStopDbContext db, CurrentStaff staff, IOptions<OfficeHoursOptions> options, IServiceProvider services, CancellationToken cancellationToken)
    {
        var member = await staff.GetAsync(cancellationToken);
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.ElectronicId == electronicId && a.Path.StartsWith(member.AgencyPath), cancellationToken);
        if (agency is null)
        {
            return AdminResults.NotFound("agency " + electronicId);
        }

        var validation = new Validation();
        var name = request.Name is null ? agency.Name : Name(request.Name, validation);
        var newId = request.ElectronicId is null || request.ElectronicId.Trim() == agency.ElectronicId
            ? agency.ElectronicId
            : await ElectronicIdAsync(request.ElectronicId, agency.Id, db, validation, cancellationToken);
        var defaults = options.Value.ToOfficeHours();
        var current = agency.OfficeHoursOr(defaults);
        var changesHours = request.Sessions is not null || request.CutOff is not null || request.SaturdayReception is not null || request.CountingMode is not null;
        var sessions = request.Sessions is null ? current.Sessions : Sessions(request.Sessions, "sessions", validation);
        var saturday = request.SaturdayReception is null ? current.SaturdayReception : Sessions(request.SaturdayReception, "saturdayReception", validation);
        var cutOff = current.CutOff;
        if (request.CutOff is not null)
        {
            var parsed = LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(InputPolicy.FirstForbidden(request.CutOff, multiLine: false) < 0 ? request.CutOff.Trim() : string.Empty);
            if (parsed.Success)
            {
                cutOff = parsed.Value;
            }
            else
            {
                validation.Add("cutOff", ValidationCodes.TimeOfDay, "A time such as 15:00.");
            }
        }

        var mode = request.CountingMode ?? agency.CountingMode;
        if (!Enum.IsDefined(mode))
        {
            validation.Add("countingMode", ValidationCodes.CountingMode, "WorkingHours or CivilCode.");
        }

        var address = request.Address is null ? agency.Address : Contact(request.Address, "address", 300, validation);
        var phone = request.Phone is null ? agency.Phone : Contact(request.Phone, "phone", 40, validation);
        if (phone.Length > 0 && !PhonePattern().IsMatch(phone))
        {
            validation.Add("phone", ValidationCodes.AgencyPhone, "Digits, spaces and + ( ) . - only, such as 024 3825 1234.");
        }

        if (changesHours && validation.IsValid)
        {
            CheckHours(sessions, cutOff, saturday, validation);
        }

        if (!validation.IsValid)
        {
            return AdminResults.Invalid(validation);
        }

        agency.Rename(name, newId);
        agency.SetContact(address, phone);
        if (changesHours)
        {
            agency.SetOfficeHours(sessions, cutOff, saturday, mode);
        }

        if (!await SaveAsync(db, validation, cancellationToken))
        {
            return AdminResults.Invalid(validation);
        }

        if (changesHours)
        {
            // New office hours restate the open dossiers, each with an event recording the hours (domain.md, "True
            // lateness"); closed ones keep the hours their ledger recorded. Where no job storage is configured here
            // the worker's nightly restatement does it.
            services.GetService<IBackgroundJobClient>()?.Enqueue<OneStop.Jobs.Calendar.RestatementJob>(job => job.RunAsync(CancellationToken.None));
        }

        var parent = agency.ParentId is { } parentId
            ? await db.Agencies.AsNoTracking().Where(a => a.Id == parentId).Select(a => a.ElectronicId).SingleAsync(cancellationToken)
            : null;
        return TypedResults.Ok(AgencyResponse.From(agency, parent, defaults, []));
    }

    /// <summary>
    /// Sessions sorted and not overlapping, at least one; the cut-off inside the working day (a dossier accepted after
    /// it counts from the next working day, so a cut-off outside the sessions means nothing: Decree 61/2018 art. 18 for
    /// dossiers accepted before 1 July 2025, Decree 118/2025 art. 18(2) as amended by Decree 309/2026 art. 9 after).
    /// </summary>
    private static void CheckHours(IReadOnlyList<WorkSession> sessions, LocalTime cutOff, IReadOnlyList<WorkSession> saturday, Validation validation)
    {
        try
        {
            _ = new OfficeHours(sessions, cutOff, saturday);
        }
        catch (ArgumentException e)
        {
            validation.Add(e.ParamName == "saturdayReception" ? "saturdayReception" : "sessions", ValidationCodes.Sessions, e.Message.Split(" (Parameter", 2)[0]);
            return;
        }

        if (cutOff <= sessions[0].Start || cutOff > sessions[^1].End)
        {
            validation.Add("cutOff", ValidationCodes.CutOffOutsideDay, string.Create(CultureInfo.InvariantCulture, $"Must fall within the working day, after {sessions[0].Start:HH:mm} and not after {sessions[^1].End:HH:mm}."),
                sessions[0].Start.ToString("HH:mm", CultureInfo.InvariantCulture), sessions[^1].End.ToString("HH:mm", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The most sessions of a day (morning, afternoon, and room for a split shift).</summary>
    private const int MaxSessions = 6;

    private static List<WorkSession> Sessions(IReadOnlyList<string> values, string field, Validation validation)
    {
        var sessions = new List<WorkSession>();
        if (!InputPolicy.List(values, field, MaxSessions, validation))
        {
            return sessions;
        }

        for (var i = 0; i < values.Count; i++)
        {
            try
            {
                sessions.Add(WorkSession.Parse(values[i] ?? string.Empty));
            }
            catch (FormatException)
            {
                validation.Add($"{field}[{i}]", ValidationCodes.Session, "A session such as 07:30-11:30 (start before end).");
            }
        }

        return sessions;
    }

    private static string Contact(string value, string field, int maxLength, Validation validation) =>
        InputPolicy.OptionalText(value, field, maxLength, validation) ?? string.Empty;

    private static string Name(string? value, Validation validation) => InputPolicy.Text(value, "name", 300, validation);

    private static async Task<string> ElectronicIdAsync(string? value, Guid? except, OneStopDbContext db, Validation validation, CancellationToken cancellationToken)
    {
        var id = value?.Trim() ?? string.Empty;
        if (!AgencyElectronicId.IsValid(id))
        {
            validation.Add("electronicId", ValidationCodes.ElectronicId, "Required: an electronic id such as H40.12.01 (Decision 20/2020) or 000.00.12.H40 (2018 style).");
        }
        else if (await db.Agencies.AnyAsync(a => a.ElectronicId == id && a.Id != except, cancellationToken))
        {
            validation.Add("electronicId", ValidationCodes.ElectronicIdTaken, "Another agency has this electronic id.");
        }

        return id;
    }

    /// <summary>Saves; a unique-index race on the electronic id becomes the same 400 as the check before it.</summary>
    private static async Task<bool> SaveAsync(OneStopDbContext db, Validation validation, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            validation.Add("electronicId", ValidationCodes.ElectronicIdTaken, "Another agency has this electronic id.");
            return false;
        }
    }
}
