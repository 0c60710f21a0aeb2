using OneStop.Deadlines;

namespace OneStop.Api.Administration;

/// <summary><c>POST /api/admin/agencies</c>: a new agency under <c>parent</c> (an electronic id in your subtree).</summary>
public sealed record CreateAgencyRequest(string? Name, string? ElectronicId, string? Parent);

/// <summary>
/// <c>PUT /api/admin/agencies/{electronicId}</c>: a field left out keeps its value. Office hours:
/// <c>{"sessions":["07:30-11:30","13:00-17:00"],"cutOff":"15:00","saturdayReception":[],"countingMode":"WorkingHours"}</c>;
/// where the agency used the configured default, the fields not given take the default's values. The public
/// contact shown on the citizen's status page (domain rule 11): <c>{"address":"…","phone":"024 3825 1234"}</c>;
/// an empty string clears it.
/// </summary>
public sealed record UpdateAgencyRequest(
    string? Name,
    string? ElectronicId,
    IReadOnlyList<string>? Sessions,
    string? CutOff,
    IReadOnlyList<string>? SaturdayReception,
    CountingMode? CountingMode,
    string? Address = null,
    string? Phone = null);
