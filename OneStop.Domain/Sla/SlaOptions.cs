using OneStop.Notifications;

namespace OneStop.Sla;

/// <summary>
/// The SLA rules' settings (section <c>Sla</c>); the thresholds before the statutory due (due soon, Form 04) are
/// <see cref="DeadlineThresholds"/>, shared with the desk, the dashboard and the audit. Defaults: a
/// result not collected after 10 working days; the ladder officer (due soon), head of department (overdue),
/// head of agency (8 working hours overdue), supervisor (24 working hours overdue). A step (the current unit's
/// budget) is due soon under 1 working day or 20% of its budget left; its officer is told when it is overdue.
/// </summary>
public sealed class SlaOptions
{
    public const string Section = "Sla";

    /// <summary>A step (the current unit's budget, <c>StepDueAt</c>) is due soon under this many working days left.</summary>
    public decimal StepDueSoonWorkingDays { get; set; } = 1m;

    /// <summary>... or under this share of the step's budget left, whichever comes first.</summary>
    public decimal StepDueSoonBudgetShare { get; set; } = 0.2m;

    /// <summary>
    /// The citizen is reminded to bring a requested supplement when less than this (working days) is left of the
    /// procedure's time for it (<c>citizenSupplementTime</c>).
    /// </summary>
    public decimal SupplementReminderWorkingDays { get; set; } = 2m;

    /// <summary>A result ready for longer than this (working days) becomes NotCollected.</summary>
    public int NotCollectedAfterWorkingDays { get; set; } = 10;

    /// <summary>The escalation ladder; empty means <see cref="DefaultLadder"/>.</summary>
    public List<EscalationLevel> Escalation { get; set; } = [];

    /// <summary>Dossiers per batch (one transaction each; on SQLite about 1 s of the write lock at 5,000).</summary>
    public int BatchSize { get; set; } = 5000;

    /// <summary>How long a dossier whose check failed waits before the next try.</summary>
    public int PoisonRetryMinutes { get; set; } = 60;

    public static IReadOnlyList<EscalationLevel> DefaultLadder { get; } =
    [
        new() { Audience = NoticeAudience.Officer, At = SlaState.DueSoon },
        new() { Audience = NoticeAudience.HeadOfDepartment, At = SlaState.Overdue },
        new() { Audience = NoticeAudience.HeadOfAgency, At = SlaState.Overdue, WorkingHoursAfter = 8 },
        new() { Audience = NoticeAudience.Supervisor, At = SlaState.Overdue, WorkingHoursAfter = 24 },
    ];

    public SlaThresholds StepThresholds => new(StepDueSoonWorkingDays, StepDueSoonBudgetShare);

    public IReadOnlyList<EscalationLevel> Ladder => Escalation.Count == 0 ? DefaultLadder : Escalation;

    /// <summary>
    /// Why the ladder is unusable with these thresholds, or null: a rung at DueSoon waiting as long as the
    /// due-soon margin (in a working day of <paramref name="secondsPerDay"/>) would warn of the due after it.
    /// </summary>
    public string? LadderProblem(DeadlineThresholds thresholds, int secondsPerDay)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var margin = (long)(thresholds.DueSoonWorkingDays * secondsPerDay);
        foreach (var level in Ladder)
        {
            if (level.WorkingHoursAfter < 0)
            {
                return $"Sla:Escalation: {level.Key} waits a negative time.";
            }

            if (level.At == SlaState.OnTrack)
            {
                return $"Sla:Escalation: {level.Key} is at OnTrack; a rung is at DueSoon or Overdue.";
            }

            if (level.At == SlaState.DueSoon && level.WorkingHoursAfter * 3600L >= margin)
            {
                return $"Sla:Escalation: {level.Key} would come at or after the due (Thresholds:DueSoonWorkingDays is {thresholds.DueSoonWorkingDays}).";
            }
        }

        return null;
    }
}

/// <summary>One rung of the ladder: who is told, at which state, and how many working hours after entering it.</summary>
public sealed class EscalationLevel
{
    public NoticeAudience Audience { get; set; }

    public SlaState At { get; set; }

    public int WorkingHoursAfter { get; set; }

    /// <summary>The notice's threshold key, e.g. <c>Overdue+8h:HeadOfAgency</c>.</summary>
    public string Key => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{At}+{WorkingHoursAfter}h:{Audience}");
}
