using System.Globalization;
using NodaTime;
using OneStop.Calendar;
using OneStop.Deadlines;
using OneStop.Dossiers;

namespace OneStop.Lateness;

/// <summary>
/// Replays a dossier's ledger against its statutory due and reports every way the paper hides lateness
/// (domain.md, "True lateness"). Pure and deterministic: the same ledger, calendar, hours, settings and
/// <c>asOf</c> give the same result.
/// </summary>
/// <remarks>
/// <para>The statutory due is recomputed from the ledger, never read from the dossier row: the declared
/// acceptance, or the declared time of the last <see cref="DossierEventKind.SupplementReceived"/> (the time
/// restarts from zero: Decree 61/2018 art. 19(4) before 1 July 2025, the sector rules under Decree 118/2025 after),
/// plus the statutory processing time. Declaring those two
/// earlier only makes the due earlier, so their declared times are taken as they are.</para>
/// <para>Every other event is judged at its <em>believed</em> time: the declared time when it is at most
/// <see cref="AuditSettings.BackdatingToleranceMinutes"/> working minutes before the recorded time (paper that
/// reaches the system late), otherwise the recorded time. An event declared beyond the tolerance whose
/// declared time is on time while its recorded time is not is also reported as <see cref="FindingKind.Backdated"/>.</para>
/// <para>The appointment moves only through an approved apology or a re-issued receipt; a supplement restart
/// resets it to the new due (not a rescheduling). Only the appointment printed on paper is compared with
/// declared times: that is what a paper audit does.</para>
/// </remarks>
public sealed class LatenessAudit(DeadlineCalculator calculator, AuditSettings settings)
{
    /// <summary>Bumped with every rule change, so that stored findings of an older version are re-run.</summary>
    /// <remarks>2: a visit while a supplement is awaited is no longer <see cref="FindingKind.ResultNotThere"/>.</remarks>
    public const int Version = 2;

    private readonly DeadlineCalculator _calculator = calculator ?? throw new ArgumentNullException(nameof(calculator));
    private readonly AuditSettings _settings = settings ?? throw new ArgumentNullException(nameof(settings));

    /// <summary>Audits one dossier; <paramref name="asOf"/> judges a dossier that is still open.</summary>
    public AuditResult Audit(DossierLedger ledger, OfficeHours hours, Instant asOf)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(hours);

        // A procedure's own cut-off, recorded at registration, replaces the agency's for the dossier's whole life.
        var registered = ledger.Events.FirstOrDefault(e => e.Kind == DossierEventKind.Registered);
        if (registered is not null && EventDetails.Read(registered.Details).GetValueOrDefault("cutOff") is { } cutOff)
        {
            hours = CutOffRule.Apply(cutOff, hours);
        }

