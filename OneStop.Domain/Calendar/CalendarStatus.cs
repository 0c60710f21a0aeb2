namespace OneStop.Calendar;

/// <summary>How settled a year's calendar is.</summary>
public enum CalendarStatus
{
    /// <summary>Every holiday period of the year is fixed by a government notice.</summary>
    Official,

    /// <summary>At least one period is computed from the rules and will be restated when its notice comes.</summary>
    Provisional,
}
