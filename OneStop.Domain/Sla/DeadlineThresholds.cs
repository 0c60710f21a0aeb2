using System.ComponentModel.DataAnnotations;
using NodaTime;
using OneStop.Calendar;
using OneStop.Deadlines;

namespace OneStop.Sla;

/// <summary>
/// The one definition of each threshold before a statutory due (section <c>Thresholds</c>), read by the desk's
/// queue and dossier page, the dashboard's indicators, the true-lateness audit and the worker alike. Working time
/// is counted in the dossier's agency's office hours; a working day is that agency's day.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><b>Due soon</b>: less than <see cref="DueSoonWorkingDays"/> working days or less than
/// <see cref="DueSoonBudgetShare"/> of the dossier's working-time budget (counting start to due) left,
/// whichever comes first; the due itself still counts as due soon, overdue starts one second after it.</item>
/// <item><b>Form 04 deadline</b>: the apology and new appointment (Form 04) go out no later than
/// <see cref="ApologyLeadWorkingDays"/> working days before the statutory due (Decree 61/2018 art. 19(9); the same
/// for dossiers under Decree 118/2025 as amended by Decree 309/2026; domain.md rule 6).</item>
/// <item><b>Form 04 warning</b>: the department is warned <see cref="ApologyWarningWorkingDays"/> working days
/// before that deadline (default half a day), so that the warning always comes before the deadline it warns of.</item>
/// </list>
/// Validated at start: no setting may put a warning at or after its own deadline. When a dossier's budget is
/// shorter than a lead, the threshold is its counting start (the warning comes at once).
/// </remarks>
public sealed class DeadlineThresholds : IValidatableObject
{
    public const string Section = "Thresholds";

    /// <summary>Due soon under this many working days left (default 1).</summary>
    public decimal DueSoonWorkingDays { get; set; } = 1m;

    /// <summary>... or under this share of the dossier's budget left (default 0.2), whichever comes first.</summary>
    public decimal DueSoonBudgetShare { get; set; } = 0.2m;

    /// <summary>Form 04 no later than this many working days before the statutory due (default 1).</summary>
    public decimal ApologyLeadWorkingDays { get; set; } = 1m;

    /// <summary>The Form 04 warning this many working days before the Form 04 deadline (default 0.5).</summary>
    public decimal ApologyWarningWorkingDays { get; set; } = 0.5m;

    /// <summary>The due-soon rule as the worker's margin (shared with the step rule's shape).</summary>
    public SlaThresholds DueSoon => new(DueSoonWorkingDays, DueSoonBudgetShare);

    /// <summary>The first instant at which a dossier counted from <paramref name="countingStart"/> is due soon.</summary>
    public Instant DueSoonFrom(Instant countingStart, Instant due, DeadlineCalculator calculator, OfficeHours hours)
    {
        var budget = Budget(countingStart, due, calculator, hours);
        return After(countingStart, budget - DueSoon.DueSoonMargin(budget, hours.SecondsPerDay), due, calculator, hours);
    }

    /// <summary>Due soon at <paramref name="at"/>: the due-soon threshold reached and the due not yet passed.</summary>
    public bool IsDueSoon(Instant at, Instant countingStart, Instant due, DeadlineCalculator calculator, OfficeHours hours) =>
        at <= due && at >= DueSoonFrom(countingStart, due, calculator, hours);

    /// <summary>Working seconds of the Form 04 lead in an agency's working day.</summary>
    public long ApologyLeadSeconds(OfficeHours hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        return (long)(ApologyLeadWorkingDays * hours.SecondsPerDay);
    }

    /// <summary>
    /// The latest instant Form 04 may go out: <see cref="ApologyLeadWorkingDays"/> of working time before the due
    /// (a Form 04 at this instant is in time; one second later is not).
    /// </summary>
    public Instant ApologyDeadline(Instant countingStart, Instant due, DeadlineCalculator calculator, OfficeHours hours)
    {
        var budget = Budget(countingStart, due, calculator, hours);
        return After(countingStart, budget - ApologyLeadSeconds(hours) - 1, due, calculator, hours);
    }

    /// <summary>When the department is warned of the Form 04 deadline: <see cref="ApologyWarningWorkingDays"/> before it.</summary>
    public Instant ApologyWarningAt(Instant countingStart, Instant due, DeadlineCalculator calculator, OfficeHours hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var budget = Budget(countingStart, due, calculator, hours);
        return After(countingStart, budget - ApologyLeadSeconds(hours) - (long)(ApologyWarningWorkingDays * hours.SecondsPerDay), due, calculator, hours);
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DueSoonWorkingDays < 0 || DueSoonBudgetShare < 0 || DueSoonBudgetShare > 1)
        {
            yield return new ValidationResult("Thresholds: DueSoonWorkingDays must not be negative and DueSoonBudgetShare must be between 0 and 1.", [nameof(DueSoonWorkingDays), nameof(DueSoonBudgetShare)]);
        }

        if (DueSoonWorkingDays == 0 && DueSoonBudgetShare == 0)
        {
            yield return new ValidationResult("Thresholds: with DueSoonWorkingDays and DueSoonBudgetShare both 0 the due-soon warning would come after the due.", [nameof(DueSoonWorkingDays)]);
        }

        if (ApologyLeadWorkingDays < 0)
        {
            yield return new ValidationResult("Thresholds: ApologyLeadWorkingDays must not be negative (Form 04 goes out before the due).", [nameof(ApologyLeadWorkingDays)]);
        }

        if (ApologyWarningWorkingDays <= 0)
        {
            yield return new ValidationResult("Thresholds: ApologyWarningWorkingDays must be more than 0, or the Form 04 warning would come at or after the Form 04 deadline.", [nameof(ApologyWarningWorkingDays)]);
        }
    }

    // The instant at which `worked` working seconds from `start` have passed, plus one second: from there less
    // than the rest is left. Never before the start nor later than one second past the due.
    internal static Instant After(Instant start, long worked, Instant due, DeadlineCalculator calculator, OfficeHours hours)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        if (worked < 0)
        {
            return start;
        }

        var at = calculator.AddWorkingTime(start, worked + 1, hours);
        var cap = due + Duration.FromSeconds(1);
        return at < cap ? at : cap;
    }

    private static long Budget(Instant countingStart, Instant due, DeadlineCalculator calculator, OfficeHours hours)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        return Math.Max(0, calculator.WorkingTimeBetween(countingStart, due, hours).Seconds);
    }
}
