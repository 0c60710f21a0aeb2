using System.Text;

namespace OneStop.Language;

/// <summary>
/// Vietnamese dictionary order, independent of the runtime's ICU data (a server built with invariant globalization
/// or a trimmed container sorts the same way). Primary: letters in the Vietnamese alphabet, a ă â b c d đ e ê (f) g
/// h i (j) k l m n o ô ơ p q r s t u ư v (w) x y (z), case aside, so "Đăng ký" comes after every "D…" and before
/// "E…", never after "X…" as ordinal order puts it. Secondary, only between words equal on letters: the tones in
/// the dictionary order ngang, huyền, hỏi, ngã, sắc, nặng. Last: ordinal, so that different strings never tie.
/// Digits and other characters sort before letters, by code point.
/// </summary>
public sealed class VietnameseCollation : IComparer<string>
{
    public static readonly VietnameseCollation Instance = new();

    // The letters without tone, in alphabet order; a modified vowel is its base letter with the modifier mark.
    private static readonly string[] Alphabet =
        ["a", "a\u0306", "a\u0302", "b", "c", "d", "đ", "e", "e\u0302", "f", "g", "h", "i", "j", "k", "l", "m", "n",
         "o", "o\u0302", "o\u031B", "p", "q", "r", "s", "t", "u", "u\u031B", "v", "w", "x", "y", "z"];

    // Tones as combining marks, in dictionary order after "no tone" (0): huyền, hỏi, ngã, sắc, nặng.
    private static readonly char[] Tones = ['\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];

    private static readonly Dictionary<string, int> Letters =
        Alphabet.Select((letter, i) => (letter, i)).ToDictionary(x => x.letter, x => 0x10000 + x.i, StringComparer.Ordinal);

    private VietnameseCollation()
    {
    }

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var (xLetters, xTones) = Key(x);
        var (yLetters, yTones) = Key(y);
        var primary = xLetters.AsSpan().SequenceCompareTo(yLetters);
        if (primary != 0)
        {
            return primary;
        }

        var secondary = xTones.AsSpan().SequenceCompareTo(yTones);
        return secondary != 0 ? secondary : string.CompareOrdinal(x, y);
    }

    /// <summary>The letters' weights and, per letter, its tone (0 for none).</summary>
    private static (int[] Letters, int[] Tones) Key(string text)
    {
        var letters = new List<int>(text.Length);
        var tones = new List<int>(text.Length);
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var i = 0;
        while (i < decomposed.Length)
        {
            var c = decomposed[i++];
            // The marks after a base letter, in canonical order (ậ is a, dot below, circumflex): modifier and tone
            // are told apart by what they are, not by where they stand.
            var modifier = '\0';
            var tone = 0;
            while (i < decomposed.Length && System.Globalization.CharUnicodeInfo.GetUnicodeCategory(decomposed[i]) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                var mark = decomposed[i++];
                if (mark is '\u0306' or '\u0302' or '\u031B')
                {
                    modifier = mark;
                }
                else if (Array.IndexOf(Tones, mark) is var t and >= 0)
                {
                    tone = t + 1;
                }
            }

            if (Letters.TryGetValue(modifier == '\0' ? c.ToString() : string.Concat(c, modifier), out var weight)
                || Letters.TryGetValue(c.ToString(), out weight))
            {
                letters.Add(weight);
                tones.Add(tone);
            }
            else
            {
                // A character outside the alphabet (digit, space, punctuation, another script): by code point.
                letters.Add(c);
                tones.Add(tone);
            }
        }

        return ([.. letters], [.. tones]);
    }
}
