using Microsoft.EntityFrameworkCore;
using OneStop.Language;
using OneStop.Persistence;
using OneStop.Procedures;

namespace OneStop.Api.Administration;

/// <summary>
/// Finding procedures: those every agency offers and those of an agency in a subtree, matched on code or name
/// without regard to case or Vietnamese diacritics ("ket hon" finds "Đăng ký kết hôn").
/// </summary>
public static class ProcedureCatalogue
{
    /// <summary>At most this many procedures per answer.</summary>
    public const int Limit = 50;

    /// <summary>The visible procedures matching <paramref name="search"/> (all when blank), by code, with the agency's electronic id.</summary>
    public static async Task<List<(Procedure Procedure, string? Agency)>> SearchAsync(
        OneStopDbContext db, string agencyPath, string? search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await (
            from p in db.Procedures.AsNoTracking()
            join a in db.Agencies on p.AgencyId equals a.Id into offered
            from a in offered.DefaultIfEmpty()
            where p.AgencyId == null || a.Path.StartsWith(agencyPath)
            select new { p.Id, p.Code, p.Name, Agency = a == null ? null : (string?)a.ElectronicId })
            .ToListAsync(cancellationToken);

        // The catalogue of a province is a few thousand rows: matching in memory is what makes the search
        // insensitive to diacritics on every database provider.
        var words = VietnameseFolding.Fold(search ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var matches = rows
            .Where(r => words.Length == 0 || VietnameseFolding.Fold(r.Code + " " + r.Name) is var text && words.All(w => text.Contains(w, StringComparison.Ordinal)))
            .OrderBy(r => r.Code, StringComparer.Ordinal)
            .Take(Limit)
            .ToList();
        var ids = matches.Select(m => m.Id).ToList();
        var procedures = await db.Procedures.AsNoTracking().Include(p => p.Versions)
            .Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        return matches.Select(m => (procedures[m.Id], (string?)m.Agency)).ToList();
    }
}
