using NodaTime;

namespace OneStop.Ratings;

/// <summary>
/// The citizen's one rating of a returned dossier (Decree 309/2026 art. 6). It names the desk clerk who returned
/// the result and the agency, so that satisfaction counts per clerk and unit; it holds nothing about the citizen.
/// One per dossier (a unique index): a second answer is refused, never merged.
/// </summary>
public sealed class CitizenRating
{
    /// <summary>The longest comment kept.</summary>
    public const int CommentMaxLength = 1000;

    private CitizenRating()
    {
    }

    public CitizenRating(Guid dossierId, Guid agencyId, string clerk, SatisfactionLevel level, string? comment, Instant ratedAt)
    {
        ArgumentNullException.ThrowIfNull(clerk);
        if (!Enum.IsDefined(level))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown satisfaction level.");
        }

        var text = comment?.Trim();
        if (text is { Length: > CommentMaxLength })
        {
            throw new ArgumentException($"At most {CommentMaxLength} characters.", nameof(comment));
        }

        Id = Guid.CreateVersion7(ratedAt.ToDateTimeOffset());
        DossierId = dossierId;
        AgencyId = agencyId;
        Clerk = clerk;
        Level = level;
        Comment = string.IsNullOrEmpty(text) ? null : text;
        RatedAt = ratedAt;
    }

    public Guid Id { get; private set; }

    public Guid DossierId { get; private set; }

    /// <summary>The agency that received the dossier (the unit rated).</summary>
    public Guid AgencyId { get; private set; }

    /// <summary>The user name of the clerk who returned the result.</summary>
    public string Clerk { get; private set; } = string.Empty;

    public SatisfactionLevel Level { get; private set; }

    public string? Comment { get; private set; }

    /// <summary>The server's time of the rating.</summary>
    public Instant RatedAt { get; private set; }
}
