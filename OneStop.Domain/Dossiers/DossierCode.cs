using System.Globalization;
using NodaTime;

namespace OneStop.Dossiers;

/// <summary>
/// Dossier codes, Circular 01/2018 art. 19 / Decree 61 art. 26: <c>&lt;agency electronic id&gt;-YYMMDD-XXXX</c>,
/// e.g. <c>000.00.12.H40-251103-0042</c>: the acceptance date in office time and a per-agency daily sequence of
/// at least 4 digits (more once a day passes 9999).
/// </summary>
public static class DossierCode
{
    /// <summary>Formats a code.</summary>
    public static string Format(string electronicId, LocalDate acceptedOn, int sequence)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(electronicId);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        return string.Create(CultureInfo.InvariantCulture, $"{electronicId}-{acceptedOn:yyMMdd}-{sequence:D4}");
    }

    /// <summary>The acceptance-date key of a per-agency daily sequence: yyMMdd.</summary>
    public static string DayKey(LocalDate acceptedOn) =>
        acceptedOn.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
