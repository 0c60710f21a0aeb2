namespace OneStop.Deadlines;

/// <summary>Working time between two instants: only time inside sessions of working days counts.</summary>
/// <param name="Seconds">Working seconds; negative when the end is before the start.</param>
/// <param name="SecondsPerDay">The working seconds of one working day in the agency's office hours.</param>
public readonly record struct WorkingDuration(long Seconds, int SecondsPerDay)
{
    /// <summary>Whole working minutes, truncated toward zero.</summary>
    public long Minutes => Seconds / 60;

    /// <summary>Working hours, as a decimal.</summary>
    public decimal Hours => Seconds / 3600m;

    /// <summary>Working days (a day being the agency's session time), as a decimal.</summary>
    public decimal Days => (decimal)Seconds / SecondsPerDay;
}
