namespace OneStop.Api.Documents;

/// <summary>Page margins in points.</summary>
/// <remarks>
/// Decree 30/2020 app. I sets A4 margins of 20–25 mm top and bottom, 30–35 mm left (binding)
/// and 15–20 mm right. A5 is A4 scaled by 1/√2, so the form margins are those scaled:
/// 15 mm top and bottom, 22 mm left, 12 mm right.
/// </remarks>
public readonly record struct PageMargins(float Top, float Right, float Bottom, float Left)
{
    private const float PointsPerMillimetre = 72f / 25.4f;

    /// <summary>Decree 30/2020 A4 margins scaled to A5.</summary>
    public static readonly PageMargins A5Form = FromMillimetres(15, 12, 15, 22);

    /// <summary>Decree 30/2020 A4 margins (lower bounds).</summary>
    public static readonly PageMargins A4 = FromMillimetres(20, 15, 20, 30);

    /// <summary>A4 landscape register: narrower, the binding edge stays wider.</summary>
    public static readonly PageMargins A4Landscape = FromMillimetres(15, 12, 15, 20);

    public static PageMargins FromMillimetres(float top, float right, float bottom, float left) =>
        new(top * PointsPerMillimetre, right * PointsPerMillimetre, bottom * PointsPerMillimetre, left * PointsPerMillimetre);
}
