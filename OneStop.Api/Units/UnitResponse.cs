using OneStop.Agencies;
using OneStop.Calendar;

namespace OneStop.Api.Units;

/// <summary>A unit of an agency's catalogue; <c>formerNames</c> are the names it had, which old records still read as it.</summary>
public sealed record UnitResponse(Guid Id, string Name, bool Active, bool Desk, IReadOnlyList<string> FormerNames, string CreatedAt, string ChangedAt)
{
    public static UnitResponse From(AgencyUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return new(unit.Id, unit.Name, unit.IsActive, unit.IsDesk, unit.Former, OfficeTime.FormatIso(unit.CreatedAt), OfficeTime.FormatIso(unit.ChangedAt));
    }
}
