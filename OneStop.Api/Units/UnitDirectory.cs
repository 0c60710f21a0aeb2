using Microsoft.EntityFrameworkCore;
using NodaTime;
using OneStop.Agencies;
using OneStop.Api.Problems;
using OneStop.Persistence;

namespace OneStop.Api.Units;

/// <summary>
/// The agencies' unit catalogues for whoever picks a unit: hand-overs, users, pages (the desk's hand-over form
/// offers <see cref="ActiveNamesAsync(Guid, CancellationToken)"/>). A spelling is matched by the one rule of <see cref="UnitName"/>; what is
/// stored is the catalogue's name.
/// </summary>
public sealed class UnitDirectory(OneStopDbContext db)
{
    /// <summary>The agency's catalogue (its units, active or not).</summary>
    public async Task<UnitCatalogue> CatalogueAsync(Guid agencyId, CancellationToken cancellationToken) =>
        new(await db.AgencyUnits.AsNoTracking().Where(u => u.AgencyId == agencyId).ToListAsync(cancellationToken));

    /// <summary>The names of the agency's active units, the desk first, then by name: what a picker offers.</summary>
    public async Task<IReadOnlyList<string>> ActiveNamesAsync(Guid agencyId, CancellationToken cancellationToken) =>
        (await CatalogueAsync(agencyId, cancellationToken)).Active(agencyId).Select(u => u.Name).ToList();

    /// <summary>The names of several agencies' active units (by electronic id), each in picker order; an agency without units has none.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ActiveNamesAsync(IReadOnlyCollection<string> electronicIds, CancellationToken cancellationToken)
    {
        var agencies = await db.Agencies.AsNoTracking().Where(a => electronicIds.Contains(a.ElectronicId)).Select(a => new { a.Id, a.ElectronicId }).ToListAsync(cancellationToken);
        var ids = agencies.Select(a => a.Id).ToList();
        var catalogue = new UnitCatalogue(await db.AgencyUnits.AsNoTracking().Where(u => ids.Contains(u.AgencyId)).ToListAsync(cancellationToken));
        return agencies.ToDictionary(a => a.ElectronicId, a => (IReadOnlyList<string>)catalogue.Active(a.Id).Select(u => u.Name).ToList(), StringComparer.Ordinal);
    }

    /// <summary>
    /// The catalogue's name for the unit <paramref name="spelling"/> names in the agency. Absent: null (an error for
    /// <paramref name="field"/> when <paramref name="required"/>); not in the catalogue or deactivated: null and an
    /// error naming <paramref name="field"/>.
    /// </summary>
    public async Task<string?> PickAsync(Guid agencyId, string? spelling, string field, bool required, Validation validation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(validation);
        var text = required
            ? InputPolicy.Text(spelling, field, UnitName.MaxLength, validation)
            : InputPolicy.OptionalText(spelling, field, UnitName.MaxLength, validation);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var unit = (await CatalogueAsync(agencyId, cancellationToken)).Find(agencyId, text);
        if (unit is null)
        {
            validation.Add(field, ValidationCodes.UnitNotInCatalogue, "Not a unit of the agency's catalogue: pick one of its units.");
            return null;
        }

        if (!unit.IsActive)
        {
            validation.Add(field, ValidationCodes.UnitDeactivated, "This unit is deactivated in the agency's catalogue.");
            return null;
        }

        return unit.Name;
    }

    /// <summary>Adds the desk's entry to a new agency's catalogue (the caller saves).</summary>
    public void AddDesk(Guid agencyId, Instant now) => db.AgencyUnits.Add(AgencyUnit.Desk(agencyId, now));
}
