using Microsoft.EntityFrameworkCore;
using OneStop.Persistence;

namespace OneStop.Agencies;

/// <summary>
/// The units of some agencies as read at one moment: how a spelling found anywhere (a request, a user, a dossier
/// row, an old ledger event) maps to an agency's unit. A spelling matches a unit by <see cref="UnitName.Key"/>,
/// first among current names, then among former names (the ledger is never rewritten: old spellings are mapped
/// when read).
/// </summary>
public sealed class UnitCatalogue
{
    private readonly Dictionary<Guid, List<AgencyUnit>> _byAgency;
    private readonly Dictionary<string, Guid> _agencyByElectronicId;

    public UnitCatalogue(IEnumerable<AgencyUnit> units, IReadOnlyDictionary<string, Guid>? agencyByElectronicId = null)
    {
        ArgumentNullException.ThrowIfNull(units);
        _byAgency = units.GroupBy(u => u.AgencyId).ToDictionary(g => g.Key, g => g.OrderBy(u => u.Name, StringComparer.Ordinal).ToList());
        _agencyByElectronicId = agencyByElectronicId?.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal) ?? [];
    }

    /// <summary>The catalogues of the given agencies (all agencies when null), with every agency's electronic id.</summary>
    public static async Task<UnitCatalogue> LoadAsync(OneStopDbContext db, IReadOnlyCollection<Guid>? agencies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.AgencyUnits.AsNoTracking();
        if (agencies is not null)
        {
            query = query.Where(u => agencies.Contains(u.AgencyId));
        }

        var units = await query.ToListAsync(cancellationToken);
        var ids = await db.Agencies.AsNoTracking().Select(a => new { a.ElectronicId, a.Id }).ToDictionaryAsync(a => a.ElectronicId, a => a.Id, cancellationToken);
        return new UnitCatalogue(units, ids);
    }

    /// <summary>The agency's active units, the desk first, then by name.</summary>
    public IReadOnlyList<AgencyUnit> Active(Guid agencyId) => All(agencyId).Where(u => u.IsActive).OrderBy(u => !u.IsDesk).ThenBy(u => u.Name, StringComparer.Ordinal).ToList();

    /// <summary>The agency's units, active or not, by name.</summary>
    public IReadOnlyList<AgencyUnit> All(Guid agencyId) => _byAgency.GetValueOrDefault(agencyId) ?? [];

    /// <summary>The agency's unit a spelling names (current names first, then former ones), or null.</summary>
    public AgencyUnit? Find(Guid agencyId, string? spelling)
    {
        var key = UnitName.Key(spelling);
        if (key.Length == 0)
        {
            return null;
        }

        var units = All(agencyId);
        return units.FirstOrDefault(u => u.Key == key) ?? units.FirstOrDefault(u => u.Keys.Skip(1).Contains(key, StringComparer.Ordinal));
    }

    /// <summary>Whether two spellings name one unit of the agency (by the catalogue, or by <see cref="UnitName.Key"/> where it lacks them); never for a blank one.</summary>
    public bool SameUnit(Guid agencyId, string? a, string? b)
    {
        if (UnitName.Key(a).Length == 0 || UnitName.Key(b).Length == 0)
        {
            return false;
        }

        return Find(agencyId, a) is { } first && Find(agencyId, b) is { } second ? first.Id == second.Id : UnitName.Same(a, b);
    }

    /// <summary>
    /// The names rows may hold for the unit a spelling names: its name and its former names (hand-overs store the
    /// catalogue's name of their day, and the ledger is never rewritten); the normalised spelling alone when the catalogue
    /// lacks it. What a list narrowed to a unit matches, so that it holds what the unit's count (<see cref="Canonical(Guid, string?)"/>) holds.
    /// </summary>
    public List<string> Names(Guid agencyId, string? spelling) =>
        Find(agencyId, spelling) is { } unit ? unit.Former.Prepend(unit.Name).ToList() : [UnitName.Normalise(spelling)];

    /// <inheritdoc cref="Names(Guid, string?)"/>
    public List<string> Names(string agencyElectronicId, string? spelling) =>
        _agencyByElectronicId.TryGetValue(agencyElectronicId, out var id) ? Names(id, spelling) : [UnitName.Normalise(spelling)];

    /// <summary>The canonical name of the unit a spelling names; the normalised spelling when the catalogue lacks it.</summary>
    public string Canonical(Guid agencyId, string? spelling) => Find(agencyId, spelling)?.Name ?? UnitName.Normalise(spelling);

    /// <inheritdoc cref="Canonical(Guid, string?)"/>
    public string Canonical(string agencyElectronicId, string? spelling) =>
        _agencyByElectronicId.TryGetValue(agencyElectronicId, out var id) ? Canonical(id, spelling) : UnitName.Normalise(spelling);
}
