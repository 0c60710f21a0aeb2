namespace OneStop.Deadlines;

/// <summary>A statutory processing time: an amount in a unit, e.g. 3 working days.</summary>
/// <param name="Amount">Non-negative; 0 or 1 for <see cref="DurationUnit.SameDay"/>.</param>
/// <param name="Unit">What the amount counts.</param>
public readonly record struct ProcessingTime(int Amount, DurationUnit Unit)
{
    /// <summary>Checks the amount against the unit.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative amount, or a same-day amount other than 0 or 1.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Amount, nameof(Amount));
        if ((uint)Unit > (uint)DurationUnit.CalendarDays)
        {
            throw new ArgumentOutOfRangeException(nameof(Unit), Unit, "Unknown duration unit.");
        }

        if (Unit == DurationUnit.SameDay && Amount > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Amount), Amount, "A same-day processing time has amount 0 or 1.");
        }
    }

    /// <summary>Vietnamese text as printed on forms: "3 ngày làm việc".</summary>
    public override string ToString() => Unit switch
    {
        DurationUnit.WorkingDays => $"{Amount} ngày làm việc",
        DurationUnit.WorkingHours => $"{Amount} giờ làm việc",
        DurationUnit.SameDay => "Trong ngày",
        _ => $"{Amount} ngày",
    };
}
