namespace OneStop.Api.PublicStatus;

/// <summary>
/// A receipt code as a citizen types it: surrounding spaces and letter case do not matter. Generated codes are
/// upper case (the agency's electronic id is, Circular 01/2018 art. 19), so the normal form is the trimmed,
/// upper-cased text.
/// </summary>
public static class PublicCode
{
    /// <summary>Longer input is no code.</summary>
    public const int MaxLength = 60;

    /// <summary>The normal form, or null when the input cannot be a code (empty or too long).</summary>
    public static string? Normalize(string? typed)
    {
        var code = typed?.Trim();
        return string.IsNullOrEmpty(code) || code.Length > MaxLength ? null : code.ToUpperInvariant();
    }
}
