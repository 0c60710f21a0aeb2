using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NodaTime;

namespace OneStop.Dossiers;

/// <summary>
/// The dossier code's pattern (Circular 01/2018 art. 19 and Decree 61 art. 26 for dossiers accepted before
/// 1 July 2025; Circular 03/2025 art. 13 under Decree 118/2025 after): <c>&lt;agency electronic id&gt;-YYMMDD-XXXX</c>,
/// e.g. <c>000.00.12.H40-251103-0042</c> (the 2018 id style) or <c>H40.12.01-251103-0042</c> (Decision 20/2020
/// style, from the province down), and for nationally centralised services (clause 3 added by Circular 04/2025)
/// <c>&lt;agency id&gt;-YYMMDD-AAXXXX</c>, AA being two digits of the centralised system's owner.
/// </summary>
/// <remarks>
/// <para>The pattern is configuration (Decree 309/2026 art. 12(2) announces a new unified rule). Tokens:
/// <c>{agency}</c>, one date token <c>{yyMMdd}</c> or <c>{yyyyMMdd}</c> (the acceptance date in office time),
/// <c>{aa}</c> (centralised pattern only) and <c>{sequence}</c>, which must come last.</para>
/// <para>Unique for all time: the daily counter is keyed by everything the code prints before its sequence
/// (<see cref="Prefix"/>), so two days a century apart that print the same two-digit date share one counter and
/// never hand out the same number. The sequence has at least <see cref="MinimumDigits"/> digits and grows past
/// them when a day needs it (…-9999, …-10000). A code is stored once issued: changing the pattern or an agency's
/// id changes only codes issued after.</para>
/// </remarks>
public sealed partial class DossierCode
{
    /// <summary>The pattern of Circular 01/2018 art. 19 and Circular 03/2025 art. 13(1)–(2).</summary>
    public const string StandardPattern = "{agency}-{yyMMdd}-{sequence}";

    /// <summary>The pattern of Circular 03/2025 art. 13(3) (added by Circular 04/2025) for centralised services.</summary>
    public const string CentralisedPattern = "{agency}-{yyMMdd}-{aa}{sequence}";

    private const string SequenceToken = "{sequence}";

    private readonly string _pattern;

    public DossierCode(string pattern, int minimumDigits)
    {
        if (Problem(pattern, minimumDigits, centralised: pattern?.Contains("{aa}", StringComparison.Ordinal) == true) is { } problem)
        {
            throw new ArgumentException(problem, nameof(pattern));
        }

        _pattern = pattern!;
        MinimumDigits = minimumDigits;
    }

    /// <summary>The standard pattern with 4 digits.</summary>
    public static DossierCode Standard { get; } = new(StandardPattern, 4);

    public int MinimumDigits { get; }

    /// <summary>
    /// What the pattern finds wrong, or null: tokens other than the four, no <c>{agency}</c>, not exactly one date
    /// token, <c>{sequence}</c> not last, <c>{aa}</c> missing (or present) where <paramref name="centralised"/> says
    /// it must (or must not) be, a minimum width outside 4–9.
    /// </summary>
    public static string? Problem(string? pattern, int minimumDigits, bool centralised)
    {
        if (string.IsNullOrWhiteSpace(pattern) || pattern.Length > 100)
        {
            return "A pattern of 1 to 100 characters is required.";
        }

        var tokens = Token().Matches(pattern).Select(m => m.Value).ToList();
        if (tokens.FirstOrDefault(t => t is not ("{agency}" or "{yyMMdd}" or "{yyyyMMdd}" or "{aa}" or SequenceToken)) is { } unknown)
        {
            return $"Unknown token {unknown}: use {{agency}}, {{yyMMdd}} or {{yyyyMMdd}}, {{aa}} and {{sequence}}.";
        }

        if (tokens.Count(t => t == "{agency}") != 1 || tokens.Count(t => t is "{yyMMdd}" or "{yyyyMMdd}") != 1)
        {
            return "The pattern needs {agency} and one date, {yyMMdd} or {yyyyMMdd}, once each.";
        }

        if (tokens.Count(t => t == SequenceToken) != 1 || !pattern.EndsWith(SequenceToken, StringComparison.Ordinal))
        {
            return "The pattern ends with {sequence}, once.";
        }

        if (tokens.Count(t => t == "{aa}") != (centralised ? 1 : 0))
        {
            return centralised ? "The centralised pattern carries {aa} once." : "Only the centralised pattern carries {aa}.";
        }

        return minimumDigits is < 4 or > 9 ? "The sequence has at least 4 and at most 9 minimum digits." : null;
    }

    /// <summary>
    /// Everything the code prints before its sequence: the daily counter's key. <paramref name="aa"/> is the
    /// centralised system's two digits, for the centralised pattern only.
    /// </summary>
    public string Prefix(string electronicId, LocalDate acceptedOn, string? aa = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(electronicId);
        var hasAa = _pattern.Contains("{aa}", StringComparison.Ordinal);
        if (hasAa != (aa is not null) || (aa is not null && !TwoDigits().IsMatch(aa)))
        {
            throw new ArgumentException(hasAa ? "The centralised pattern needs two ASCII digits for {aa}." : "Only the centralised pattern takes {aa}.", nameof(aa));
        }

        var text = new StringBuilder(_pattern, 0, _pattern.Length - SequenceToken.Length, 80)
            .Replace("{agency}", electronicId)
            .Replace("{yyMMdd}", acceptedOn.ToString("yyMMdd", CultureInfo.InvariantCulture))
            .Replace("{yyyyMMdd}", acceptedOn.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        return (aa is null ? text : text.Replace("{aa}", aa)).ToString();
    }

    /// <summary>The code: the prefix and the sequence, zero-padded to the minimum width and wider when needed.</summary>
    public string Format(string prefix, long sequence)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        return prefix + sequence.ToString("D" + MinimumDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>The sequence a code of this prefix carries, or null when it is not one.</summary>
    public static long? SequenceOf(string code, string prefix)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(prefix);
        return code.StartsWith(prefix, StringComparison.Ordinal)
            && long.TryParse(code.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : null;
    }

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Token();

    [GeneratedRegex("^[0-9]{2}$")]
    private static partial Regex TwoDigits();
}
