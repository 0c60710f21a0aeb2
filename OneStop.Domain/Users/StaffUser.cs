using Microsoft.AspNetCore.Identity;

namespace OneStop.Users;

/// <summary>A member of staff who signs in. Sees only the subtree of its agency.</summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    public string FullName { get; set; } = string.Empty;

    public Guid AgencyId { get; set; }

    /// <summary>
    /// The unit (department) of the agency the member works in, as dossiers name it when handed over (e.g.
    /// "Công chức tư pháp - hộ tịch"); null when not assigned. Officers' and heads' notices about a dossier go to
    /// the unit holding it.
    /// </summary>
    public string? Unit { get; set; }

    public bool IsDemo { get; set; }
}
