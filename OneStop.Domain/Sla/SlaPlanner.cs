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
/// <para>DueSoon starts when less than the margin (<see cref="SlaThresholds"/>) of working time is left, i.e.
/// after <c>budget - margin</c> working seconds from the counting start; Overdue one second after the due.</para>
/// <para>Apology (domain.md rule 6; Decree 61/2018 art. 19(9) before 1 July 2025, restated under Decree 118/2025
/// by provincial rules, e.g. Lai Châu QĐ 88/2025 art. 3(6)): the window opens with DueSoon (the department
/// and its head are told), and closes 1 working day before the statutory due; still no moved appointment then
/// escalates to the head of the agency.</para>
/// <para>Steps: the current unit's budget (from its hand-over to <c>StepDueAt</c>) moves the same way with its own
/// margin (<see cref="SlaOptions.StepThresholds"/>); the officer is told once when the step is overdue. A hand-over
/// starts a new step on track.</para>
/// <para>Supplement: while the citizen's supplement is awaited under a procedure that limits its time
/// (<see cref="Dossier.SupplementDueAt"/>), the citizen is reminded when less than
/// <see cref="SlaOptions.SupplementReminderWorkingDays"/> of working time is left, and one second after the time
/// ends the dossier closes (<see cref="DossierStatus.Lapsed"/>) with a notice to the citizen.</para>
/// <para>Quiet hours: staff notices created outside an office session are held until the next one.</para>
/// </remarks>
public static class SlaPlanner
{
    public static SlaPlan Plan(Dossier dossier, Instant now, DeadlineCalculator calculator, OfficeHours hours, SlaOptions options) =>
        Plan(SlaSnapshot.Of(dossier), now, calculator, hours, options);

    public static SlaPlan Plan(SlaSnapshot dossier, Instant now, DeadlineCalculator calculator, OfficeHours hours, SlaOptions options)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(calculator);
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(options);
        var moves = new List<(SlaState, Instant)>();
        var stepMoves = new List<(SlaState, Instant)>();
        var notices = new List<NoticeDraft>();
        Instant? next = null;
        Instant? notCollectedAt = null;
        Instant? supplementLapsedAt = null;
        var staffFrom = NextSessionMoment(now, calculator, hours);
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

        if (!dossier.Status.IsTerminal() && dossier.Reschedulings > 0)
        {
            notices.Add(new NoticeDraft("AppointmentMoved", Iso(dossier.AppointmentAt), NoticeAudience.Citizen, now,
                $"Hồ sơ {code}: lịch hẹn trả kết quả đã thay đổi",
                $"Lịch hẹn trả kết quả mới của hồ sơ {code} là {Iso(dossier.AppointmentAt)}."));
        }

        switch (dossier.Status)
        {
            case DossierStatus.Received or DossierStatus.InProcess:
                var due = dossier.StatutoryDueAt;
                var start = dossier.CountingStartsAt;
                var budget = Math.Max(0, calculator.WorkingTimeBetween(start, due, hours).Seconds);
                var perDay = hours.SecondsPerDay;
                var dueSoonAt = After(start, budget - options.Thresholds.DueSoonMargin(budget, perDay), due, calculator, hours);
                var overdueAt = due + Duration.FromSeconds(1);
                var apologyClosesAt = After(start, budget - (long)(options.ApologyWorkingDaysBeforeDue * perDay), due, calculator, hours);
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

                if (Reached(dueSoonAt))
                {
                    foreach (var audience in new[] { NoticeAudience.Officer, NoticeAudience.HeadOfDepartment })
                    {
                        notices.Add(new NoticeDraft("ApologyWindowOpen", audience.ToString(), audience, staffFrom,
                            $"Hồ sơ {code} sắp đến hạn: nếu trễ, lập Phiếu xin lỗi (Mẫu 04)",
                            $"Hồ sơ {code} đến hạn {Iso(due)}. Nếu không kịp, phiếu xin lỗi (Mẫu 04) phải gửi chậm nhất {Iso(apologyClosesAt)}."));
                    }
                }

                if (Reached(apologyClosesAt) && dossier.Reschedulings == 0)
                {
                    notices.Add(new NoticeDraft("ApologyWindowClosed", Iso(due), NoticeAudience.HeadOfAgency, staffFrom,
                        $"Hồ sơ {code}: hết hạn gửi Phiếu xin lỗi",
                        $"Hồ sơ {code} đến hạn {Iso(due)}, chưa có Phiếu xin lỗi được phê duyệt 1 ngày làm việc trước hạn."));
                }

                foreach (var level in options.Ladder)
                {
                    var from = boundaries[level.At];
                    var at = level.WorkingHoursAfter > 0 ? calculator.AddWorkingTime(from, level.WorkingHoursAfter * 3600L, hours) : from;
                    if (level.At != SlaState.OnTrack && Reached(at))
                    {
                        notices.Add(new NoticeDraft("Escalation", level.Key, level.Audience, staffFrom,
                            level.At == SlaState.Overdue ? $"Hồ sơ {code} đã quá hạn" : $"Hồ sơ {code} sắp đến hạn",
                            $"Hồ sơ {code} (đơn vị đang giữ: {dossier.CurrentUnit}) có hạn giải quyết {Iso(due)}."));
                    }
                }

                if (dossier is { StepStartedAt: { } stepStart, StepDueAt: { } stepDue })
                {
                    var stepBudget = Math.Max(0, calculator.WorkingTimeBetween(stepStart, stepDue, hours).Seconds);
                    var stepDueSoonAt = After(stepStart, stepBudget - options.StepThresholds.DueSoonMargin(stepBudget, perDay), stepDue, calculator, hours);
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
                        notices.Add(new NoticeDraft("StepOverdue", $"{Iso(stepStart)}/{Iso(stepDue)}", NoticeAudience.Officer, staffFrom,
                            $"Hồ sơ {code}: bước xử lý tại {dossier.CurrentUnit} đã quá hạn",
                            $"Hồ sơ {code} đang ở {dossier.CurrentUnit}; hạn của bước này là {Iso(stepDue)}, hạn giải quyết hồ sơ {Iso(due)}."));
                    }
                }

