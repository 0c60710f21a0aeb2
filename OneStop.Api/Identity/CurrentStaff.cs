using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneStop.Agencies;
using OneStop.Persistence;
using OneStop.Users;

namespace OneStop.Api.Identity;

/// <summary>
/// The signed-in member of staff, their agency and the agency subtree they may see: once per request, from
/// <see cref="StaffCache"/> or else in one query.
/// </summary>
public sealed class CurrentStaff(IHttpContextAccessor http, UserManager<StaffUser> users, OneStopDbContext db, StaffCache cache, TimeProvider time)
{
    private StaffMember? _member;
    private Agency? _agency;

    public async Task<StaffMember> GetAsync(CancellationToken cancellationToken)
    {
        if (_member is not null)
        {
            return _member;
        }

        var principal = http.HttpContext?.User ?? throw new InvalidOperationException("No request.");
        var id = Guid.TryParse(users.GetUserId(principal), out var parsed) ? parsed : throw new InvalidOperationException("No signed-in user.");
        var found = cache.Find(id) ?? await LoadAsync(id, cancellationToken);
        _agency = found.Agency;
        _member = new StaffMember(
            id,
            found.UserName,
            found.FullName,
            found.Agency.Id,
            found.Agency.Path,
            principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
            found.Unit);
        return _member;
    }

    private async Task<StaffRecord> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var generation = cache.Generation;
        var loadedAt = time.GetTimestamp();
        var found = await (from u in db.Users.AsNoTracking()
                           where u.Id == id
                           join a in db.Agencies.AsNoTracking() on u.AgencyId equals a.Id
                           select new { u.UserName, u.FullName, u.Unit, Agency = a }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException("The signed-in user no longer exists.");
        var record = new StaffRecord(found.UserName ?? id.ToString(), found.FullName, found.Unit, found.Agency);
        cache.Put(id, record, generation, loadedAt);
        return record;
    }

    /// <summary>The member's own agency (read with the member, no second query; shared with other requests: read only).</summary>
    public async Task<Agency> GetAgencyAsync(CancellationToken cancellationToken)
    {
        await GetAsync(cancellationToken);
        return _agency!;
    }
}

/// <summary>Who is acting, the path prefix of the agencies they may see, and their unit (department) if assigned.</summary>
public sealed record StaffMember(Guid UserId, string UserName, string FullName, Guid AgencyId, string AgencyPath, IReadOnlySet<string> Roles, string? Unit = null)
{
    public bool IsInRole(string role) => Roles.Contains(role);
}
