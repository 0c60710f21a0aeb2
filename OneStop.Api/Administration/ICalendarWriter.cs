using System.Text;

namespace OneStop.Api.Administration;

/// <summary>
/// Writes an iCalendar object (RFC 5545): CRLF line ends, TEXT values escaped, and lines folded so that none is
/// longer than 75 octets of UTF-8 (§3.1), never inside a multi-byte character; each continuation line starts with
/// one space.
/// </summary>
public sealed class ICalendarWriter
{
    private const int MaxOctets = 75;

    private readonly StringBuilder _text = new();

    public ICalendarWriter Begin(string component) => Line("BEGIN:" + component);

    public ICalendarWriter End(string component) => Line("END:" + component);

    /// <summary>A property whose value is written as is (dates, codes).</summary>
    public ICalendarWriter Raw(string name, string value) => Line(name + ":" + value);

    /// <summary>A TEXT property, escaped.</summary>
    public ICalendarWriter Text(string name, string value) => Line(name + ":" + ICalendarProperty.Escape(value));

    /// <summary>A list of TEXT values (e.g. CATEGORIES), each escaped, comma-separated.</summary>
    public ICalendarWriter TextList(string name, IEnumerable<string> values) =>
        Line(name + ":" + string.Join(',', values.Select(ICalendarProperty.Escape)));

    /// <inheritdoc />
    public override string ToString() => _text.ToString();

    /// <summary>Folds one logical line into physical lines of at most 75 octets.</summary>
    public static IEnumerable<string> Fold(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var start = 0;
        var octets = 0;
        var limit = MaxOctets;
        for (var i = 0; i < line.Length; i++)
        {
            var length = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, length));
            if (octets + size > limit)
            {
                yield return (start == 0 ? string.Empty : " ") + line[start..i];
                start = i;
                octets = 0;
                limit = MaxOctets - 1;
            }

            octets += size;
            i += length - 1;
        }

        yield return (start == 0 ? string.Empty : " ") + line[start..];
    }

    private ICalendarWriter Line(string line)
    {
        foreach (var physical in Fold(line))
        {
            _text.Append(physical).Append("\r\n");
        }

        return this;
    }
}
