using Microsoft.AspNetCore.Identity;

namespace OneStop.Users;

/// <summary>A member of staff who signs in. Sees only the subtree of its agency.</summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    public string FullName { get; set; } = string.Empty;

    public Guid AgencyId { get; set; }

    public bool IsDemo { get; set; }
}
