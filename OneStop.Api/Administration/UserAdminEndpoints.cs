using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using OneStop.Agencies;
using OneStop.Api.Identity;
using OneStop.Api.Problems;
using OneStop.Api.Units;
using OneStop.Calendar;
using OneStop.Persistence;
using OneStop.Users;

namespace OneStop.Api.Administration;

/// <summary>
/// Users and roles (administrators, for the users of agencies in their subtree; others answer 404). Uses ASP.NET
/// Core Identity; its errors become 400 naming the field. A change of roles or password renews the user's
/// security stamp: cookies and refresh tokens issued before stop working (an access token lives out its 5 minutes).
/// A user's unit, picked from the agency's catalogue (<see cref="UnitDirectory"/>), routes officers' and heads'
/// notices to the unit holding the dossier; the user's e-mail address is where they go (a notice whose recipients
/// have none stays undelivered and is shown to administrators). An administrator locks and unlocks a user
/// (server time and administrator recorded); a locked user cannot sign in, get or refresh a token.
/// </summary>
public static class UserAdminEndpoints
{
    public static IEndpointRouteBuilder MapUserAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/users").WithTags("Administration: users")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin));
        group.MapGet("/", List);
        group.MapPost("/", Create);
        group.MapPut("/{userName}/roles", SetRoles);
        group.MapPut("/{userName}/unit", SetUnit);
        group.MapPut("/{userName}/contact", SetContact);
        group.MapPost("/{userName}/password", ResetPassword);
        group.MapPost("/{userName}/lock", Lock).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{userName}/unlock", Unlock);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<UserResponse>>> List(OneStopDbContext db, CurrentStaff staff, IClock clock, CancellationToken cancellationToken)
    {
        var member = await staff.GetAsync(cancellationToken);
        var users = await (
            from u in db.Users.AsNoTracking()
            join a in db.Agencies on u.AgencyId equals a.Id
            where a.Path.StartsWith(member.AgencyPath)
            select new { u.Id, u.UserName, u.FullName, u.Unit, u.LockoutEnd, u.Email, u.PhoneNumber, u.LockedAt, u.LockedBy, a.ElectronicId, AgencyName = a.Name })
            .ToListAsync(cancellationToken);
        var ids = users.Select(u => u.Id).ToList();
        var roles = (await (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            where ids.Contains(ur.UserId)
            select new { ur.UserId, r.Name }).ToListAsync(cancellationToken))
            .ToLookup(x => x.UserId, x => x.Name!);
        var now = clock.GetCurrentInstant().ToDateTimeOffset();
        return TypedResults.Ok<IReadOnlyList<UserResponse>>(users
            .OrderBy(u => u.UserName, StringComparer.Ordinal)
            .Select(u => new UserResponse(u.UserName ?? string.Empty, u.FullName, u.ElectronicId, u.AgencyName, u.Unit, roles[u.Id].Order(StringComparer.Ordinal).ToList(), u.LockoutEnd > now, u.Email, u.PhoneNumber,
                u.LockedAt is not null, u.LockedAt is { } at ? OfficeTime.FormatIso(at) : null, u.LockedBy))
            .ToList());
    }