        return new Replay(_calculator, _settings, ledger, hours, asOf).Run();
    }

    /// <summary>"14:30 10/03/2025", office time.</summary>
    internal static string Format(Instant instant) =>
        OfficeTime.ToLocal(instant).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);

    internal static string HoursVi(long minutes) =>
        string.Create(CultureInfo.InvariantCulture, $"{minutes / 60} giờ {minutes % 60} phút làm việc");

    internal static string HoursEn(long minutes) =>
        string.Create(CultureInfo.InvariantCulture, $"{minutes / 60} h {minutes % 60} min of working time");

    private sealed class Replay(DeadlineCalculator calculator, AuditSettings settings, DossierLedger ledger, OfficeHours hours, Instant asOf)
    {
        private readonly List<Finding> _findings = [];
        private readonly List<DossierEvent> _moves = [];
        private readonly List<DossierEvent> _supplements = [];
        private readonly List<DossierEvent> _apologyRequests = [];
        private readonly List<(DossierEvent Event, int Phase)> _approvals = [];
        private readonly List<(DossierEvent Event, Instant Appointment)> _visitsBeforeResult = [];
        private readonly List<StepOutcome> _steps = [];
        private readonly List<(Instant At, string Unit)> _units = [];
        private string? _department;
        private DossierEvent? _registered;
        private DossierEvent? _result;
        private DossierEvent? _returned;
        private DossierEvent? _refused;
        private DossierEvent? _stopped;
        private bool _notCollected;
        private bool _awaitingSupplement;
        private bool _ended;
        private Deadline _phase;
        private int _phaseNumber;
        private Instant _due;
        private Instant _appointment;
        private Instant? _approvedAppointment;
        private Instant _dueAtEnd;
        private Instant _appointmentAtEnd;
        private int _phaseAtEnd;

        public AuditResult Run()
        {
            CheckChain();
            foreach (var e in ledger.Events)
            {
                if (_registered is null && e.Kind != DossierEventKind.Registered)
                {
                    continue;
                }

                Apply(e);
            }

            if (_registered is null)
            {
                return new AuditResult
                {
                    DossierId = ledger.DossierId, AuditVersion = Version, Findings = _findings, Outcome = TrueOutcome.Open,
                    AcceptedAt = default, RegisteredBy = string.Empty, StatutoryDueAt = default, AppointmentAt = default, Index3 = 2,
                };
            }

            var closing = _result ?? _refused;
            MarkEnd();

            var outcome = TrueOutcome.Open;
            long lateMinutes = 0;
            bool? paperOnTime = null;
            Instant? resultAt = null;
            Instant? closedAt = null;
            var late = false;
            if (_stopped is not null)
            {
                // A stopped dossier leaves lateness statistics (domain rule 7).
                outcome = TrueOutcome.Stopped;
                closedAt = Believed(_stopped);
            }
            else if (closing is not null)
            {
                var at = Believed(closing);
                var what = closing.Kind == DossierEventKind.ResultReady ? ("kết quả", "the result") : ("quyết định từ chối", "the refusal");
                CheckBackdated(closing, t => t <= _dueAtEnd, $"{what.Item1} đúng hạn luật định {Format(_dueAtEnd)}", $"{what.Item2} on time against the statutory due {Format(_dueAtEnd)}");
                late = at > _dueAtEnd;
                if (late)
                {
                    lateMinutes = Minutes(_dueAtEnd, at);
                    Add(FindingKind.LateAgainstStatute, [closing], _dueAtEnd, lateMinutes,
                        $"{Capitalised(what.Item1)} có lúc {Format(at)}, sau hạn luật định {Format(_dueAtEnd)} {HoursVi(lateMinutes)}; lịch hẹn trên giấy là {Format(_appointmentAtEnd)}.",
                        $"{Capitalised(what.Item2)} came at {Format(at)}, {HoursEn(lateMinutes)} after the statutory due {Format(_dueAtEnd)}; the paper appointment was {Format(_appointmentAtEnd)}.");
                }

                if (closing.Kind == DossierEventKind.ResultReady)
                {
                    resultAt = at;
                    paperOnTime = closing.OccurredAt <= _appointmentAtEnd;
                    outcome = late ? TrueOutcome.Late
                        : OfficeTime.ToLocal(at).Date < OfficeTime.ToLocal(_dueAtEnd).Date ? TrueOutcome.Early
                        : TrueOutcome.OnTime;
                }
                else
                {
                    outcome = TrueOutcome.Refused;
                    closedAt = at;
                }
            }
            else
            {
                // Open: late once the due has passed; while awaiting a supplement the clock stopped at the request.
                var until = _awaitingSupplement ? Believed(_supplements[^1]) : asOf;
                late = until > _due;
                lateMinutes = late ? Minutes(_due, until) : 0;
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

            var responsible = late ? _units.LastOrDefault(u => u.At <= _dueAtEnd, _units[0]).Unit : null;
            return new AuditResult
            {
                DossierId = ledger.DossierId,
                AuditVersion = Version,
                Findings = _findings,
                Outcome = outcome,
                AcceptedAt = _registered.OccurredAt,
                RegisteredBy = _registered.Actor,
                StatutoryDueAt = _dueAtEnd,
                CountingStartsAt = _phase.CountingStartsAt,
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
            };
        }

        private void Apply(DossierEvent e)
        {
            var details = EventDetails.Read(e.Details);
            switch (e.Kind)
            {
                case DossierEventKind.Registered:
                    _registered = e;
                    _units.Add((e.OccurredAt, Dossier.DeskUnit));
                    StartPhase(e.OccurredAt);
                    var printed = Read(details, "appointmentAt") ?? _due;
                    _appointment = printed;
                    CheckAppointment(e, printed);
                    break;

                case DossierEventKind.SupplementRequested:
                    CheckSupplement(e);
                    _awaitingSupplement = true;
                    break;

                case DossierEventKind.SupplementReceived:
                    // The time restarts from zero when the complete dossier is back (Decree 61/2018 art. 19(4); under
                    // Decree 118/2025 the sector rules, e.g. the 2025 interconnection decree art. 6(4)(a)).
                    _phaseNumber++;
                    StartPhase(e.OccurredAt);
                    _appointment = _due;
                    _approvedAppointment = null;
                    _awaitingSupplement = false;
                    break;

                case DossierEventKind.ApologyRequested:
                    _apologyRequests.Add(e);
                    break;

                case DossierEventKind.ApologyApproved:
                    var approved = Read(details, "appointmentAt") ?? _appointment;
                    if (approved != _appointment)
                    {
                        _moves.Add(e);
                    }

                    _approvals.Add((e, _phaseNumber));
                    _appointment = approved;
                    _approvedAppointment = approved;
                    break;

                case DossierEventKind.ReceiptReissued:
                    var reissued = Read(details, "appointmentAt") ?? _appointment;
                    var before = _appointment;
                    if (reissued != before)
                    {
                        _moves.Add(e);
                    }

                    if (reissued > before)
                    {
                        var beyond = reissued > _due ? Minutes(_due, reissued) : 0;
                        Add(FindingKind.ReceiptReissued, [e], _due, beyond,
                            $"Giấy tiếp nhận được cấp lại lúc {Format(e.RecordedAt)}, dời lịch hẹn từ {Format(before)} đến {Format(reissued)}.",
                            $"The receipt was re-issued at {Format(e.RecordedAt)}, moving the appointment from {Format(before)} to {Format(reissued)}.");
                    }

                    CheckAppointment(e, reissued);
                    _appointment = reissued;
                    break;

                case DossierEventKind.DeadlineRestated:
                    // The due itself is recomputed against the calendar in force; only the printed appointment follows.
                    _appointment = Read(details, "appointmentAt") ?? _appointment;
                    break;

                case DossierEventKind.HandedOver:
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

                    break;

                case DossierEventKind.ResultReady:
                    _result ??= e;
                    MarkEnd();
                    break;

                case DossierEventKind.Refused:
                    _refused ??= e;
                    MarkEnd();
                    break;

                case DossierEventKind.Returned:
                    _returned ??= e;
                    break;

                // A dossier closed because the citizen never brought the supplement leaves the statistics like a
                // stopped one: it is not agency lateness (domain rule 5).
                case DossierEventKind.Stopped or DossierEventKind.SupplementLapsed:
                    _stopped ??= e;
                    break;

                case DossierEventKind.NotCollected:
                    _notCollected = true;
                    break;

                case DossierEventKind.VisitLogged:
                    // While a supplement is awaited the clock is stopped and the appointment void: a citizen who comes
                    // then (usually with the missing paper) is not owed a result.
                    if (_result is null && !_awaitingSupplement && e.OccurredAt >= _appointment)
                    {
                        _visitsBeforeResult.Add((e, _appointment));
                    }

                    break;

                default:
                    break;
            }
        }

        private void MarkEnd()
        {
            if (!_ended)
            {
                _ended = true;
                _dueAtEnd = _due;
                _appointmentAtEnd = _appointment;
                _phaseAtEnd = _phaseNumber;
            }
        }

        private void StartPhase(Instant start)
        {
            _phase = calculator.Compute(start, ledger.ProcessingTime, hours, ledger.CountingMode);
            _due = _phase.DueAt;
        }

        private void CheckChain()
        {
            var broken = LedgerHash.FirstBroken(ledger.DossierId, ledger.Events);
            var events = ledger.Events;
            if (broken is null && ledger.ExpectedEventCount is { } count
                && (events.Count != count || (count > 0 && ledger.ExpectedLastHash is { } last && events[^1].Hash != last)))
            {
                broken = Math.Min(events.Count, count) + 1;
            }

            if (broken is { } sequence)
            {
                var cited = events.Where(e => e.Sequence == sequence).Select(LedgerEvidence.From).ToList();
                _findings.Add(new Finding(FindingKind.LedgerTampered, cited, null, 0,
                    $"Chuỗi băm của sổ sự kiện không khớp từ sự kiện số {sequence}: dữ liệu đã bị sửa, xóa hoặc chèn ngoài hệ thống.",
                    $"The ledger's hash chain breaks at event {sequence}: the data was edited, deleted or inserted outside the system."));
            }
        }

        private void CheckAppointment(DossierEvent e, Instant printed)
        {
            var allowed = _approvedAppointment is { } approved && approved > _due ? approved : _due;
            if (printed > allowed)
            {
                var minutes = Minutes(_due, printed);
                Add(FindingKind.AppointmentBeyondStatute, [e], _due, minutes,
                    $"Giấy tiếp nhận hẹn trả lúc {Format(printed)}, muộn hơn hạn luật định {Format(_due)} {HoursVi(minutes)} mà không có phiếu xin lỗi được duyệt.",
                    $"The receipt's appointment {Format(printed)} is {HoursEn(minutes)} after the statutory due {Format(_due)}, with no approved apology.");
            }
        }

        private void CheckSupplement(DossierEvent e)
        {
            _supplements.Add(e);
            if (_supplements.Count > 1)
            {
                Add(FindingKind.RepeatedSupplement, [_supplements[0], e], _due, 0,
                    $"Yêu cầu bổ sung hồ sơ lần thứ {_supplements.Count}; công dân phải được hướng dẫn một lần, đầy đủ (Thông tư 01/2018 điều 13, chỉ số 3).",
                    $"Supplement request number {_supplements.Count}; the citizen must be told once, completely (Circular 01/2018 art. 13, index 3).");
            }

            // Decree 61/2018 art. 19(4): within the window after the counting start, and never after the due.
            var windowEnd = calculator.AddWorkingTime(_phase.CountingStartsAt, (long)settings.SupplementWindowWorkingDays * hours.SecondsPerDay, hours);
            var limit = windowEnd < _due ? windowEnd : _due;
            CheckBackdated(e, t => t <= limit, $"yêu cầu bổ sung trong hạn {Format(limit)}", $"the supplement request within its limit {Format(limit)}");
            var at = Believed(e);
            if (at > limit)
            {
                var minutes = Minutes(limit, at);
                Add(FindingKind.SupplementOutOfTime, [e], _due, minutes,
                    $"Yêu cầu bổ sung lúc {Format(at)}, quá thời hạn {settings.SupplementWindowWorkingDays} ngày làm việc (hết lúc {Format(limit)}) {HoursVi(minutes)}.",
                    $"Supplement requested at {Format(at)}, {HoursEn(minutes)} after the {settings.SupplementWindowWorkingDays}-working-day window closed at {Format(limit)}.");
            }
        }

        private void CheckApology(DossierEvent? closing, long lateMinutes)
        {
            var approvals = _approvals.Where(a => a.Phase == _phaseAtEnd).Select(a => a.Event).ToList();
            if (approvals.Count == 0)
            {
                var cited = _apologyRequests.Where(r => closing is null || r.Sequence < closing.Sequence).ToList();
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
            var required = settings.Thresholds.ApologyLeadSeconds(hours);
            bool InTime(Instant t) => calculator.WorkingTimeBetween(t, _dueAtEnd, hours).Seconds >= required;
            CheckBackdated(approval, InTime, $"phiếu xin lỗi gửi trước hạn {settings.Thresholds.ApologyLeadWorkingDays} ngày làm việc", $"the apology sent {settings.Thresholds.ApologyLeadWorkingDays} working day(s) before the due");
            var at = Believed(approval);
            if (!InTime(at))
            {
                var minutes = (required - calculator.WorkingTimeBetween(at, _dueAtEnd, hours).Seconds) / 60;
                Add(FindingKind.ApologyLate, [approval], _dueAtEnd, minutes,
                    $"Phiếu xin lỗi được duyệt lúc {Format(at)}, chậm {HoursVi(minutes)} so với thời hạn gửi chậm nhất {settings.Thresholds.ApologyLeadWorkingDays} ngày làm việc trước hạn {Format(_dueAtEnd)}.",
                    $"The apology was approved at {Format(at)}, {HoursEn(minutes)} past the latest time to send it, {settings.Thresholds.ApologyLeadWorkingDays} working day(s) before the due {Format(_dueAtEnd)}.");
            }
        }

        private void CheckVisits()
        {
            foreach (var (visit, appointment) in _visitsBeforeResult)
            {
                var cited = new List<DossierEvent> { visit };
                string vi;
                string en;
                if (_result is { } result && result.OccurredAt <= visit.OccurredAt)
                {
                    cited.Add(result);
                    vi = $"Công dân đến lúc {Format(visit.OccurredAt)} (hẹn {Format(appointment)}) khi chưa có kết quả; kết quả ghi sổ lúc {Format(result.RecordedAt)} nhưng khai là đã có từ {Format(result.OccurredAt)}.";
                    en = $"The citizen came at {Format(visit.OccurredAt)} (appointment {Format(appointment)}) with no result there; the result, recorded at {Format(result.RecordedAt)}, is declared ready since {Format(result.OccurredAt)}.";
                }
                else
                {
                    vi = $"Công dân đến đúng hoặc sau lịch hẹn {Format(appointment)} (lúc {Format(visit.OccurredAt)}) nhưng chưa có kết quả.";
                    en = $"The citizen came at or after the appointment {Format(appointment)} (at {Format(visit.OccurredAt)}) and no result was ready.";
                }

                var minutes = visit.OccurredAt > _dueAtEnd ? Minutes(_dueAtEnd, visit.OccurredAt) : 0;
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
            Add(FindingKind.Backdated, [e], _due, minutes,
                $"Sự kiện ghi sổ lúc {Format(e.RecordedAt)} nhưng khai là xảy ra lúc {Format(e.OccurredAt)} (lùi {HoursVi(minutes)}, quá mức cho phép {settings.BackdatingToleranceMinutes} phút): chỉ nhờ lùi ngày mà {whatVi}.",
                $"Recorded at {Format(e.RecordedAt)} but declared at {Format(e.OccurredAt)} ({HoursEn(minutes)} earlier, beyond the {settings.BackdatingToleranceMinutes}-minute tolerance): only the backdating makes {whatEn}.");
            return true;
        }

        private bool BeyondTolerance(DossierEvent e) =>
            calculator.WorkingTimeBetween(e.OccurredAt, e.RecordedAt, hours).Seconds > settings.BackdatingToleranceMinutes * 60L;

        /// <summary>The declared time within the tolerance, else the recorded time.</summary>
        private Instant Believed(DossierEvent e) => BeyondTolerance(e) ? e.RecordedAt : e.OccurredAt;

        private long Minutes(Instant from, Instant to) => Math.Max(0, calculator.WorkingTimeBetween(from, to, hours).Minutes);

        private void Add(FindingKind kind, IEnumerable<DossierEvent> events, Instant? due, long minutes, string vi, string en) =>
            _findings.Add(new Finding(kind, events.Select(LedgerEvidence.From).ToList(), due, minutes, vi, en));

        private static Instant? Read(IReadOnlyDictionary<string, string> details, string key) =>
            details.TryGetValue(key, out var text) && OfficeTime.IsoPattern.Parse(text) is { Success: true } parsed ? parsed.Value.ToInstant() : null;

        private static string Capitalised(string text) => string.Concat(text[..1].ToUpperInvariant(), text.AsSpan(1));
    }
}
