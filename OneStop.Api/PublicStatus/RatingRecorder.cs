using Microsoft.EntityFrameworkCore;
using NodaTime;
using OneStop.Dossiers;
using OneStop.Persistence;
using OneStop.Ratings;

namespace OneStop.Api.PublicStatus;

/// <summary>The outcome of a rating attempt.</summary>
public enum RatingOutcome
{
    Recorded,
    InvalidLevel,
    CommentTooLong,
    NeedsReceipt,
    NotFound,
    BeforeReturn,
    AlreadyGiven,
}

/// <summary>
/// Records the citizen's one rating of a returned dossier (Decree 309/2026 art. 6), for whoever holds the receipt:
/// the check value is verified before anything is read, so a wrong one says nothing about the code. The rating
/// names the clerk who returned the result and the agency.
/// </summary>
public sealed class RatingRecorder(OneStopDbContext db, ReceiptCheck receiptCheck, PublicStatusCache cache, IClock clock)
{
    /// <summary>The levels in the order the page offers them, with their Vietnamese names.</summary>
    public static readonly IReadOnlyList<(SatisfactionLevel Level, string Text)> Levels =
    [
        (SatisfactionLevel.VerySatisfied, "Rất hài lòng"),
        (SatisfactionLevel.Satisfied, "Hài lòng"),
        (SatisfactionLevel.NotSatisfied, "Không hài lòng"),
    ];

    public async Task<(RatingOutcome Outcome, CitizenRating? Rating)> RateAsync(string code, string? check, string? level, string? comment, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<SatisfactionLevel>(level?.Trim(), ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(level, out _))
        {
            return (RatingOutcome.InvalidLevel, null);
        }

        if (comment?.Trim() is { Length: > CitizenRating.CommentMaxLength })
        {
            return (RatingOutcome.CommentTooLong, null);
        }

        if (!receiptCheck.Verify(code, check))
        {
            return (RatingOutcome.NeedsReceipt, null);
        }

        var normal = PublicCode.Normalize(code)!;
        var dossier = await db.Dossiers.AsNoTracking().Where(d => d.Code == normal)
            .Select(d => new { d.Id, d.AgencyId, d.Status }).SingleOrDefaultAsync(cancellationToken);
        if (dossier is null || dossier.Status == DossierStatus.Withdrawn)
        {
            return (RatingOutcome.NotFound, null);
        }

        if (dossier.Status != DossierStatus.Returned)
        {
            return (RatingOutcome.BeforeReturn, null);
        }

        if (await db.CitizenRatings.AnyAsync(r => r.DossierId == dossier.Id, cancellationToken))
        {
            return (RatingOutcome.AlreadyGiven, null);
        }

        var clerk = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == dossier.Id && e.Kind == DossierEventKind.Returned)
            .OrderByDescending(e => e.Sequence).Select(e => e.Actor).FirstAsync(cancellationToken);
        var rating = new CitizenRating(dossier.Id, dossier.AgencyId, clerk, parsed, comment, clock.GetCurrentInstant());
        db.CitizenRatings.Add(rating);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two answers at once: the unique index keeps the first.
            return (RatingOutcome.AlreadyGiven, null);
        }
        finally
        {
            cache.Evict(normal);
        }

        return (RatingOutcome.Recorded, rating);
    }
}
