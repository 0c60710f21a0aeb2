using Microsoft.EntityFrameworkCore;
using OneStop.Agencies;
using OneStop.Api.Identity;
using OneStop.Dossiers;
using OneStop.Persistence;

namespace OneStop.Api.Dossiers;

/// <summary>Loads dossiers the signed-in member of staff may see, and saves them with optimistic concurrency.</summary>
public sealed class DossierStore(OneStopDbContext db, CurrentStaff staff)
{
    /// <summary>
    /// The dossier with its receipts, supplement requests, apologies, hand-overs and visits, and its agency; null
    /// when it does not exist or lies outside the user's agency subtree (the two are not told apart).
    /// </summary>
    public async Task<(Dossier Dossier, Agency Agency)?> FindAsync(string code, CancellationToken cancellationToken)
    {
        var member = await staff.GetAsync(cancellationToken);
        var found = await db.Dossiers
            .Include(d => d.Receipts)
            .Include(d => d.SupplementRequests)
            .Include(d => d.Apologies)
            .Include(d => d.Handovers)
            .Include(d => d.Visits)
            .AsSplitQuery()
            .Join(db.Agencies, d => d.AgencyId, a => a.Id, (d, a) => new { Dossier = d, Agency = a })
            .Where(x => x.Dossier.Code == code && x.Agency.Path.StartsWith(member.AgencyPath))
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Dossier, found.Agency);
    }

    /// <summary>Saves; a concurrent change by someone else becomes the 409 rule <see cref="DossierRules.ConcurrentChange"/>.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || IsUniqueViolation(e))
        {
            throw new DossierRuleException(DossierRules.ConcurrentChange, "Someone else changed this dossier at the same time; reload and try again.");
        }
    }

    /// <summary>Unique-key violations on the ledger's (dossier, sequence) index, by provider.</summary>
    internal static bool IsUniqueViolation(DbUpdateException e) =>
        e.InnerException?.GetType().Name switch
        {
            "SqliteException" => e.InnerException.Message.Contains("UNIQUE", StringComparison.Ordinal),
            "PostgresException" => e.InnerException.Message.StartsWith("23505", StringComparison.Ordinal),
            "SqlException" => e.InnerException.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
}
