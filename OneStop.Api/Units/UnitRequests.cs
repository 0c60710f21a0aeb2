namespace OneStop.Api.Units;

/// <summary>
/// <c>POST /api/admin/agencies/{electronicId}/units</c> and <c>PUT …/units/{id}</c>: the unit's name. Kept
/// normalised (trimmed, inner spaces collapsed); unique in the agency ignoring case and spaces.
/// </summary>
public sealed record UnitRequest(string? Name);
