namespace OneStop.Deadlines;

/// <summary>The unit a procedure's processing time is stated in.</summary>
public enum DurationUnit
{
    /// <summary>Ngày làm việc: working days of the working calendar.</summary>
    WorkingDays,

    /// <summary>Giờ làm việc: hours inside working sessions.</summary>
    WorkingHours,

    /// <summary>Trong ngày: due at the close of the counting day; the amount is 0 or 1.</summary>
    SameDay,

    /// <summary>Ngày (not "ngày làm việc"): every day counts; an end on a non-working day moves to the next working day.</summary>
    CalendarDays,
}
