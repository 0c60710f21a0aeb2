namespace OneStop.Calendar;

/// <summary>What a date is for deadline counting.</summary>
public enum DayKind : byte
{
    /// <summary>An ordinary Monday–Friday working day.</summary>
    Working,

    /// <summary>A Saturday or Sunday that is not worked.</summary>
    Weekend,

    /// <summary>A statutory holiday (or a day of a holiday period chosen by the Prime Minister) on a weekday.</summary>
    Holiday,

    /// <summary>A weekday off because a holiday fell on a weekend (nghỉ bù).</summary>
    Compensatory,

    /// <summary>A weekday off in exchange for a make-up Saturday (hoán đổi).</summary>
    Swap,

    /// <summary>A Saturday or Sunday worked in exchange for a weekday off (làm bù): a working day.</summary>
    MakeUpWorkingDay,
}

/// <summary>Helpers on <see cref="DayKind"/>.</summary>
public static class DayKindExtensions
{
    /// <summary>Whether deadlines count the day.</summary>
    public static bool IsWorking(this DayKind kind) => kind is DayKind.Working or DayKind.MakeUpWorkingDay;
}
