namespace OneStop.Api.Administration;

/// <summary>
/// <c>POST /api/admin/users</c>: <c>{"userName":"motcua3","fullName":"...","password":"...","agency":"000.00.12.H99",
/// "roles":["Clerk"],"unit":"...","email":"...","phone":"..."}</c>; the agency is in your subtree, the roles are among
/// Clerk, Officer, Head, Supervisor, Admin; the unit (optional) is the department the user works in, as dossiers
/// name it; the email and phone (optional) are where the worker's notices reach the user.
/// </summary>
public sealed record CreateUserRequest(string? UserName, string? FullName, string? Password, string? Agency, IReadOnlyList<string>? Roles, string? Unit = null, string? Email = null, string? Phone = null);

/// <summary>
/// <c>PUT /api/admin/users/{userName}/contact</c>: the user's contact details afterwards (an empty or missing
/// value clears it): <c>{"email":"ten@phuong.gov.vn","phone":"0912345678"}</c>.
/// </summary>
public sealed record UserContactRequest(string? Email, string? Phone);

/// <summary><c>PUT /api/admin/users/{userName}/unit</c>: the unit the user works in; empty or missing clears it.</summary>
public sealed record UserUnitRequest(string? Unit);

/// <summary><c>PUT /api/admin/users/{userName}/roles</c>: the complete set of roles the user has afterwards.</summary>
public sealed record UserRolesRequest(IReadOnlyList<string>? Roles);

/// <summary><c>POST /api/admin/users/{userName}/password</c>: the new password.</summary>
public sealed record PasswordResetRequest(string? Password);
