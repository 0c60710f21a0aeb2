using NodaTime;
using OneStop.Calendar;
using OneStop.Deadlines;
using OneStop.Dossiers;
using static OneStop.Lateness.LatenessAudit;

namespace OneStop.Lateness;

/// <summary>
/// One run of <see cref="LatenessAudit"/> over one ledger: <see cref="Run"/> verifies the ledger, replays its events
/// in sequence (one method per event kind), then judges the end. See <see cref="LatenessAudit"/> for the rules.
/// </summary>
internal sealed class LatenessReplay
{
    private readonly DeadlineCalculator _calculator;
    private readonly AuditSettings _settings;
    private readonly LedgerKeyRing _keys;
    private readonly DossierLedger _ledger;
    private readonly OfficeHours _hours;
    private readonly Instant _asOf;
    private readonly CalendarHistory? _history;

    private readonly List<Finding> _findings = [];
    private readonly List<DossierEvent> _moves = [];
    private readonly List<DossierEvent> _supplements = [];
    private readonly List<DossierEvent> _apologyRequests = [];
    private readonly List<(DossierEvent Event, int Phase)> _approvals = [];
    private readonly List<Visit> _visits = [];
    private readonly List<DossierEvent> _returns = [];
    private readonly List<StepOutcome> _steps = [];
    private readonly List<(Instant At, string Unit)> _units = [];
    private readonly List<DossierEvent> _ruleEvents = [];
    private readonly Dictionary<(string Actor, string Unit), Tally> _patterns = [];
    private Tally _acting = new();
    private readonly bool _closed;
    private string? _department;
    private DossierEvent? _registered;
    private DossierEvent? _result;
    private DossierEvent? _returned;
    private DossierEvent? _refused;
    private DossierEvent? _stopped;
    private DossierEvent? _overdueSeen;
    private bool _notCollected;
    private Instant? _notCollectedAt;
    private string? _rulesRecorded;
    private bool _awaitingSupplement;
    private bool _ended;
    private ProcessingTime _time;
    private ProcessingTime _window;
    private (DeadlineCalculator Calculator, OfficeHours Hours, bool Known) _rules;

    // The true clock: where it (re)started, the due it gives under the rules the dossier is judged by, and whether
    // it is stopped by a legitimate supplement request.
    private DossierEvent? _phaseStart;
    private Instant _start;
    private Deadline _deadline;
    private Deadline _recordedDeadline;
    private Deadline _currentDeadline;
    private int _phaseNumber;
    private Instant? _stoppedAt;

    // The paper: the appointment in force, and one approved by the head.
    private Instant _appointment;
    private Instant? _approvedAppointment;

    private Instant _dueAtEnd;
    private Instant _appointmentAtEnd;
    private int _phaseAtEnd;

    public LatenessReplay(DeadlineCalculator calculator, AuditSettings settings, LedgerKeyRing keys, DossierLedger ledger, OfficeHours hours, Instant asOf, CalendarHistory? history)
    {
        _calculator = calculator;
        _settings = settings;
        _keys = keys;
        _ledger = ledger;
        _hours = hours;
        _asOf = asOf;
        _history = history;
        _time = ledger.ProcessingTime;
        _window = DossierRegistration.DefaultSupplementWindow with { Amount = settings.SupplementWindowWorkingDays };
        _rules = (calculator, hours, false);
        _closed = Known.Any(e => e.Kind is DossierEventKind.ResultReady or DossierEventKind.Refused or DossierEventKind.Stopped or DossierEventKind.SupplementLapsed or DossierEventKind.Returned);
    }

    private IEnumerable<DossierEvent> Known => _ledger.Events.Where(e => Believed(e) <= _asOf);

    private Instant Due => _deadline.DueAt;