                break;

            case DossierStatus.AwaitingSupplement when dossier.SupplementDueAt is { } supplementDue:
                var lapsesAt = supplementDue + Duration.FromSeconds(1);
                if (Reached(lapsesAt))
                {
                    supplementLapsedAt = lapsesAt;
                    notices.Add(new NoticeDraft("SupplementLapsed", Iso(supplementDue), NoticeAudience.Citizen, now,
                        $"Hồ sơ {code} đã đóng do quá hạn bổ sung",
                        $"Hồ sơ {code} không được bổ sung trước {Iso(supplementDue)} nên đã đóng. Ông/bà có thể nộp hồ sơ mới."));
                    break;
                }

                var left = calculator.WorkingTimeBetween(now, supplementDue, hours).Seconds;
                var margin = (long)(options.SupplementReminderWorkingDays * hours.SecondsPerDay);
                if (left <= margin || Reached(calculator.AddWorkingTime(now, left - margin + 1, hours)))
                {
                    notices.Add(new NoticeDraft("SupplementReminder", Iso(supplementDue), NoticeAudience.Citizen, now,
                        $"Nhắc bổ sung hồ sơ {code}",
                        $"Hồ sơ {code} đang chờ ông/bà bổ sung. Hạn bổ sung là {Iso(supplementDue)}; sau thời hạn này hồ sơ sẽ bị đóng."));
                }

                break;

            case DossierStatus.ResultReady when dossier.ResultReadyAt is { } ready:
                var early = ready < dossier.AppointmentAt;
                notices.Add(new NoticeDraft(early ? "EarlyReturn" : "ResultReady", Iso(ready), NoticeAudience.Citizen, now,
                    $"Hồ sơ {code} đã có kết quả",
                    early
                        ? $"Hồ sơ {code} đã có kết quả sớm hơn lịch hẹn {Iso(dossier.AppointmentAt)}; mời ông/bà đến nhận."
                        : $"Hồ sơ {code} đã có kết quả; mời ông/bà đến nhận."));
                var waitEndsAt = calculator.AddWorkingTime(ready, (long)options.NotCollectedAfterWorkingDays * hours.SecondsPerDay, hours);
                if (Reached(waitEndsAt))
                {
                    notCollectedAt = waitEndsAt;
                    notices.Add(new NoticeDraft("NotCollected", Iso(ready), NoticeAudience.Citizen, now,
                        $"Nhắc nhận kết quả hồ sơ {code}",
                        $"Kết quả hồ sơ {code} đã sẵn sàng từ {Iso(ready)}; mời ông/bà đến nhận."));
                }

                break;
        }

        // Officers and heads of department hear about the dossiers their unit holds.
        var routed = notices.Select(n => n.Audience is NoticeAudience.Officer or NoticeAudience.HeadOfDepartment ? n with { Unit = dossier.CurrentUnit } : n).ToList();
        return new SlaPlan(moves, stepMoves, notCollectedAt, routed, next, supplementLapsedAt);
    }

    // The instant after which `worked` working seconds from `start` have passed, plus one: from there the time
    // left is below the margin. Never later than one second past the due.
    private static Instant After(Instant start, long worked, Instant due, DeadlineCalculator calculator, OfficeHours hours)
    {
        if (worked < 0)
        {
            return start;
        }

        var at = calculator.AddWorkingTime(start, worked + 1, hours);
        var cap = due + Duration.FromSeconds(1);
        return at < cap ? at : cap;
    }

    // Now when it is inside an office session; otherwise the start of the next session.
    private static Instant NextSessionMoment(Instant now, DeadlineCalculator calculator, OfficeHours hours)
    {
        var oneSecondIn = calculator.AddWorkingTime(now, 1, hours) - Duration.FromSeconds(1);
        return oneSecondIn > now ? oneSecondIn : now;
    }

    private static string Iso(Instant instant) => OfficeTime.FormatIso(instant);
}
