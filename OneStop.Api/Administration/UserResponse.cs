namespace OneStop.Api.Administration;

/// <summary>
/// A member of staff: agency by electronic id, the unit worked in (null when not assigned), roles, whether
/// sign-in is locked after failed attempts, the contact details notices go to (null when none), and whether an
/// administrator locked the account (when, office time, and who).
/// </summary>
public sealed record UserResponse(
    string UserName, string FullName, string Agency, string AgencyName, string? Unit, IReadOnlyList<string> Roles, bool LockedOut,
    string? Email = null, string? Phone = null, bool Locked = false, string? LockedAt = null, string? LockedBy = null);
