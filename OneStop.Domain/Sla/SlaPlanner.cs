using NodaTime;
using OneStop.Calendar;
using OneStop.Deadlines;
using OneStop.Dossiers;
using OneStop.Notifications;

namespace OneStop.Sla;

/// <summary>
/// The SLA rules as a pure function of a dossier and an instant. Every boundary is an instant computed with the
/// working-time engine from the counting start and the statutory due, so the plan does not depend on when the
/// check runs: run late, twice, or after a crash, it asks for the same moves and the same notices.
/// </summary>
/// <remarks>
/// <para>DueSoon starts when less than the margin (<see cref="DeadlineThresholds.DueSoonFrom"/>) of working time is
/// left; Overdue one second after the due.</para>
/// <para>Apology (domain.md rule 6; Decree 61/2018 art. 19(9) before 1 July 2025, restated under Decree 118/2025
/// by provincial rules, e.g. Lai Châu QĐ 88/2025 art. 3(6)): Form 04 is due <see cref="DeadlineThresholds.ApologyLeadWorkingDays"/>
/// before the statutory due (<see cref="DeadlineThresholds.ApologyDeadline"/>). The officer and the head of the
/// department are warned <see cref="DeadlineThresholds.ApologyWarningWorkingDays"/> before that deadline, never
/// after it (a dossier found past the deadline gets no warning); still no moved appointment once it passed tells
/// the head of the agency.</para>
/// <para>Escalation: each rung of the ladder is its own notice (subject and text give its number and since when).
/// A dossier found past several rungs at once gets only the highest it reached: the ladder is for people who
/// can still act, not a backlog of stale warnings.</para>
/// <para>Steps: the current unit's budget (from its hand-over to <c>StepDueAt</c>) moves the same way with its own
/// margin (<see cref="SlaOptions.StepThresholds"/>); the officer is told once when the step is overdue. A hand-over
/// starts a new step on track.</para>
/// <para>Supplement: while the citizen's supplement is awaited under a procedure that limits its time
/// (<see cref="Dossier.SupplementDueAt"/>), the citizen is reminded when less than
/// <see cref="SlaOptions.SupplementReminderWorkingDays"/> of working time is left, and one second after the time
/// ends the dossier closes (<see cref="DossierStatus.Lapsed"/>) with a notice to the citizen.</para>
/// <para>The citizen: what changes the dossier's status (result ready, not collected, lapsed, a moved appointment)
/// is told from the ledger's events by <see cref="CitizenNoticeRule"/>, not here; the plan only reminds a citizen
/// who consented to e-mail of the supplement's time running out.</para>
/// <para>Quiet hours: staff notices created outside an office session are held until the next one; the
/// dispatcher checks again at send time in the recipient agency's hours.</para>
/// </remarks>
public static class SlaPlanner
{
    public static SlaPlan Plan(Dossier dossier, Instant now, DeadlineCalculator calculator, OfficeHours hours, SlaOptions options, DeadlineThresholds thresholds) =>
        Plan(SlaSnapshot.Of(dossier), now, calculator, hours, options, thresholds);

