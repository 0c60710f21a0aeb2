using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;
using OneStop.Calendar;

namespace OneStop.Api.Problems;

/// <summary>
/// The one input policy of every endpoint and page form. Text is refused when it holds a C0 or C1 control
/// character (a line break only in a multi-line field), a bidirectional embedding, override or isolate (U+202A-
/// U+202E, U+2066-U+2069: they make "txt.exe" read as "exe.txt"), a lone surrogate or a non-character; what is
/// accepted is trimmed and normalised to NFC, so Vietnamese typed decomposed (NFD) is stored, searched and
/// compared as the same string as the composed form. Every text and list has a maximum the caller states. Dates
/// and instants fall within 1900-2199, the range of the working calendar. Ids and phones are ASCII digits only
/// (<c>\d</c> in .NET also matches Arabic-Indic and other digits). Each refusal is added to a
/// <see cref="Validation"/> naming the field, which becomes a 400 RFC 9457 problem, and nothing is written.
/// </summary>
public static class InputPolicy
{
    /// <summary>The longest single-line text any field takes unless it states a smaller one.</summary>
    public const int MaxLineLength = 500;

    /// <summary>The longest multi-line text (reasons, notes, lists of missing documents).</summary>
    public const int MaxMultiLineLength = 4000;

    /// <summary>The longest password: long enough for a passphrase, short enough that hashing it costs nothing.</summary>
    public const int MaxPasswordLength = 128;

    /// <summary>
    /// The longest string any JSON body may hold, whatever the field (each field states a smaller maximum; this one
    /// holds for a field added without one).
    /// </summary>
    public const int MaxJsonStringLength = 8192;

    /// <summary>The message of a JSON string over <see cref="MaxJsonStringLength"/>.</summary>
    public const string TooLongMessage = "At most 8192 characters.";

    /// <summary>The message of a text refused for its characters.</summary>
    public const string ForbiddenCharacterMessage = "Contains a control or direction-override character, or is not valid Unicode.";

    /// <summary>
    /// The first character a text may not hold, or -1: C0 controls (line feed and carriage return allowed when
    /// <paramref name="multiLine"/>), DEL and C1 controls, bidi embeddings/overrides/isolates, lone surrogates and
    /// the non-characters U+FFFE/U+FFFF.
    /// </summary>
    public static int FirstForbidden(ReadOnlySpan<char> text, bool multiLine)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < '\u0020')
            {
                if (multiLine && c is '\n' or '\r')
                {
                    continue;
                }

                return i;
            }

            if (c is >= '\u007F' and <= '\u009F' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\uFFFE' or '\uFFFF')
            {
                return i;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                return i;
            }

            if (char.IsLowSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// An optional text: null when absent or blank; otherwise trimmed and in NFC, refused (and null) when it holds a
    /// forbidden character or is longer than <paramref name="maxLength"/>.
    /// </summary>
    public static string? OptionalText(string? value, string field, int maxLength, Validation validation, bool multiLine = false)
    {
        ArgumentNullException.ThrowIfNull(validation);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (FirstForbidden(value, multiLine) >= 0)
        {
            validation.Add(field, ValidationCodes.ForbiddenCharacter, ForbiddenCharacterMessage);
            return null;
        }

        var text = value.Trim().Normalize(NormalizationForm.FormC);
        if (text.Length > maxLength)
        {
            validation.Add(field, ValidationCodes.TooLong, string.Create(CultureInfo.InvariantCulture, $"At most {maxLength} characters."), maxLength);
            return null;
        }

        return text;
    }

    /// <summary>A required text: as <see cref="OptionalText"/>, and refused when absent or blank.</summary>
    public static string Text(string? value, string field, int maxLength, Validation validation, bool multiLine = false)
    {
        ArgumentNullException.ThrowIfNull(validation);
        if (string.IsNullOrWhiteSpace(value))
        {
            validation.Add(field, ValidationCodes.RequiredText, string.Create(CultureInfo.InvariantCulture, $"Required, at most {maxLength} characters."), maxLength);
            return string.Empty;
        }

        return OptionalText(value, field, maxLength, validation, multiLine) ?? string.Empty;
    }

    /// <summary>True when the text is made of ASCII digits 0-9 only (and is not empty).</summary>
    public static bool IsAsciiDigits(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExceptInRange('0', '9');

    /// <summary>
    /// An ISO 8601 instant with its offset (<c>2025-11-03T09:00:00+07:00</c>); null when absent; refused when it does
    /// not parse in full or falls outside 1900-2199 in office time.
    /// </summary>
    public static Instant? Instant(string? value, string field, Validation validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var parsed = FirstForbidden(value, multiLine: false) < 0 ? OffsetDateTimePattern.ExtendedIso.Parse(value.Trim()) : null;
        if (parsed is not { Success: true })
        {
            validation.Add(field, ValidationCodes.NotAnInstant, "An ISO 8601 date and time with its offset, e.g. 2025-11-03T09:00:00+07:00.");
            return null;
        }

        var instant = parsed.Value.ToInstant();
        if (!WorkingCalendar.Covers(parsed.Value.Date) || !WorkingCalendar.Covers(OfficeTime.ToLocal(instant).Date))
        {
            validation.Add(field, ValidationCodes.DateOutOfRange, OutOfRangeMessage);
            return null;
        }

        return instant;
    }

    /// <summary>An ISO date (<c>2026-11-24</c>); null when absent; refused when it does not parse or is outside 1900-2199.</summary>
    public static LocalDate? Date(string? value, string field, Validation validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var parsed = FirstForbidden(value, multiLine: false) < 0 ? LocalDatePattern.Iso.Parse(value.Trim()) : null;
        if (parsed is not { Success: true })
        {
            validation.Add(field, ValidationCodes.NotADate, "An ISO 8601 date, e.g. 2026-11-24.");
            return null;
        }

        if (!WorkingCalendar.Covers(parsed.Value))
        {
            validation.Add(field, ValidationCodes.DateOutOfRange, OutOfRangeMessage);
            return null;
        }

        return parsed.Value;
    }

    /// <summary>The message of a date or instant outside the calendar's range.</summary>
    public const string OutOfRangeMessage = "Must fall between 1900 and 2199.";

    /// <summary>
    /// A list bounded by <paramref name="maxCount"/> whose items are all present: refuses the list when longer (one
    /// error, so a list of 200,000 items costs one message) and each null item by its index. Null stays null.
    /// </summary>
    public static bool List<T>(IReadOnlyList<T?>? items, string field, int maxCount, Validation validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        if (items is null)
        {
            return true;
        }

        if (items.Count > maxCount)
        {
            validation.Add(field, ValidationCodes.TooManyItems, string.Create(CultureInfo.InvariantCulture, $"At most {maxCount} items."), maxCount);
            return false;
        }

        var valid = true;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                validation.Add(string.Create(CultureInfo.InvariantCulture, $"{field}[{i}]"), ValidationCodes.Required, "Required.");
                valid = false;
            }
        }

        return valid;
    }

    /// <summary>A whole number within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static void Range(int? value, string field, int min, int max, Validation validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        if (value is { } n && (n < min || n > max))
        {
            validation.Add(field, ValidationCodes.OutOfRange, string.Create(CultureInfo.InvariantCulture, $"From {min} to {max}."), min, max);
        }
    }
}
