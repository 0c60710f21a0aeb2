using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneStop.Persistence;
using OneStop.Users;

namespace OneStop.Api.Identity;

/// <summary>The signed-in member of staff and the agency subtree they may see, loaded once per request.</summary>
public sealed class CurrentStaff(IHttpContextAccessor http, UserManager<StaffUser> users, OneStopDbContext db)
{
    private StaffMember? _member;

    public async Task<StaffMember> GetAsync(CancellationToken cancellationToken)
    {
        if (_member is not null)
        {
            return _member;
        }

        var principal = http.HttpContext?.User ?? throw new InvalidOperationException("No request.");
        var user = await users.GetUserAsync(principal) ?? throw new InvalidOperationException("The signed-in user no longer exists.");
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == user.AgencyId, cancellationToken);
        _member = new StaffMember(
            user.Id,
            user.UserName ?? user.Id.ToString(),
            user.FullName,
            agency.Id,
            agency.Path,
            principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
        return _member;
    }
}

/// <summary>Who is acting, and the path prefix of the agencies they may see.</summary>
public sealed record StaffMember(Guid UserId, string UserName, string FullName, Guid AgencyId, string AgencyPath, IReadOnlySet<string> Roles)
{
    public bool IsInRole(string role) => Roles.Contains(role);
}