    public static SlaPlan Plan(SlaSnapshot dossier, Instant now, DeadlineCalculator calculator, OfficeHours hours, SlaOptions options, DeadlineThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(calculator);
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(thresholds);
        var moves = new List<(SlaState, Instant)>();
        var stepMoves = new List<(SlaState, Instant)>();
        var notices = new List<NoticeDraft>();
        Instant? next = null;
        Instant? notCollectedAt = null;
        Instant? supplementLapsedAt = null;
        var staffFrom = QuietHours.NextSessionMoment(now, calculator, hours);
        var code = dossier.Code;

        bool Reached(Instant at)
        {
            if (at <= now)
            {
                return true;
            }

            next = next is { } n && n < at ? n : at;
            return false;
        }

        void Add(string kind, string threshold, NoticeAudience audience, Instant notBefore, (string Subject, string Body) text) =>
            notices.Add(new NoticeDraft(kind, threshold, audience, notBefore, text.Subject, text.Body));

        switch (dossier.Status)
        {
            case DossierStatus.Received or DossierStatus.InProcess:
                var due = dossier.StatutoryDueAt;
                var start = dossier.CountingStartsAt;
                var perDay = hours.SecondsPerDay;
                var dueSoonAt = thresholds.DueSoonFrom(start, due, calculator, hours);
                var overdueAt = due + Duration.FromSeconds(1);
                var apologyDeadline = thresholds.ApologyDeadline(start, due, calculator, hours);
                var apologyClosedAt = apologyDeadline + Duration.FromSeconds(1);
                var apologyWarningAt = thresholds.ApologyWarningAt(start, due, calculator, hours);
                var boundaries = new Dictionary<SlaState, Instant> { [SlaState.OnTrack] = start, [SlaState.DueSoon] = dueSoonAt, [SlaState.Overdue] = overdueAt };

                var target = Reached(overdueAt) ? SlaState.Overdue : Reached(dueSoonAt) ? SlaState.DueSoon : SlaState.OnTrack;
                if (target > dossier.SlaState)
                {
                    for (var s = dossier.SlaState + 1; s <= target; s++)
                    {
                        moves.Add((s, boundaries[s]));
                    }
                }
                else if (target < dossier.SlaState)
                {
                    // The due moved later (restatement): the dossier is back on track from now.
                    moves.Add((target, now));
                }

                // The warning only while it still warns: a dossier found past the Form 04 deadline gets none.
                if (Reached(apologyWarningAt) && !Reached(apologyClosedAt) && dossier.Reschedulings == 0)
                {
                    foreach (var audience in new[] { NoticeAudience.Officer, NoticeAudience.HeadOfDepartment })
                    {
                        Add("ApologyWindowOpen", audience.ToString(), audience, staffFrom, NoticeText.ApologyWarning(code, dossier.CurrentUnit, due, apologyDeadline, audience));
                    }
                }

                if (Reached(apologyClosedAt) && dossier.Reschedulings == 0)
                {
                    Add("ApologyWindowClosed", Iso(due), NoticeAudience.HeadOfAgency, staffFrom, NoticeText.ApologyMissed(code, due, apologyDeadline));
                }

                // Each rung is reached at its state's boundary plus its working hours; only the highest reached is
                // queued (the lower ones were queued by earlier checks, or are stale).
                var ladder = options.Ladder;
                var reached = new List<(EscalationLevel Level, int Number, Instant At)>();
                for (var i = 0; i < ladder.Count; i++)
                {
                    var level = ladder[i];
                    var from = boundaries[level.At];
                    var at = level.WorkingHoursAfter > 0 ? calculator.AddWorkingTime(from, level.WorkingHoursAfter * 3600L, hours) : from;
                    if (level.At != SlaState.OnTrack && Reached(at))
                    {
                        reached.Add((level, i + 1, at));
                    }
                }

                // Rungs reached at the same instant are one level (e.g. two audiences at Overdue).
                foreach (var (level, number, at) in reached.Where(r => r.At == reached.Max(x => x.At)))
                {
                    Add("Escalation", level.Key, level.Audience, staffFrom,
                        NoticeText.Escalation(code, dossier.CurrentUnit, due, level, number, ladder.Count, boundaries[level.At], at));
                }

                if (dossier is { StepStartedAt: { } stepStart, StepDueAt: { } stepDue })
                {
                    var stepBudget = Math.Max(0, calculator.WorkingTimeBetween(stepStart, stepDue, hours).Seconds);
                    var stepDueSoonAt = DeadlineThresholds.After(stepStart, stepBudget - options.StepThresholds.DueSoonMargin(stepBudget, perDay), stepDue, calculator, hours);
                    var stepOverdueAt = stepDue + Duration.FromSeconds(1);
                    var stepTarget = Reached(stepOverdueAt) ? SlaState.Overdue : Reached(stepDueSoonAt) ? SlaState.DueSoon : SlaState.OnTrack;
                    var stepBoundaries = new Dictionary<SlaState, Instant> { [SlaState.OnTrack] = stepStart, [SlaState.DueSoon] = stepDueSoonAt, [SlaState.Overdue] = stepOverdueAt };
                    for (var s = dossier.StepSlaState + 1; s <= stepTarget; s++)
                    {
                        stepMoves.Add((s, stepBoundaries[s]));
                    }

                    if (stepTarget == SlaState.Overdue)
                    {
                        // One notice per step: the step is known by its start and its due (a hand-over starts a new one).
                        Add("StepOverdue", $"{Iso(stepStart)}/{Iso(stepDue)}", NoticeAudience.Officer, staffFrom, NoticeText.StepOverdue(code, dossier.CurrentUnit, stepDue, due));
                    }
                }

                break;

            case DossierStatus.AwaitingSupplement when dossier.SupplementDueAt is { } supplementDue:
                var lapsesAt = supplementDue + Duration.FromSeconds(1);
                if (Reached(lapsesAt))
                {
                    supplementLapsedAt = lapsesAt;
                    break;
                }

                var left = calculator.WorkingTimeBetween(now, supplementDue, hours).Seconds;
                var margin = (long)(options.SupplementReminderWorkingDays * hours.SecondsPerDay);
                if ((left <= margin || Reached(calculator.AddWorkingTime(now, left - margin + 1, hours))) && dossier.NoticeChannels.HasFlag(CitizenChannels.Email))
                {
                    Add("SupplementReminder", Iso(supplementDue), NoticeAudience.Citizen, now, NoticeText.SupplementReminder(code, supplementDue));
                }

                break;

            case DossierStatus.ResultReady when dossier.ResultReadyAt is { } ready:
                var waitEndsAt = calculator.AddWorkingTime(ready, (long)options.NotCollectedAfterWorkingDays * hours.SecondsPerDay, hours);
                if (Reached(waitEndsAt))
                {
                    notCollectedAt = waitEndsAt;
                }

                break;
        }

        // Officers and heads of department hear about the dossiers their unit holds.
        var routed = notices.Select(n => n.Audience is NoticeAudience.Officer or NoticeAudience.HeadOfDepartment ? n with { Unit = dossier.CurrentUnit } : n).ToList();
        return new SlaPlan(moves, stepMoves, notCollectedAt, routed, next, supplementLapsedAt);
    }

    private static string Iso(Instant instant) => OfficeTime.FormatIso(instant);
}
