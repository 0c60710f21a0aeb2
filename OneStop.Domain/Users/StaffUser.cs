using Microsoft.AspNetCore.Identity;
using NodaTime;

namespace OneStop.Users;

/// <summary>A member of staff who signs in. Sees only the subtree of its agency.</summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    public string FullName { get; set; } = string.Empty;

    public Guid AgencyId { get; set; }

    /// <summary>
    /// The unit (department) of the agency the member works in, a name from the agency's catalogue
    /// (<see cref="Agencies.AgencyUnit"/>, e.g. "Công chức tư pháp - hộ tịch"); null when not assigned. Officers' and heads' notices about a dossier go to
    /// the unit holding it.
    /// </summary>
    public string? Unit { get; set; }

    public bool IsDemo { get; set; }

    /// <summary>
    /// Server time an administrator locked the account; null while it is not locked. A locked user cannot sign in,
    /// get or refresh a token (apart from Identity's own lockout after failed passwords, which lifts by itself).
    /// </summary>
    public Instant? LockedAt { get; set; }

    /// <summary>The administrator who locked the account.</summary>
    public string? LockedBy { get; set; }
}
