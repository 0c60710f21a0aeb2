namespace OneStop.Api.Administration;

/// <summary>A member of staff: agency by electronic id, roles, and whether sign-in is locked after failed attempts.</summary>
public sealed record UserResponse(string UserName, string FullName, string Agency, string AgencyName, IReadOnlyList<string> Roles, bool LockedOut);