    /// <summary>Creates a user with a password and roles, all or nothing.</summary>
    public static async Task<Results<Created<UserResponse>, ValidationProblem>> Create(
        CreateUserRequest request, OneStopDbContext db, UserManager<StaffUser> users, CurrentStaff staff, UnitDirectory units, CancellationToken cancellationToken)
    {
        var member = await staff.GetAsync(cancellationToken);
        var validation = new Validation();
        var userName = InputPolicy.Text(request.UserName, "userName", 100, validation);
        var fullName = InputPolicy.Text(request.FullName, "fullName", 200, validation);
        CheckPassword(request.Password, validation);

        var agency = await AgencyAsync(request.Agency, member, db, validation, cancellationToken);
        var roles = CheckRoles(request.Roles, validation);
        var unit = agency is null ? null : await units.PickAsync(agency.Id, request.Unit, "unit", required: false, validation, cancellationToken);
        var email = StaffContact.Email(request.Email, validation);
        var phone = StaffContact.Phone(request.Phone, validation);
        if (!validation.IsValid)
        {
            return AdminResults.Invalid(validation);
        }

        var user = new StaffUser { UserName = userName, FullName = fullName, AgencyId = agency!.Id, Unit = unit, Email = email, PhoneNumber = phone };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!Check(await users.CreateAsync(user, request.Password!), validation) || !Check(await users.AddToRolesAsync(user, roles), validation))
        {
            return AdminResults.Invalid(validation);
        }

        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created("/api/admin/users/" + Uri.EscapeDataString(userName), new UserResponse(userName, fullName, agency.ElectronicId, agency.Name, unit, roles, false, email, phone));
    }

    /// <summary>Sets the user's roles to exactly the given set. Administrators cannot take the Admin role from themselves.</summary>
    public static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> SetRoles(
        string userName, UserRolesRequest request, OneStopDbContext db, UserManager<StaffUser> users, CurrentStaff staff, IClock clock, CancellationToken cancellationToken)
    {
        var member = await staff.GetAsync(cancellationToken);
        if (await FindAsync(userName, member, db, users, cancellationToken) is not var (user, agency))
        {
            return AdminResults.NotFound("user " + userName);
        }

        var validation = new Validation();
        var roles = CheckRoles(request.Roles, validation);
        if (user.Id == member.UserId && !roles.Contains(Roles.Admin))
        {
            validation.Add("roles", ValidationCodes.OwnAdminRole, "You cannot take the Admin role from yourself: another administrator must.");
        }

        if (!validation.IsValid)
        {
            return AdminResults.Invalid(validation);
        }

        var current = await users.GetRolesAsync(user);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!Check(await users.RemoveFromRolesAsync(user, current.Except(roles, StringComparer.Ordinal)), validation)
            || !Check(await users.AddToRolesAsync(user, roles.Except(current, StringComparer.Ordinal)), validation)
            || !Check(await users.UpdateSecurityStampAsync(user), validation))
        {
            return AdminResults.Invalid(validation);
        }

        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(Response(user, agency, roles, clock));
    }

    /// <summary>Sets the unit the user works in; an empty or missing unit clears it.</summary>
    public static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> SetUnit(
        string userName, UserUnitRequest request, OneStopDbContext db, UserManager<StaffUser> users, CurrentStaff staff, UnitDirectory units, IClock clock, CancellationToken cancellationToken)
    {
        var member = await staff.GetAsync(cancellationToken);
        if (await FindAsync(userName, member, db, users, cancellationToken) is not var (user, agency))
        {
            return AdminResults.NotFound("user " + userName);
        }

        var validation = new Validation();
        var unit = await units.PickAsync(agency.Id, request.Unit, "unit", required: false, validation, cancellationToken);
        if (!validation.IsValid)
        {
            return AdminResults.Invalid(validation);
        }

        user.Unit = unit;
        if (!Check(await users.UpdateAsync(user), validation))
        {
            return AdminResults.Invalid(validation);
        }

        var roles = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
        return TypedResults.Ok(Response(user, agency, roles, clock));
    }

    /// <summary>
    /// Sets the user's e-mail address and phone (both as given; empty or missing clears). Not a sign-in change:
    /// the user stays signed in.
    /// </summary>
    public static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> SetContact(
        string userName, UserContactRequest request, OneStopDbContext db, UserManager<StaffUser> users, CurrentStaff staff, IClock clock, CancellationToken cancellationToken)
    {
        var member = await staff.GetAsync(cancellationToken);
        if (await FindAsync(userName, member, db, users, cancellationToken) is not var (user, agency))
        {
            return AdminResults.NotFound("user " + userName);
        }

        var validation = new Validation();
        var email = StaffContact.Email(request.Email, validation);
        var phone = StaffContact.Phone(request.Phone, validation);
        if (!validation.IsValid)
        {
            return AdminResults.Invalid(validation);
        }

        user.Email = email;
        user.PhoneNumber = phone;
        if (!Check(await users.UpdateAsync(user), validation))
        {
            return AdminResults.Invalid(validation);
        }

        var roles = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
        return TypedResults.Ok(Response(user, agency, roles, clock));
    }

    private static UserResponse Response(StaffUser user, Agency agency, IReadOnlyList<string> roles, IClock clock) =>
        new(user.UserName ?? string.Empty, user.FullName, agency.ElectronicId, agency.Name, user.Unit, roles, user.LockoutEnd > clock.GetCurrentInstant().ToDateTimeOffset(), user.Email, user.PhoneNumber,
            user.LockedAt is not null, user.LockedAt is { } at ? OfficeTime.FormatIso(at) : null, user.LockedBy);

    /// <summary>
    /// Locks the user out until an administrator unlocks them: recorded with server time and the administrator,
    /// the security stamp renewed (pages sign the user out within a minute) and every refresh token revoked. An
    /// administrator cannot lock themself (409 <c>user-lock-self</c>): so the last administrator who can act is
    /// never locked out. Locking a locked user keeps the first record.
    /// </summary>
    public static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> Lock(
        string userName, OneStopDbContext db, UserManager<StaffUser> users, CurrentStaff staff, RefreshTokenStore refreshTokens, IClock clock, CancellationToken cancellationToken)
    {
        var member = await staff.GetAsync(cancellationToken);
        if (await FindAsync(userName, member, db, users, cancellationToken) is not var (user, agency))
        {
            return AdminResults.NotFound("user " + userName);
        }

        if (user.Id == member.UserId)
        {
            return TypedResults.Problem(
                "You cannot lock your own account: another administrator must.", statusCode: StatusCodes.Status409Conflict,
                title: "A business rule forbids this.", type: "https://onestop.local/problems/" + LockSelf, extensions: new Dictionary<string, object?> { ["code"] = LockSelf });
        }

        var validation = new Validation();
        if (user.LockedAt is null)
        {
            var now = clock.GetCurrentInstant();
            user.LockedAt = now;
            user.LockedBy = member.UserName;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (!Check(await users.UpdateSecurityStampAsync(user), validation))
            {
                return AdminResults.Invalid(validation);
            }

            await refreshTokens.RevokeUserAsync(user.Id, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var roles = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
        return TypedResults.Ok(Response(user, agency, roles, clock));
    }

    /// <summary>Unlocks the user: the administrator's lock and Identity's lockout after failed passwords are both lifted.</summary>
    public static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> Unlock(
        string userName, OneStopDbContext db, UserManager<StaffUser> users, CurrentStaff staff, IClock clock, CancellationToken cancellationToken)
    {
        var member = await staff.GetAsync(cancellationToken);
        if (await FindAsync(userName, member, db, users, cancellationToken) is not var (user, agency))
        {
            return AdminResults.NotFound("user " + userName);
        }

        var validation = new Validation();
        user.LockedAt = null;
        user.LockedBy = null;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!Check(await users.SetLockoutEndDateAsync(user, null), validation) || !Check(await users.ResetAccessFailedCountAsync(user), validation))
        {
            return AdminResults.Invalid(validation);
        }

        await transaction.CommitAsync(cancellationToken);
        var roles = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
        return TypedResults.Ok(Response(user, agency, roles, clock));
    }

    /// <summary>The stable code of the refusal to lock one's own account.</summary>
    public const string LockSelf = "user-lock-self";

    /// <summary>Sets a new password (the user was locked out, or forgot it) and lifts a lockout.</summary>
    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ResetPassword(
        string userName, PasswordResetRequest request, OneStopDbContext db, UserManager<StaffUser> users, CurrentStaff staff, CancellationToken cancellationToken)
    {
        var member = await staff.GetAsync(cancellationToken);
        if (await FindAsync(userName, member, db, users, cancellationToken) is not var (user, _))
        {
            return AdminResults.NotFound("user " + userName);
        }

        var validation = new Validation();
        if (!CheckPassword(request.Password, validation))
        {
            return AdminResults.Invalid(validation);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        if (!Check(await users.ResetPasswordAsync(user, token, request.Password!), validation)
            || !Check(await users.SetLockoutEndDateAsync(user, null), validation)
            || !Check(await users.ResetAccessFailedCountAsync(user), validation))
        {
            return AdminResults.Invalid(validation);
        }

        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<(StaffUser User, Agency Agency)?> FindAsync(
        string userName, StaffMember member, OneStopDbContext db, UserManager<StaffUser> users, CancellationToken cancellationToken)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            return null;
        }

        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == user.AgencyId && a.Path.StartsWith(member.AgencyPath), cancellationToken);
        return agency is null ? null : (user, agency);
    }

    private static async Task<Agency?> AgencyAsync(string? electronicId, StaffMember member, OneStopDbContext db, Validation validation, CancellationToken cancellationToken)
    {
        var id = electronicId?.Trim();
        var agency = string.IsNullOrEmpty(id)
            ? null
            : await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.ElectronicId == id && a.Path.StartsWith(member.AgencyPath), cancellationToken);
        if (agency is null)
        {
            validation.Add("agency", ValidationCodes.OwnAgency, "Required: the electronic id of your agency or of one under it.");
        }

        return agency;
    }

    /// <summary>A password is given, at most <see cref="InputPolicy.MaxPasswordLength"/> characters, without control characters.</summary>
    internal static bool CheckPassword(string? password, Validation validation)
    {
        if (string.IsNullOrEmpty(password))
        {
            validation.Add("password", ValidationCodes.Required, "Required.");
            return false;
        }

        if (password.Length > InputPolicy.MaxPasswordLength || InputPolicy.FirstForbidden(password, multiLine: false) >= 0)
        {
            validation.Add("password", ValidationCodes.TooLong, $"At most {InputPolicy.MaxPasswordLength} characters, no control characters.", InputPolicy.MaxPasswordLength);
            return false;
        }

        return true;
    }

    private static List<string> CheckRoles(IReadOnlyList<string>? requested, Validation validation)
    {
        var roles = new List<string>();
        requested ??= [];
        if (requested.Count == 0 || requested.Count > Roles.All.Count)
        {
            validation.Add("roles", ValidationCodes.RolesRequired, "At least one of " + string.Join(", ", Roles.All) + ", each once.");
            return roles;
        }

        for (var i = 0; i < requested.Count; i++)
        {
            var role = Roles.All.FirstOrDefault(r => string.Equals(r, requested[i]?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (role is null)
            {
                validation.Add($"roles[{i}]", ValidationCodes.Invalid, "One of " + string.Join(", ", Roles.All) + ".");
            }
            else if (!roles.Contains(role))
            {
                roles.Add(role);
            }
        }

        return roles;
    }

    /// <summary>Identity's error codes, as the request field they are about.</summary>
    private static bool Check(IdentityResult result, Validation validation)
    {
        foreach (var error in result.Errors)
        {
            var field = error.Code switch
            {
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => "password",
                "InvalidToken" => "password",
                "DuplicateUserName" or "InvalidUserName" => "userName",
                "DuplicateEmail" or "InvalidEmail" => "email",
                "InvalidPhoneNumber" => "phone",
                "DuplicateRoleName" or "InvalidRoleName" or "UserAlreadyInRole" or "UserNotInRole" => "roles",
                _ => "body",
            };
            var code = error.Code switch
            {
                "PasswordTooShort" => ValidationCodes.PasswordTooShort,
                "PasswordRequiresDigit" => ValidationCodes.PasswordDigit,
                "PasswordRequiresLower" => ValidationCodes.PasswordLower,
                "PasswordRequiresUpper" => ValidationCodes.PasswordUpper,
                "PasswordRequiresNonAlphanumeric" or "PasswordRequiresUniqueChars" => ValidationCodes.PasswordVariety,
                "DuplicateUserName" => ValidationCodes.UserNameTaken,
                "InvalidUserName" => ValidationCodes.UserNameInvalid,
                "InvalidEmail" => ValidationCodes.Email,
                _ => ValidationCodes.Invalid,
            };
            validation.Add(field, code, error.Description);
        }

        return result.Succeeded;
    }
}
