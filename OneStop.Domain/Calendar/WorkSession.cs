using NodaTime;

namespace OneStop.Calendar;

/// <summary>A working session of a day, from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive).</summary>
public readonly record struct WorkSession(LocalTime Start, LocalTime End)
{
    /// <summary>The session's length.</summary>
    public Duration Length => Duration.FromTicks(End.TickOfDay - Start.TickOfDay);

    /// <summary>Parses <c>07:30-11:30</c>.</summary>
    public static WorkSession Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !TryParseTime(parts[0], out var start) || !TryParseTime(parts[1], out var end) || end <= start)
        {
            throw new FormatException($"'{text}' is not a session such as 07:30-11:30.");
        }

        return new WorkSession(start, end);
    }

    /// <inheritdoc />
    public override string ToString() =>
        Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) + "-" +
        End.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static bool TryParseTime(string text, out LocalTime time)
    {
        var result = NodaTime.Text.LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(text);
        time = result.Success ? result.Value : default;
        return result.Success;
    }
}
