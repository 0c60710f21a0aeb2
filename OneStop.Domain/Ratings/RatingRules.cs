namespace OneStop.Ratings;

/// <summary>The stable codes of the rating's broken rules (a 409 or 403 problem's <c>code</c>).</summary>
public static class RatingRules
{
    /// <summary>Only whoever holds the receipt rates: the request must carry the receipt's check value.</summary>
    public const string NeedsReceipt = "rating-needs-receipt";

    /// <summary>The service is rated after the result is returned (Decree 309/2026 art. 6).</summary>
    public const string BeforeReturn = "rating-before-return";

    /// <summary>One rating per dossier; it is never changed.</summary>
    public const string AlreadyGiven = "rating-already-given";
}
