using Microsoft.EntityFrameworkCore;
using OneStop.Calendar;
using OneStop.Persistence;

namespace OneStop.Jobs.Sla;

/// <summary>Each agency's office hours (its own, or the configured default), loaded once per job run.</summary>
public sealed class AgencyHours(IReadOnlyDictionary<Guid, OfficeHours> byAgency, OfficeHours defaults)
{
    public OfficeHours Of(Guid agencyId) => byAgency.TryGetValue(agencyId, out var hours) ? hours : defaults;

    public static async Task<AgencyHours> LoadAsync(OneStopDbContext db, OfficeHours defaults, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var agencies = await db.Agencies.AsNoTracking().ToListAsync(cancellationToken);
        return new AgencyHours(agencies.ToDictionary(a => a.Id, a => a.OfficeHoursOr(defaults)), defaults);
    }
}
