namespace OneStop.Api.Administration;

/// <summary>A component of an iCalendar object (<c>VCALENDAR</c>, <c>VEVENT</c>, ...) with its properties and sub-components.</summary>
public sealed class ICalendarComponent(string name, int line)
{
    /// <summary>Upper-cased component name.</summary>
    public string Name { get; } = name;

    /// <summary>The line of its BEGIN.</summary>
    public int Line { get; } = line;

    public List<ICalendarProperty> Properties { get; } = [];

    public List<ICalendarComponent> Components { get; } = [];

    /// <summary>The first property of that name, if any.</summary>
    public ICalendarProperty? Property(string name) =>
        Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every sub-component of that name, at any depth.</summary>
    public IEnumerable<ICalendarComponent> Descendants(string name)
    {
        foreach (var child in Components)
        {
            if (string.Equals(child.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                yield return child;
            }

            foreach (var grandChild in child.Descendants(name))
            {
                yield return grandChild;
            }
        }
    }
}
