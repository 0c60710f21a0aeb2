namespace OneStop.Lateness;

/// <summary>The counts of one agency, procedure or clerk.</summary>
public sealed record IndicatorGroup(string Key, string Name, IndicatorCounts Counts);
