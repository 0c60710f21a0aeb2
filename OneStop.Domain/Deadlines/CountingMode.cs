namespace OneStop.Deadlines;

/// <summary>How an agency counts working days (domain rule 4; configurable per agency).</summary>
public enum CountingMode
{
    /// <summary>
    /// From the instant counting starts, N days' worth of session time later: accepted Monday 09:00 with
    /// 1 working day is due Tuesday 09:00. The default.
    /// </summary>
    WorkingHours,

    /// <summary>
    /// Civil Code 2015 art. 147–148: the counting day is not counted; due at the close of the N-th working day
    /// after it: accepted Monday 09:00 with 1 working day is due Tuesday 17:00.
    /// </summary>
    CivilCode,
}
