using System.Text;

namespace OneStop.Api.Administration;

/// <summary>
/// One content line of an iCalendar object (RFC 5545 §3.1): <c>NAME;PARAM=value:VALUE</c>, unfolded, with its
/// value still escaped. <see cref="Text"/> and <see cref="TextList"/> read it as TEXT (§3.3.11).
/// </summary>
/// <param name="Name">Upper-cased property name, e.g. <c>DTSTART</c>.</param>
/// <param name="Parameters">Parameters by upper-cased name; quotes removed.</param>
/// <param name="RawValue">The value as written, escapes included.</param>
/// <param name="Line">The line number (1-based) where the property starts, for error messages.</param>
public sealed record ICalendarProperty(string Name, IReadOnlyDictionary<string, string> Parameters, string RawValue, int Line)
{
    /// <summary>The value read as TEXT: <c>\\</c>, <c>\;</c>, <c>\,</c>, <c>\n</c> and <c>\N</c> unescaped.</summary>
    public string Text => Unescape(RawValue);

    /// <summary>The value read as a comma-separated list of TEXT (e.g. CATEGORIES); an escaped comma stays inside an item.</summary>
    public IReadOnlyList<string> TextList
    {
        get
        {
            var items = new List<string>();
            var start = 0;
            for (var i = 0; i < RawValue.Length; i++)
            {
                if (RawValue[i] == '\\')
                {
                    i++;
                }
                else if (RawValue[i] == ',')
                {
                    items.Add(Unescape(RawValue[start..i]));
                    start = i + 1;
                }
            }

            items.Add(Unescape(RawValue[start..]));
            return items;
        }
    }

    /// <summary>Escapes TEXT for a content line: backslash, semicolon, comma and newlines (RFC 5545 §3.3.11).</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\\': builder.Append(@"\\"); break;
                case ';': builder.Append(@"\;"); break;
                case ',': builder.Append(@"\,"); break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n': break;
                case '\r' or '\n': builder.Append(@"\n"); break;
                default: builder.Append(text[i]); break;
            }
        }

        return builder.ToString();
    }

    private static string Unescape(string value)
    {
        if (!value.Contains('\\', StringComparison.Ordinal))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\' || i + 1 == value.Length)
            {
                builder.Append(value[i]);
                continue;
            }

            i++;
            builder.Append(value[i] is 'n' or 'N' ? '\n' : value[i]);
        }

        return builder.ToString();
    }
}
