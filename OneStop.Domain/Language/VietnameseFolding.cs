using System.Globalization;
using System.Text;

namespace OneStop.Language;

/// <summary>
/// The one rule for matching Vietnamese text typed at a desk against stored text: tone and vowel marks aside, case
/// aside, đ/Đ as d, NFC and NFD input alike (both decompose to the same letters), runs of white space as one
/// space, trimmed. "nguyen van a", "NGUYỄN VĂN A" and "Nguyễn Văn A" (in either normal form) all fold to
/// "nguyen van a".
/// </summary>
public static class VietnameseFolding
{
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            var lower = char.ToLowerInvariant(c);
            builder.Append(lower == 'đ' ? 'd' : lower);
        }

        return builder.ToString();
    }
}