    public AuditResult Run()
    {
        CheckLedger();
        foreach (var e in Known)
        {
            if (_registered is null && e.Kind != DossierEventKind.Registered)
            {
                continue;
            }

            Observe(e);
            Apply(e);
        }

        if (_registered is null)
        {
            return new AuditResult
            {
                DossierId = _ledger.DossierId, AuditVersion = LatenessAudit.Version, Findings = _findings, Outcome = TrueOutcome.Open,
                AcceptedAt = default, RegisteredBy = string.Empty, StatutoryDueAt = default, AppointmentAt = default, Index3 = 2,
            };
        }

        var closing = _result ?? _refused;
        MarkEnd();
        CheckRestated();

        var outcome = TrueOutcome.Open;
        long lateMinutes = 0;
        bool? paperOnTime = null;
        Instant? resultAt = null;
        Instant? closedAt = null;
        OpenStanding? standing = null;
        var late = false;
        if (_stopped is not null)
        {
            // A stopped dossier leaves lateness statistics (domain rule 7), but not without a trace.
            outcome = TrueOutcome.Stopped;
            closedAt = Believed(_stopped);
            lateMinutes = CheckStoppedAfterDue(_stopped);
        }
        else if (closing is not null)
        {
            (outcome, late, lateMinutes, paperOnTime, resultAt, closedAt) = JudgeClosing(closing);
        }
        else
        {
            // Open: late once the due has passed; while a legitimate supplement is awaited the clock stopped at the request.
            var until = _stoppedAt ?? _asOf;
            late = until > _dueAtEnd;
            lateMinutes = late ? Minutes(_dueAtEnd, until) : 0;
            standing = AuditResult.StandingAt(_asOf, _dueAtEnd, _stoppedAt, DueSoonFromIfRunning());
        }

        if (late)
        {
            CheckApology(closing, lateMinutes);
        }

        CheckVisits();
        if (_moves.Count > 1)
        {
            Add(FindingKind.SecondRescheduling, _moves, _dueAtEnd, 0,
                $"Lịch hẹn trả kết quả bị dời {_moves.Count} lần; {Regulations.RulesInForce.OneReschedulingVi(_registered.OccurredAt)} chỉ cho phép một lần.",
                $"The appointment moved {_moves.Count} times; {Regulations.RulesInForce.OneReschedulingEn(_registered.OccurredAt)} allows one.");
        }

        var unitAtDue = _units.LastOrDefault(u => u.At <= _dueAtEnd, _units[0]).Unit;
        var responsible = late ? unitAtDue : null;
        var open = outcome == TrueOutcome.Open;
        return new AuditResult
        {
            DossierId = _ledger.DossierId,
            AuditVersion = LatenessAudit.Version,
            Findings = _findings,
            Outcome = outcome,
            Standing = standing,
            AcceptedAt = _registered.OccurredAt,
            RegisteredBy = _registered.Actor,
            StatutoryDueAt = _dueAtEnd,
            CountingStartsAt = _deadline.CountingStartsAt,
            AppointmentAt = _appointmentAtEnd,
            ResultAt = resultAt,
            DeclaredResultAt = _result?.OccurredAt,
            ReturnedAt = _returned is null ? null : Believed(_returned),
            ClosedAt = closedAt,
            NotCollected = _notCollected,
            PaperOnTime = paperOnTime,
            LateMinutes = lateMinutes,
            ResponsibleUnit = responsible,
            Department = responsible ?? _department ?? Dossier.DeskUnit,
            Index1 = outcome switch { TrueOutcome.Early => 2, TrueOutcome.OnTime => 1, TrueOutcome.Late => 0, _ => null },
            Index2 = _steps.Count == 0 ? null : _steps.Contains(StepOutcome.Late) ? 0 : _steps.All(s => s == StepOutcome.Early) ? 2 : 1,
            Index3 = _supplements.Count switch { 0 => 2, 1 => 1, _ => 0 },
            ClockStoppedAt = open ? _stoppedAt : null,
            DueSoonFrom = open ? DueSoonFromIfRunning() : null,
            UnitAtDue = unitAtDue,
            LastUnit = _department ?? Dossier.DeskUnit,
            NotCollectedAt = _notCollectedAt,
            LastKnownAt = Known.Max(Believed),
            Rules = _rulesRecorded,
            Patterns = _patterns.Select(p => p.Value.Pattern(p.Key.Actor, p.Key.Unit)).ToList(),
        };
    }

    /// <summary>
    /// Counts the event for its actor in the unit holding the dossier when it happened (a hand-over counts in the unit
    /// it leaves): how far it was declared before it was recorded against the tolerance (<see cref="ActorPattern"/>).
    /// </summary>
    private void Observe(DossierEvent e)
    {
        var unit = _units.Count == 0 ? Dossier.DeskUnit : _units[^1].Unit;
        if (!_patterns.TryGetValue((e.Actor, unit), out var tally))
        {
            tally = new Tally();
            _patterns[(e.Actor, unit)] = tally;
        }

        _acting = tally;
        tally.Events++;
        if (e.OccurredAt >= e.RecordedAt)
        {
            return;
        }

        var tolerance = (long)_settings.BackdatingToleranceMinutes;
        var minutes = Minutes(e.OccurredAt, e.RecordedAt);
        tally.DeclaredEarlier++;
        tally.EarlierMinutes += Math.Min(minutes, tolerance);
        if (BeyondTolerance(e))
        {
            tally.BeyondTolerance++;
        }
        else if (minutes >= tolerance * ActorPattern.NearToleranceShare)
        {
            tally.NearTolerance++;
        }
    }

