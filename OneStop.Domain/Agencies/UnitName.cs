using System.Globalization;
using System.Text;

namespace OneStop.Agencies;

/// <summary>
/// The one rule for how a unit (department) name is written and matched: "Tư pháp", "tư pháp " and "Tư  Pháp" are
/// one department. <see cref="Normalise"/> is how a name is kept (Unicode NFC, spaces trimmed, runs of white space
/// made one space); <see cref="Key"/> is what names are matched by (the normalised name in lower case, culture
/// invariant: Vietnamese letters keep their tone marks, so "Tư pháp" and "Tu phap" stay different names).
/// </summary>
public static class UnitName
{
    /// <summary>The longest unit name kept (the columns that hold one are 300 characters).</summary>
    public const int MaxLength = 300;

    /// <summary>The name as kept: NFC, trimmed, inner white space collapsed; empty for null or blank.</summary>
    public static string Normalise(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        var text = name.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>What two spellings of one unit have in common: the normalised name in lower case.</summary>
    public static string Key(string? name) => Normalise(name).ToLower(CultureInfo.InvariantCulture);

    /// <summary>Whether two spellings name the same unit.</summary>
    public static bool Same(string? a, string? b) => string.Equals(Key(a), Key(b), StringComparison.Ordinal);
}
