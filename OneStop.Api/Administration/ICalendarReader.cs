using System.Text;

namespace OneStop.Api.Administration;

/// <summary>
/// Reads an iCalendar object (RFC 5545): unfolds lines (a CRLF followed by a space or tab continues the line,
/// §3.1; a bare LF is accepted too), splits each content line into name, parameters (quoted values may hold
/// <c>:;,</c>) and value, and nests components by BEGIN/END.
/// </summary>
public static class ICalendarReader
{
    /// <summary>The top-level components (normally one VCALENDAR).</summary>
    /// <exception cref="FormatException">A line is not a content line, or BEGIN/END do not match; the message names the line.</exception>
    public static IReadOnlyList<ICalendarComponent> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var roots = new List<ICalendarComponent>();
        var open = new Stack<ICalendarComponent>();
        foreach (var (line, number) in Unfold(text))
        {
            var property = ParseLine(line, number);
            if (property.Name == "BEGIN")
            {
                var component = new ICalendarComponent(property.RawValue.Trim().ToUpperInvariant(), number);
                (open.Count == 0 ? roots : open.Peek().Components).Add(component);
                open.Push(component);
            }
            else if (property.Name == "END")
            {
                var name = property.RawValue.Trim().ToUpperInvariant();
                if (open.Count == 0 || open.Peek().Name != name)
                {
                    throw new FormatException($"Line {number}: END:{name} does not close an open {name}.");
                }

                open.Pop();
            }
            else if (open.Count == 0)
            {
                throw new FormatException($"Line {number}: a property outside any component.");
            }
            else
            {
                open.Peek().Properties.Add(property);
            }
        }

        if (open.Count > 0)
        {
            throw new FormatException($"Line {open.Peek().Line}: BEGIN:{open.Peek().Name} is never closed.");
        }

        return roots;
    }

    /// <summary>Logical lines with the number of the physical line each starts on; empty lines are dropped.</summary>
    private static IEnumerable<(string Line, int Number)> Unfold(string text)
    {
        var physical = text.Split('\n');
        var current = new StringBuilder();
        var start = 0;
        for (var i = 0; i < physical.Length; i++)
        {
            var line = physical[i].EndsWith('\r') ? physical[i][..^1] : physical[i];
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && current.Length > 0)
            {
                current.Append(line, 1, line.Length - 1);
                continue;
            }

            if (current.Length > 0)
            {
                yield return (current.ToString(), start);
            }

            current.Clear().Append(line);
            start = i + 1;
        }

        if (current.Length > 0)
        {
            yield return (current.ToString(), start);
        }
    }

    private static ICalendarProperty ParseLine(string line, int number)
    {
        var i = 0;
        var name = ReadName(line, ref i, number);
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (i < line.Length && line[i] == ';')
        {
            i++;
            var parameter = ReadName(line, ref i, number);
            if (i >= line.Length || line[i] != '=')
            {
                throw new FormatException($"Line {number}: parameter {parameter} has no value.");
            }

            i++;
            var value = new StringBuilder();
            while (i < line.Length && line[i] != ';' && line[i] != ':')
            {
                if (line[i] == '"')
                {
                    var close = line.IndexOf('"', i + 1);
                    if (close < 0)
                    {
                        throw new FormatException($"Line {number}: unclosed quote in parameter {parameter}.");
                    }

                    value.Append(line, i + 1, close - i - 1);
                    i = close + 1;
                }
                else
                {
                    value.Append(line[i++]);
                }
            }

            parameters[parameter] = value.ToString();
        }

        if (i >= line.Length || line[i] != ':')
        {
            throw new FormatException($"Line {number}: '{Shorten(line)}' is not NAME:VALUE.");
        }

        return new ICalendarProperty(name, parameters, line[(i + 1)..], number);
    }

    private static string ReadName(string line, ref int i, int number)
    {
        var start = i;
        while (i < line.Length && (char.IsAsciiLetterOrDigit(line[i]) || line[i] == '-'))
        {
            i++;
        }

        if (i == start)
        {
            throw new FormatException($"Line {number}: '{Shorten(line)}' does not start with a name.");
        }

        return line[start..i].ToUpperInvariant();
    }

    private static string Shorten(string line) => line.Length <= 40 ? line : line[..40] + "…";
}
