using NodaTime;
using NodaTime.Text;
using OneStop.Calendar;
using OneStop.Deadlines;
using OneStop.Dossiers;
using OneStop.Lateness;

namespace OneStop.Tests.Domain.Lateness;

/// <summary>
/// A dossier built through the domain methods with explicit recorded and declared times (office time,
/// "yyyy-MM-dd HH:mm"), and its ledger for the audit. Default: 5 working days, accepted Monday 3 March 2025
/// 09:00, so the statutory due is Monday 10 March 09:00.
/// </summary>
internal sealed class AuditScenario
{
    public static readonly DeadlineCalculator Calculator = new(WorkingCalendar.Build(CalendarNoticeFile.LoadSeed()));
    private static readonly LocalDateTimePattern Pattern = LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd HH:mm");
    private readonly List<DossierEvent> _events = [];

    private AuditScenario(Dossier dossier)
    {
        Dossier = dossier;
        Take();
    }

    public Dossier Dossier { get; }

    public IReadOnlyList<DossierEvent> Events => _events;

    public static Instant T(string local) => OfficeTime.ToInstant(Pattern.Parse(local).GetValueOrThrow());

    public static DossierAction A(string recorded, string? declared = null) => new("motcua", T(recorded), T(declared ?? recorded));

    public static AuditScenario Register(string at = "2025-03-03 09:00", int workingDays = 5)
    {
        var registration = new DossierRegistration(
            "000.00.12.H99-250303-0001", 1, Guid.NewGuid(), Guid.NewGuid(), new ProcessingTime(workingDays, DurationUnit.WorkingDays),
            CountingMode.WorkingHours, Channel.Counter, new Person("Nguyễn Văn A", null, null, null, null), null, []);
        return new AuditScenario(Dossier.Register(registration, A(at), Calculator, OfficeHours.Default));
    }

    public AuditScenario Do(Action<Dossier> action)
    {
        action(Dossier);
        Take();
        return this;
    }

    public AuditScenario ToDepartment(string at = "2025-03-03 10:00") =>
        Do(d => d.HandOver("Phòng Tư pháp", "motcua", "chuyenvien", null, A(at), Calculator, OfficeHours.Default));

    public AuditScenario Result(string recorded, string? declared = null) => Do(d => d.MarkResultReady(null, A(recorded, declared)));

    public AuditScenario Apology(string requested, string approved, string newAppointment)
    {
        Apology? apology = null;
        Do(d => apology = d.RequestApology("Cần xác minh thêm", T(newAppointment), A(requested)));
        return Do(d => d.ApproveApology(apology!.Id, true, A(approved)));
    }

    /// <summary>Replaces an event by a forged copy with other details: the chain breaks after it.</summary>
    public AuditScenario Forge(int sequence, string details)
    {
        var e = _events[sequence - 1];
        _events[sequence - 1] = new DossierEvent(e.DossierId, e.Sequence, e.Kind, e.Actor, e.RecordedAt, e.OccurredAt, details, e.PreviousHash);
        return this;
    }

    public AuditResult Audit(string asOf = "2025-06-30 09:00", AuditSettings? settings = null) => Audit(T(asOf), settings);

    public AuditResult Audit(Instant asOf, AuditSettings? settings) =>
        new LatenessAudit(Calculator, settings ?? new AuditSettings(), TestLedgerKeys.Ring).Audit(DossierLedger.Of(Dossier, _events), OfficeHours.Default, asOf);

    private void Take() => _events.AddRange(Dossier.TakePendingEvents(TestLedgerKeys.Ring));
}