    private void Apply(DossierEvent e)
    {
        var details = EventDetails.Read(e.Details);
        switch (e.Kind)
        {
            case DossierEventKind.Registered: Registered(e, details); break;
            case DossierEventKind.SupplementRequested: SupplementRequested(e); break;
            case DossierEventKind.SupplementReceived: SupplementReceived(e, details); break;
            case DossierEventKind.ApologyRequested: _apologyRequests.Add(e); break;
            case DossierEventKind.ApologyApproved: ApologyApproved(e, details); break;
            case DossierEventKind.ReceiptReissued: ReceiptReissued(e, details); break;
            case DossierEventKind.DeadlineRestated: DeadlineRestated(e, details); break;
            case DossierEventKind.HandedOver: HandedOver(e, details); break;
            case DossierEventKind.ResultReady: ResultReady(e); break;
            case DossierEventKind.Refused: Refused(e); break;
            case DossierEventKind.Returned: Returned(e); break;
            // A dossier closed because the citizen never brought the supplement leaves the statistics like a stopped
            // one: it is not agency lateness (domain rule 5).
            case DossierEventKind.Stopped or DossierEventKind.SupplementLapsed: _stopped ??= e; break;
            case DossierEventKind.NotCollected: _notCollected = true; _notCollectedAt ??= Believed(e); break;
            case DossierEventKind.VisitLogged: VisitLogged(e); break;
            case DossierEventKind.SlaStateChanged: SlaStateChanged(e, details); break;
            default: break;
        }
    }

    private void Registered(DossierEvent e, IReadOnlyDictionary<string, string> details)
    {
        _registered = e;
        if (ReadTime(details, "processingAmount", "processingUnit") is { } time)
        {
            _time = time;
        }

        if (details.TryGetValue("supplementWindow", out var window) && ParseTime(window) is { } parsed)
        {
            _window = parsed;
        }

        _units.Add((e.OccurredAt, Dossier.DeskUnit));
        TakeRules(e, details);
        StartPhase(e, e.OccurredAt);
        var printed = Read(details, "appointmentAt") ?? Due;
        _appointment = printed;
        CheckAppointment(e, printed);
    }

    private void SupplementRequested(DossierEvent e)
    {
        _supplements.Add(e);
        _awaitingSupplement = true;
        if (_supplements.Count > 1)
        {
            Add(FindingKind.RepeatedSupplement, [_supplements[0], e], Due, 0,
                $"Yêu cầu bổ sung hồ sơ lần thứ {_supplements.Count}; công dân phải được hướng dẫn một lần, đầy đủ (Thông tư 01/2018 điều 13, chỉ số 3). Yêu cầu này không dừng thời hạn giải quyết thực tế.",
                $"Supplement request number {_supplements.Count}; the citizen must be told once, completely (Circular 01/2018 art. 13, index 3). This request does not stop the true clock.");
        }

        // Domain rule 5 (Decree 61/2018 art. 19(4); Decree 118/2025: the procedure's window): inside the window after
        // the counting start, and never after the due. Only the first such request stops the true clock.
        var windowEnd = _rules.Calculator.AddWorkingTime(_deadline.CountingStartsAt, WindowSeconds(), _rules.Hours);
        var limit = windowEnd < Due ? windowEnd : Due;
        CheckBackdated(e, t => t <= limit, $"yêu cầu bổ sung trong hạn {Format(limit)}", $"the supplement request within its limit {Format(limit)}");
        var at = Believed(e);
        _acting.Supplements++;
        if (at > limit)
        {
            _acting.SupplementsOutOfWindow++;
            var minutes = Minutes(limit, at);
            Add(FindingKind.SupplementOutOfTime, [e], Due, minutes,
                $"Yêu cầu bổ sung lúc {Format(at)}, quá thời hạn {WindowVi()} (hết lúc {Format(limit)}) {HoursVi(minutes)}; thời hạn giải quyết thực tế không dừng và không tính lại vì yêu cầu này.",
                $"Supplement requested at {Format(at)}, {HoursEn(minutes)} after the {WindowEn()} window closed at {Format(limit)}; the true clock neither stops nor restarts for it.");
        }
        else if (_supplements.Count == 1)
        {
            _stoppedAt = at;
        }
    }

    private void SupplementReceived(DossierEvent e, IReadOnlyDictionary<string, string> details)
    {
        _awaitingSupplement = false;
        _approvedAppointment = null;
        TakeRules(e, details);
        if (_stoppedAt is not null)
        {
            // The time restarts from zero when the complete dossier is back (Decree 61/2018 art. 19(4)).
            _stoppedAt = null;
            _phaseNumber++;
            StartPhase(e, e.OccurredAt);
        }
        else
        {
            SetDeadline();
        }

        // The paper follows the ledger: the appointment is the restarted due the system printed.
        _appointment = Read(details, "appointmentAt") ?? Due;
    }

