namespace OneStop.Ratings;

/// <summary>
/// The citizen's satisfaction with a dossier's service, on the national portal's three levels. Decision 766/QĐ-TTg
/// (2022) counts "không hài lòng" against the satisfaction indicator; Decree 118/2025 art. 11(8) as amended by
/// Decree 309/2026 art. 6 has desk staff with low satisfaction replaced.
/// </summary>
public enum SatisfactionLevel
{
    /// <summary>Rất hài lòng.</summary>
    VerySatisfied,

    /// <summary>Hài lòng.</summary>
    Satisfied,

    /// <summary>Không hài lòng.</summary>
    NotSatisfied,
}
