namespace OneStop.Api.Documents;

/// <summary>A page size in PDF points (1/72 inch).</summary>
public readonly record struct PageSize(float Width, float Height)
{
    /// <summary>A5 portrait, 148 × 210 mm: the one-stop forms (Circular 01/2018 art. 9(2)).</summary>
    public static readonly PageSize A5 = new(419.53f, 595.28f);

    /// <summary>A4 portrait, 210 × 297 mm.</summary>
    public static readonly PageSize A4 = new(595.28f, 841.89f);

    /// <summary>A4 landscape: the tracking book.</summary>
    public static readonly PageSize A4Landscape = new(841.89f, 595.28f);
}