    private void ApologyApproved(DossierEvent e, IReadOnlyDictionary<string, string> details)
    {
        var approved = Read(details, "appointmentAt") ?? _appointment;
        if (approved != _appointment)
        {
            _moves.Add(e);
        }

        _approvals.Add((e, _phaseNumber));
        _appointment = approved;
        _approvedAppointment = approved;
    }

    private void ReceiptReissued(DossierEvent e, IReadOnlyDictionary<string, string> details)
    {
        var reissued = Read(details, "appointmentAt") ?? _appointment;
        var before = _appointment;
        if (reissued != before)
        {
            _moves.Add(e);
        }

        if (reissued > before)
        {
            _acting.Reissues++;
            var beyond = reissued > Due ? Minutes(Due, reissued) : 0;
            Add(FindingKind.ReceiptReissued, [e], Due, beyond,
                $"Giấy tiếp nhận được cấp lại lúc {Format(e.RecordedAt)}, dời lịch hẹn từ {Format(before)} đến {Format(reissued)}.",
                $"The receipt was re-issued at {Format(e.RecordedAt)}, moving the appointment from {Format(before)} to {Format(reissued)}.");
        }

        CheckAppointment(e, reissued);
        _appointment = reissued;
    }

    private void DeadlineRestated(DossierEvent e, IReadOnlyDictionary<string, string> details)
    {
        // An open dossier restated under the rules in force then (with this event): they are its rules from now on.
        TakeRules(e, details);
        SetDeadline();
        _appointment = Read(details, "appointmentAt") ?? _appointment;
    }

    private void HandedOver(DossierEvent e, IReadOnlyDictionary<string, string> details)
    {
        if (details.TryGetValue("to", out var unit))
        {
            _units.Add((Believed(e), unit));
            if (!_ended && _stopped is null && unit != Dossier.DeskUnit)
            {
                _department = unit;
            }
        }

        if (details.TryGetValue("finishedStep", out var step) && Enum.TryParse<StepOutcome>(step, out var outcome) && outcome != StepOutcome.None)
        {
            _steps.Add(outcome);
        }
    }

    private void ResultReady(DossierEvent e)
    {
        if (_result is null)
        {
            // Recorded (server time) within the last working hour before the due in force, not after it.
            _acting.Results++;
            if (e.RecordedAt <= Due && Minutes(e.RecordedAt, Due) <= ActorPattern.LastHourMinutes)
            {
                _acting.ResultsLastHour++;
            }
        }

        _result ??= e;
        MarkEnd();
    }

    private void Refused(DossierEvent e)
    {
        _refused ??= e;
        MarkEnd();
    }

    private void Returned(DossierEvent e)
    {
        _returned ??= e;
        _returns.Add(e);
    }

    private void VisitLogged(DossierEvent e)
    {
        // While a supplement is awaited the appointment is void: a citizen who comes then (usually with the missing
        // paper) is not owed a result.
        if (!_awaitingSupplement)
        {
            _visits.Add(new Visit(e, Believed(e), _appointment, _result));
        }
    }

    private void SlaStateChanged(DossierEvent e, IReadOnlyDictionary<string, string> details)
    {
        if (details.GetValueOrDefault("to") == "Overdue" && _phaseStart is { } start && e.Sequence > start.Sequence)
        {
            _overdueSeen = e;
        }
    }

    private (TrueOutcome, bool, long, bool?, Instant?, Instant?) JudgeClosing(DossierEvent closing)
    {
        var at = Believed(closing);
        var what = closing.Kind == DossierEventKind.ResultReady ? ("kết quả", "the result") : ("quyết định từ chối", "the refusal");
        CheckBackdated(closing, t => t <= _dueAtEnd, $"{what.Item1} đúng hạn luật định {Format(_dueAtEnd)}", $"{what.Item2} on time against the statutory due {Format(_dueAtEnd)}");
        var late = at > _dueAtEnd;
        long lateMinutes = 0;
        if (late)
        {
            lateMinutes = Minutes(_dueAtEnd, at);
            Add(FindingKind.LateAgainstStatute, [closing], _dueAtEnd, lateMinutes,
                $"{Capitalised(what.Item1)} có lúc {Format(at)}, sau hạn luật định {Format(_dueAtEnd)} {HoursVi(lateMinutes)}; lịch hẹn trên giấy là {Format(_appointmentAtEnd)}.",
                $"{Capitalised(what.Item2)} came at {Format(at)}, {HoursEn(lateMinutes)} after the statutory due {Format(_dueAtEnd)}; the paper appointment was {Format(_appointmentAtEnd)}.");
        }

        if (closing.Kind != DossierEventKind.ResultReady)
        {
            return (TrueOutcome.Refused, late, lateMinutes, null, null, at);
        }

        var outcome = late ? TrueOutcome.Late
            : OfficeTime.ToLocal(at).Date < OfficeTime.ToLocal(_dueAtEnd).Date ? TrueOutcome.Early
            : TrueOutcome.OnTime;
        return (outcome, late, lateMinutes, closing.OccurredAt <= _appointmentAtEnd, at, null);
    }

