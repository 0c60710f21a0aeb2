using Microsoft.EntityFrameworkCore;
using OneStop.Agencies;
using OneStop.Notifications;
using OneStop.Persistence;
using OneStop.Users;

namespace OneStop.Jobs.Notifications;

/// <summary>Where a notice goes: the addresses, the agency whose staff receive it (for quiet hours), or why nobody can be reached.</summary>
public sealed record Recipients(IReadOnlyList<string> Addresses, Guid AgencyId, string? Problem);

/// <summary>
/// Finds a notice's recipients. The citizen: only the agency (for quiet hours); the addressee is found when the
/// message is composed (<see cref="CitizenMessages"/>). Staff: the role
/// is looked for in the dossier's agency, then in each agency above it (a province supervisor watches its
/// communes; a commune with no head of its own is covered from above), and the nearest agency with someone in the
/// role is the one told. Within it, officers and heads of department are those of the unit holding the dossier
/// (all of the role when nobody is assigned to it); the head of the agency is a head with no unit (any head when
/// there is none). Only members with an e-mail address can be reached; when the agency's members in the role
/// have none, the notice is undeliverable and says who lacks an address.
/// </summary>
public sealed class NoticeRecipients(IReadOnlyDictionary<Guid, (Guid? ParentId, string ElectronicId)> agencies, UnitCatalogue? units = null)
{
    // The unit holding the dossier and the member's unit are matched through the agency's catalogue (a renamed
    // unit's former name, a spelling differing in case or spaces, is the same unit).
    private readonly UnitCatalogue _units = units ?? new UnitCatalogue([]);

    private readonly Dictionary<(Guid, NoticeAudience, string?), Recipients> _staff = [];

    public static async Task<NoticeRecipients> LoadAsync(OneStopDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.ParentId, a.ElectronicId }).ToListAsync(cancellationToken);
        return new NoticeRecipients(rows.ToDictionary(a => a.Id, a => (a.ParentId, a.ElectronicId)), await UnitCatalogue.LoadAsync(db, null, cancellationToken));
    }

    /// <summary>The role a staff audience is looked for in.</summary>
    public static string RoleOf(NoticeAudience audience) => audience switch
    {
        NoticeAudience.Officer => Roles.Officer,
        NoticeAudience.Supervisor => Roles.Supervisor,
        NoticeAudience.HeadOfDepartment or NoticeAudience.HeadOfAgency => Roles.Head,
        _ => throw new ArgumentOutOfRangeException(nameof(audience), audience, "Not a staff audience."),
    };

    public async Task<Recipients> ResolveAsync(OneStopDbContext db, OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(message);
        if (message.Audience == NoticeAudience.Citizen)
        {
            // The citizen's desk; the address and the consent are the composer's (CitizenMessages).
            return new Recipients([], message.AgencyId, null);
        }

        // Staff addresses are the same for every notice of an agency, audience and unit in one run.
        var key = (message.AgencyId, message.Audience, message.Unit);
        if (!_staff.TryGetValue(key, out var found))
        {
            _staff[key] = found = await StaffAsync(db, message, cancellationToken);
        }

        return found;
    }

    private async Task<Recipients> StaffAsync(OneStopDbContext db, OutboxMessage message, CancellationToken cancellationToken)
    {
        var chain = new List<Guid>();
        for (Guid? id = message.AgencyId; id is { } current && agencies.TryGetValue(current, out var agency) && !chain.Contains(current); id = agency.ParentId)
        {
            chain.Add(current);
        }

        var role = RoleOf(message.Audience);
        var staff = await (
            from user in db.Users.AsNoTracking()
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join r in db.Roles on userRole.RoleId equals r.Id
            where chain.Contains(user.AgencyId) && r.Name == role
            select new { user.UserName, user.Email, user.Unit, user.AgencyId }).ToListAsync(cancellationToken);
        foreach (var agencyId in chain)
        {
            var inRole = staff.Where(s => s.AgencyId == agencyId).OrderBy(s => s.UserName, StringComparer.Ordinal).ToList();
            if (inRole.Count == 0)
            {
                continue;
            }

            var preferred = message.Audience switch
            {
                NoticeAudience.Officer or NoticeAudience.HeadOfDepartment => inRole.Where(s => _units.SameUnit(agencyId, s.Unit, message.Unit)).ToList(),
                NoticeAudience.HeadOfAgency => inRole.Where(s => s.Unit is null).ToList(),
                _ => inRole,
            };
            var reachable = preferred.Where(s => !string.IsNullOrWhiteSpace(s.Email)).ToList();
            if (reachable.Count == 0)
            {
                reachable = inRole.Where(s => !string.IsNullOrWhiteSpace(s.Email)).ToList();
            }

            if (reachable.Count == 0)
            {
                return new Recipients([], agencyId, $"Không ai có vai trò {role} tại {agencies[agencyId].ElectronicId} có email: {string.Join(", ", inRole.Select(s => s.UserName))}.");
            }

            return new Recipients(reachable.Select(s => s.Email!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList(), agencyId, null);
        }

        var at = agencies.TryGetValue(message.AgencyId, out var own) ? own.ElectronicId : message.AgencyId.ToString();
        return new Recipients([], message.AgencyId, $"Không có người dùng vai trò {role} tại {at} hay cơ quan cấp trên.");
    }
}
