using System.Globalization;
using OneStop.Agencies;
using OneStop.Calendar;

namespace OneStop.Api.Administration;

/// <summary>
/// An agency with its office hours in force and its sub-agencies. <c>usesDefaultHours</c> is true when the agency
/// sets no hours of its own and follows the <c>OfficeHours</c> configuration. <c>address</c> and <c>phone</c> are the
/// desk's public contact, shown on the citizen's status page.
/// </summary>
public sealed record AgencyResponse(
    string ElectronicId,
    string Name,
    string? Parent,
    IReadOnlyList<string> Sessions,
    string CutOff,
    IReadOnlyList<string> SaturdayReception,
    string CountingMode,
    bool UsesDefaultHours,
    string Address,
    string Phone,
    IReadOnlyList<AgencyResponse> Children)
{
    /// <summary>The tree under <paramref name="root"/> among <paramref name="agencies"/> (the subtree's rows).</summary>
    public static AgencyResponse Tree(Agency root, IReadOnlyList<Agency> agencies, OfficeHours defaults)
    {
        ArgumentNullException.ThrowIfNull(root);
        var children = agencies.ToLookup(a => a.ParentId);
        var byId = agencies.ToDictionary(a => a.Id);
        AgencyResponse Build(Agency agency) => From(
            agency,
            agency.ParentId is { } parent && byId.TryGetValue(parent, out var p) ? p.ElectronicId : null,
            defaults,
            children[agency.Id].OrderBy(c => c.Name, StringComparer.Ordinal).Select(Build).ToList());
        return Build(root);
    }

    public static AgencyResponse From(Agency agency, string? parent, OfficeHours defaults, IReadOnlyList<AgencyResponse> children)
    {
        ArgumentNullException.ThrowIfNull(agency);
        var hours = agency.OfficeHoursOr(defaults);
        return new AgencyResponse(
            agency.ElectronicId,
            agency.Name,
            parent,
            hours.Sessions.Select(s => s.ToString()).ToList(),
            hours.CutOff.ToString("HH:mm", CultureInfo.InvariantCulture),
            hours.SaturdayReception.Select(s => s.ToString()).ToList(),
            agency.CountingMode.ToString(),
            ReferenceEquals(hours, defaults),
            agency.Address,
            agency.Phone,
            children);
    }
}