    private long CheckStoppedAfterDue(DossierEvent stop)
    {
        CheckBackdated(stop, t => t <= _dueAtEnd, $"việc dừng hồ sơ trước hạn luật định {Format(_dueAtEnd)}", $"the stop before the statutory due {Format(_dueAtEnd)}");
        var at = Believed(stop);
        var until = _stoppedAt is { } stopped && stopped < at ? stopped : at;
        if (until <= _dueAtEnd)
        {
            return 0;
        }

        var minutes = Minutes(_dueAtEnd, until);
        Add(FindingKind.StoppedAfterDue, PhaseEvidence().Append(stop), _dueAtEnd, minutes,
            $"Hồ sơ bị dừng lúc {Format(at)}, sau hạn luật định {Format(_dueAtEnd)} {HoursVi(minutes)}: hồ sơ ra khỏi thống kê nhưng đã trễ hạn.",
            $"The dossier was stopped at {Format(at)}, {HoursEn(minutes)} after the statutory due {Format(_dueAtEnd)}: it leaves the statistics, but it was late.");
        return minutes;
    }

    private void MarkEnd()
    {
        if (!_ended)
        {
            _ended = true;
            _dueAtEnd = Due;
            _appointmentAtEnd = _appointment;
            _phaseAtEnd = _phaseNumber;
        }
    }

    /// <summary>Takes the rules an event recorded (calendar revision and office hours); unknown ones stay the ones in force now.</summary>
    private void TakeRules(DossierEvent e, IReadOnlyDictionary<string, string> details)
    {
        var calendar = _history?.At(details.GetValueOrDefault("calendarRevision"));
        var hours = OfficeHours.FromRuleText(details.GetValueOrDefault("officeHours"));
        _rules = (calendar ?? _calculator, hours ?? _hours, calendar is not null || hours is not null);
        if (_rules.Known)
        {
            _rulesRecorded = $"{details.GetValueOrDefault("calendarRevision")} {details.GetValueOrDefault("officeHours")}".Trim();
            _ruleEvents.Add(e);
        }
    }

    private void StartPhase(DossierEvent e, Instant start)
    {
        _phaseStart = e;
        _start = start;
        _overdueSeen = null;
        _ruleEvents.RemoveAll(r => r.Sequence < e.Sequence);
        SetDeadline();
    }

    /// <summary>
    /// The due of the current phase under the recorded rules and under the rules in force now: a closed dossier is
    /// judged by the recorded ones (unless they gave a provisional due that is official now), an open one by now's.
    /// </summary>
    private void SetDeadline()
    {
        _recordedDeadline = _rules.Calculator.Compute(_start, _time, _rules.Hours, _ledger.CountingMode);
        _currentDeadline = _calculator.Compute(_start, _time, _hours, _ledger.CountingMode);
        var calendarBecameTrue = _recordedDeadline.CalendarStatus == CalendarStatus.Provisional && _currentDeadline.CalendarStatus == CalendarStatus.Official;
        _deadline = !_closed || calendarBecameTrue ? _currentDeadline : _recordedDeadline;
    }

    private void CheckRestated()
    {
        if (_recordedDeadline.DueAt == _currentDeadline.DueAt)
        {
            return;
        }

        var recorded = _recordedDeadline.DueAt;
        var now = _currentDeadline.DueAt;
        var judged = _deadline.DueAt == now ? ("theo quy định hiện hành", "the rules in force now") : ("theo quy định đã ghi lúc tiếp nhận", "the rules recorded at acceptance");
        var minutes = Math.Abs(_calculator.WorkingTimeBetween(recorded, now, _hours).Minutes);
        var cited = _ruleEvents.Count > 0 ? _ruleEvents : PhaseEvidence().ToList();
        _findings.Add(new Finding(FindingKind.DueRestated, cited.Select(LedgerEvidence.From).ToList(), _deadline.DueAt, minutes,
            $"Hạn luật định theo lịch và giờ làm việc ghi trong sổ là {Format(recorded)}; theo lịch và giờ làm việc hiện hành là {Format(now)}. Hồ sơ được đánh giá {judged.Item1}.",
            $"The statutory due under the calendar and office hours recorded in the ledger is {Format(recorded)}; under those in force now it is {Format(now)}. The dossier is judged by {judged.Item2}.")
        {
            Rows =
            [
                new RowEvidence("CalendarNotices/Agencies", "statutoryDueAt (recorded rules)", OfficeTime.FormatIso(recorded), _recordedDeadline.CalendarStatus.ToString()),
                new RowEvidence("CalendarNotices/Agencies", "statutoryDueAt (rules now)", OfficeTime.FormatIso(now), _currentDeadline.CalendarStatus.ToString()),
            ],
        });
    }

