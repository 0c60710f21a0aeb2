namespace OneStop.Api.Calendar;

/// <summary>A solar date with its Vietnamese lunar date.</summary>
public sealed record LunarDateResponse(string Date, int LunarYear, int LunarMonth, int LunarDay, bool IsLeapMonth);
