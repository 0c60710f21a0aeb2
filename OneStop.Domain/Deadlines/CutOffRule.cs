using System.Globalization;
using NodaTime;
using NodaTime.Text;
using OneStop.Calendar;

namespace OneStop.Deadlines;

/// <summary>
/// A procedure's own acceptance cut-off: a time of day ("16:00") or a span before the close of the last office
/// session ("closing-1h", "closing-90m"). A dossier accepted after it counts from the next working day.
/// </summary>
/// <remarks>
/// The agency's cut-off (15:00 by default) is Decree 61/2018 art. 18 for dossiers accepted before 1 July 2025 and
/// Decree 118/2025 art. 18(2) as amended by Decree 309/2026 art. 9 after; sector rules set other values per
/// procedure, e.g. the 2025 decree on interconnected online procedures, art. 6(3): "01 giờ trước khi kết thúc giờ
/// hành chính". A procedure version without a rule uses its agency's.
/// </remarks>
public sealed record CutOffRule
{
    private const string ClosingPrefix = "closing-";
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    private CutOffRule(LocalTime? at, int minutesBeforeClosing)
    {
        At = at;
        MinutesBeforeClosing = minutesBeforeClosing;
    }

    /// <summary>The fixed time of day; null for a rule relative to closing.</summary>
    public LocalTime? At { get; }

    /// <summary>Minutes before the end of the last session (when <see cref="At"/> is null).</summary>
    public int MinutesBeforeClosing { get; }

    /// <summary>The canonical text: "16:00", "closing-1h" or "closing-90m".</summary>
    public string Text => At is { } at
        ? at.ToString("HH:mm", CultureInfo.InvariantCulture)
        : MinutesBeforeClosing % 60 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{ClosingPrefix}{MinutesBeforeClosing / 60}h")
            : string.Create(CultureInfo.InvariantCulture, $"{ClosingPrefix}{MinutesBeforeClosing}m");

    /// <summary>
    /// Reads "HH:mm", "closing-Nh" or "closing-Nm" (1 minute to 8 hours before closing); null when it is not one.
    /// </summary>
    public static CutOffRule? Parse(string? text)
    {
        var value = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.StartsWith(ClosingPrefix, StringComparison.Ordinal))
        {
            var span = value[ClosingPrefix.Length..];
            var unit = span.Length > 1 ? span[^1] : ' ';
            if (unit is not ('h' or 'm') || !int.TryParse(span[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            {
                return null;
            }

            var minutes = unit == 'h' ? amount * 60 : amount;
            return minutes is >= 1 and <= 480 ? new CutOffRule(null, minutes) : null;
        }

        var parsed = TimePattern.Parse(value);
        return parsed.Success ? new CutOffRule(parsed.Value, 0) : null;
    }

    /// <summary>Reads a stored rule; null text is no rule.</summary>
    /// <exception cref="FormatException">The text is not a rule.</exception>
    public static CutOffRule? FromStored(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Parse(text) ?? throw new FormatException($"Not a cut-off rule: '{text}'.");

    /// <summary>The cut-off under <paramref name="hours"/>: the time, or the last session's end less the span.</summary>
    public LocalTime Resolve(OfficeHours hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        return At ?? hours.Sessions[^1].End.PlusMinutes(-MinutesBeforeClosing);
    }

    /// <summary>
    /// <paramref name="hours"/> with the cut-off of the stored rule <paramref name="rule"/>; the hours unchanged when
    /// there is none. The one place a procedure's cut-off replaces the agency's.
    /// </summary>
    public static OfficeHours Apply(string? rule, OfficeHours hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        return FromStored(rule) is { } cutOff ? hours.WithCutOff(cutOff.Resolve(hours)) : hours;
    }
}