    /// <summary>One <see cref="FindingKind.LedgerTampered"/> citing every sign: the broken event, the row's columns, the checkpoint.</summary>
    private void CheckLedger()
    {
        var check = LedgerVerification.Verify(_ledger.DossierId, _ledger.Events, _ledger.Row, _ledger.Checkpoint, _keys);
        if (check.Valid)
        {
            return;
        }

        var events = new List<DossierEvent>();
        var rows = new List<RowEvidence>();
        var vi = new List<string>();
        var en = new List<string>();
        if (check.BrokenAt is { } sequence)
        {
            if (check.BrokenEvent is { } broken)
            {
                events.Add(broken);
            }

            if (check.BrokenEvent?.Sequence != sequence)
            {
                rows.Add(new RowEvidence("DossierEvents", "Sequence", check.BrokenEvent?.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            vi.Add($"Chuỗi băm có khóa của sổ sự kiện không khớp từ sự kiện số {sequence}: dữ liệu đã bị sửa, xóa hoặc chèn ngoài hệ thống.");
            en.Add($"The ledger's keyed hash chain breaks at event {sequence}: the data was edited, deleted or inserted outside the system.");
        }

        if (check.RowDifferences.Count > 0)
        {
            var columns = string.Join(", ", check.RowDifferences.Select(d => d.Column));
            rows.AddRange(check.RowDifferences.Select(d => new RowEvidence("Dossiers", d.Column, d.Row, d.Ledger)));
            vi.Add($"Dòng hồ sơ khác với sổ sự kiện ở các cột: {columns}.");
            en.Add($"The dossier row differs from the replay of its ledger in: {columns}.");
        }

        if (check.Checkpoint is { } mismatch)
        {
            if (mismatch.Found is { } found && !events.Contains(found))
            {
                events.Add(found);
            }

            rows.Add(new RowEvidence("checkpoint", "head " + mismatch.Head.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), mismatch.Found?.Hash, mismatch.Head.Hash));
            vi.Add($"Sổ sự kiện không còn khớp với điểm neo đã ký: sự kiện số {mismatch.Head.Count} đã bị viết lại hoặc xóa.");
            en.Add($"The ledger no longer reaches the signed checkpoint's head: event {mismatch.Head.Count} was rewritten or removed.");
        }

        _findings.Add(new Finding(FindingKind.LedgerTampered, events.Select(LedgerEvidence.From).ToList(), null, 0, string.Join(' ', vi), string.Join(' ', en)) { Rows = rows });
    }

    private void CheckAppointment(DossierEvent e, Instant printed)
    {
        var allowed = _approvedAppointment is { } approved && approved > Due ? approved : Due;
        if (printed > allowed)
        {
            var minutes = Minutes(Due, printed);
            Add(FindingKind.AppointmentBeyondStatute, [e], Due, minutes,
                $"Giấy tiếp nhận hẹn trả lúc {Format(printed)}, muộn hơn hạn luật định {Format(Due)} {HoursVi(minutes)} mà không có phiếu xin lỗi được duyệt.",
                $"The receipt's appointment {Format(printed)} is {HoursEn(minutes)} after the statutory due {Format(Due)}, with no approved apology.");
        }
    }

    private void CheckApology(DossierEvent? closing, long lateMinutes)
    {
        var approvals = _approvals.Where(a => a.Phase == _phaseAtEnd).Select(a => a.Event).ToList();
        if (approvals.Count == 0)
        {
            // The evidence: the event that set the due (with it), the requests never approved, the SLA move that saw
            // the due pass, and the closing event.
            var cited = PhaseEvidence().Concat(_apologyRequests.Where(r => closing is null || r.Sequence < closing.Sequence)).ToList();
            if (_overdueSeen is { } overdue && (closing is null || overdue.Sequence < closing.Sequence))
            {
                cited.Add(overdue);
            }

            if (closing is not null)
            {
                cited.Add(closing);
            }

            Add(FindingKind.ApologyMissing, cited, _dueAtEnd, lateMinutes,
                $"Hồ sơ trễ hạn luật định {Format(_dueAtEnd)} {HoursVi(lateMinutes)} mà không có Phiếu xin lỗi (Mẫu 04) được thủ trưởng duyệt.",
                $"The dossier is {HoursEn(lateMinutes)} late against the statutory due {Format(_dueAtEnd)} with no apology (Form 04) approved by the head.");
            return;
        }

        var approval = approvals[0];
        var required = _settings.Thresholds.ApologyLeadSeconds(_hours);
        bool InTime(Instant t) => _calculator.WorkingTimeBetween(t, _dueAtEnd, _hours).Seconds >= required;
        CheckBackdated(approval, InTime, $"phiếu xin lỗi gửi trước hạn {_settings.Thresholds.ApologyLeadWorkingDays} ngày làm việc", $"the apology sent {_settings.Thresholds.ApologyLeadWorkingDays} working day(s) before the due");
        var at = Believed(approval);
        if (!InTime(at))
        {
            var minutes = (required - _calculator.WorkingTimeBetween(at, _dueAtEnd, _hours).Seconds) / 60;
            Add(FindingKind.ApologyLate, [approval], _dueAtEnd, minutes,
                $"Phiếu xin lỗi được duyệt lúc {Format(at)}, chậm {HoursVi(minutes)} so với thời hạn gửi chậm nhất {_settings.Thresholds.ApologyLeadWorkingDays} ngày làm việc trước hạn {Format(_dueAtEnd)}.",
                $"The apology was approved at {Format(at)}, {HoursEn(minutes)} past the latest time to send it, {_settings.Thresholds.ApologyLeadWorkingDays} working day(s) before the due {Format(_dueAtEnd)}.");
        }
    }

    /// <summary>
    /// A visit at or after the appointment (believed time) with no result ready, or with the result ready but no return
    /// at that visit (none believed the same office day, at or after it): the citizen left without the result.
    /// </summary>
    private void CheckVisits()
    {
        foreach (var visit in _visits.Where(v => v.At >= v.Appointment))
        {
            var e = visit.Event;
            var cited = new List<DossierEvent> { e };
            string vi;
            string en;
            if (visit.ResultBefore is { } ready)
            {
                var day = OfficeTime.ToLocal(visit.At).Date;
                if (_returns.Any(r => r.Sequence > e.Sequence && Believed(r) >= visit.At && OfficeTime.ToLocal(Believed(r)).Date == day))
                {
                    continue;
                }

                cited.Add(ready);
                vi = $"Công dân đến lúc {Format(visit.At)} (hẹn {Format(visit.Appointment)}); sổ ghi kết quả đã có từ {Format(ready.OccurredAt)} nhưng công dân ra về không nhận được kết quả.";
                en = $"The citizen came at {Format(visit.At)} (appointment {Format(visit.Appointment)}); the ledger says the result was ready since {Format(ready.OccurredAt)}, yet the citizen left without it.";
            }
            else if (_result is { } result && result.OccurredAt <= visit.At)
            {
                cited.Add(result);
                vi = $"Công dân đến lúc {Format(visit.At)} (hẹn {Format(visit.Appointment)}) khi chưa có kết quả; kết quả ghi sổ lúc {Format(result.RecordedAt)} nhưng khai là đã có từ {Format(result.OccurredAt)}.";
                en = $"The citizen came at {Format(visit.At)} (appointment {Format(visit.Appointment)}) with no result there; the result, recorded at {Format(result.RecordedAt)}, is declared ready since {Format(result.OccurredAt)}.";
            }
            else
            {
                vi = $"Công dân đến đúng hoặc sau lịch hẹn {Format(visit.Appointment)} (lúc {Format(visit.At)}) nhưng chưa có kết quả.";
                en = $"The citizen came at or after the appointment {Format(visit.Appointment)} (at {Format(visit.At)}) and no result was ready.";
            }

            CheckBackdated(e, t => t < visit.Appointment, $"lần đến của công dân trước lịch hẹn {Format(visit.Appointment)}", $"the citizen's visit before the appointment {Format(visit.Appointment)}");
            var minutes = visit.At > _dueAtEnd ? Minutes(_dueAtEnd, visit.At) : 0;
            Add(FindingKind.ResultNotThere, cited, _dueAtEnd, minutes, vi, en);
        }
    }

    private bool CheckBackdated(DossierEvent e, Func<Instant, bool> onTime, string whatVi, string whatEn)
    {
        if (!BeyondTolerance(e) || !onTime(e.OccurredAt) || onTime(e.RecordedAt))
        {
            return false;
        }

        var minutes = Minutes(e.OccurredAt, e.RecordedAt);
        Add(FindingKind.Backdated, [e], Due, minutes,
            $"Sự kiện ghi sổ lúc {Format(e.RecordedAt)} nhưng khai là xảy ra lúc {Format(e.OccurredAt)} (lùi {HoursVi(minutes)}, quá mức cho phép {_settings.BackdatingToleranceMinutes} phút): chỉ nhờ lùi ngày mà {whatVi}.",
            $"Recorded at {Format(e.RecordedAt)} but declared at {Format(e.OccurredAt)} ({HoursEn(minutes)} earlier, beyond the {_settings.BackdatingToleranceMinutes}-minute tolerance): only the backdating makes {whatEn}.");
        return true;
    }

    /// <summary>The event that set the due judged now (registration or the legitimate restart).</summary>
    private IEnumerable<DossierEvent> PhaseEvidence() => _phaseStart is { } start ? [start] : [];

    private long WindowSeconds() => _window.Unit == DurationUnit.WorkingHours ? _window.Amount * 3600L : (long)_window.Amount * _rules.Hours.SecondsPerDay;

    private string WindowVi() => _window.Unit == DurationUnit.WorkingHours ? $"{_window.Amount} giờ làm việc" : $"{_window.Amount} ngày làm việc";

    private string WindowEn() => _window.Unit == DurationUnit.WorkingHours ? $"{_window.Amount}-working-hour" : $"{_window.Amount}-working-day";

    private bool BeyondTolerance(DossierEvent e) =>
        _calculator.WorkingTimeBetween(e.OccurredAt, e.RecordedAt, _hours).Seconds > _settings.BackdatingToleranceMinutes * 60L;

    /// <summary>The declared time within the tolerance, else the recorded time.</summary>
    private Instant? DueSoonFromIfRunning() =>
        _stoppedAt is null ? _settings.Thresholds.DueSoonFrom(_deadline.CountingStartsAt, _dueAtEnd, _calculator, _hours) : null;

    private Instant Believed(DossierEvent e) => BeyondTolerance(e) ? e.RecordedAt : e.OccurredAt;

    private long Minutes(Instant from, Instant to) => Math.Max(0, _calculator.WorkingTimeBetween(from, to, _hours).Minutes);

    private void Add(FindingKind kind, IEnumerable<DossierEvent> events, Instant? due, long minutes, string vi, string en) =>
        _findings.Add(new Finding(kind, events.Select(LedgerEvidence.From).ToList(), due, minutes, vi, en));

    private static Instant? Read(IReadOnlyDictionary<string, string> details, string key) =>
        details.TryGetValue(key, out var text) && OfficeTime.IsoPattern.Parse(text) is { Success: true } parsed ? parsed.Value.ToInstant() : null;

    private static ProcessingTime? ReadTime(IReadOnlyDictionary<string, string> details, string amountKey, string unitKey) =>
        details.TryGetValue(amountKey, out var amount) && details.TryGetValue(unitKey, out var unit)
            ? ParseTime(amount + " " + unit)
            : null;

    /// <summary>Reads "3 WorkingDays" (<see cref="DossierRow"/>'s text of a processing time).</summary>
    private static ProcessingTime? ParseTime(string text)
    {
        var parts = text.Split(' ');
        return parts.Length == 2 && int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var amount)
            && Enum.TryParse<DurationUnit>(parts[1], out var unit) && Enum.IsDefined(unit)
            ? new ProcessingTime(amount, unit)
            : null;
    }

    private static string Capitalised(string text) => string.Concat(text[..1].ToUpperInvariant(), text.AsSpan(1));

    /// <summary>One actor's counts in one unit while the replay runs.</summary>
    private sealed class Tally
    {
        public int Events { get; set; }

        public int DeclaredEarlier { get; set; }

        public int NearTolerance { get; set; }

        public int BeyondTolerance { get; set; }

        public long EarlierMinutes { get; set; }

        public int Reissues { get; set; }

        public int Supplements { get; set; }

        public int SupplementsOutOfWindow { get; set; }

        public int Results { get; set; }

        public int ResultsLastHour { get; set; }

        public ActorPattern Pattern(string actor, string unit) => new(
            actor, unit, Events, DeclaredEarlier, NearTolerance, BeyondTolerance, EarlierMinutes, Reissues, Supplements, SupplementsOutOfWindow, Results, ResultsLastHour);
    }

    /// <summary>A citizen's visit: when it is believed, the appointment in force then, and the result the ledger had by then.</summary>
    private sealed record Visit(DossierEvent Event, Instant At, Instant Appointment, DossierEvent? ResultBefore);
}
