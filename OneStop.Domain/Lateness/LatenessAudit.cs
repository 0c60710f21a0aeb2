using System.Globalization;
using NodaTime;
using OneStop.Calendar;
using OneStop.Deadlines;
using OneStop.Dossiers;

namespace OneStop.Lateness;

/// <summary>
/// Replays a dossier's ledger against its statutory due and reports every way the paper hides lateness
/// (domain.md, "True lateness"). Pure and deterministic: the same ledger, calendars, hours, keys, settings and
/// <c>asOf</c> give the same result. The replay itself is <see cref="LatenessReplay"/>, one method per event kind.
/// </summary>
/// <remarks>
/// <para>The statutory due is recomputed from the ledger, never read from the dossier row: the declared
/// acceptance, or the declared time of the <see cref="DossierEventKind.SupplementReceived"/> that answers the first
/// supplement request made inside the procedure's window and before the due (the time restarts from zero: Decree
/// 61/2018 art. 19(4) before 1 July 2025, the sector rules under Decree 118/2025 after; domain rule 5), plus the
/// statutory processing time. Any other request is recorded and the paper follows it, but the true clock neither
/// stops nor restarts for it.</para>
/// <para>The rules that set a due (calendar revision and office hours) are recorded in the ledger at acceptance, at
/// each restart and at each restatement. A closed dossier is judged by those; an open one by the rules in force
/// now; where the two give different dues the audit reports <see cref="FindingKind.DueRestated"/> with both. A
/// provisional due that the official notice later made official is judged by the official one (the calendar
/// became true).</para>
/// <para>Every other event is judged at its <em>believed</em> time: the declared time when it is at most
/// <see cref="AuditSettings.BackdatingToleranceMinutes"/> working minutes before the recorded time (paper that
/// reaches the system late), otherwise the recorded time. An event declared beyond the tolerance whose declared
/// time is on time while its recorded time is not is also reported as <see cref="FindingKind.Backdated"/>. Events
/// believed after <c>asOf</c> are not yet known to the audit.</para>
/// <para>The ledger itself is verified first (<see cref="LedgerVerification"/>): keyed chain, the row against the
/// replay, the head against the latest checkpoint.</para>
/// </remarks>
public sealed class LatenessAudit(DeadlineCalculator calculator, AuditSettings settings, LedgerKeyRing keys)
{
    /// <summary>Bumped with every rule change, so that stored findings of an older version are re-run.</summary>
    /// <remarks>
    /// 2: a visit while a supplement is awaited is no longer <see cref="FindingKind.ResultNotThere"/>.
    /// 3: keyed chain, row and checkpoint checks; only the first in-window request before the due restarts the true
    /// clock; visits judged at their believed time and a visit that left without the result; <see cref="FindingKind.StoppedAfterDue"/>;
    /// <see cref="FindingKind.DueRestated"/> (bitemporal rules); evidence for every finding; the open standing.
    /// 4: the patterns per actor and unit (<see cref="AuditResult.Patterns"/>), stored beside the outcome: a stored
    /// outcome of version 3 has none, so the nightly audit runs it again.
    /// </remarks>
    public const int Version = 4;

    private readonly DeadlineCalculator _calculator = calculator ?? throw new ArgumentNullException(nameof(calculator));
    private readonly AuditSettings _settings = settings ?? throw new ArgumentNullException(nameof(settings));
    private readonly LedgerKeyRing _keys = keys ?? throw new ArgumentNullException(nameof(keys));

    /// <summary>
    /// Audits one dossier as known at <paramref name="asOf"/>. <paramref name="history"/> rebuilds the calendars the
    /// ledger recorded; without it every recorded revision is taken as the calendar in force.
    /// </summary>
    public AuditResult Audit(DossierLedger ledger, OfficeHours hours, Instant asOf, CalendarHistory? history = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(hours);

        // A procedure's own cut-off, recorded at registration, replaces the agency's for the dossier's whole life.
        var registered = ledger.Events.FirstOrDefault(e => e.Kind == DossierEventKind.Registered);
        if (registered is not null && EventDetails.Read(registered.Details).GetValueOrDefault("cutOff") is { } cutOff)
        {
            hours = CutOffRule.Apply(cutOff, hours);
        }

        return new LatenessReplay(_calculator, _settings, _keys, ledger, hours, asOf, history).Run();
    }

    /// <summary>"14:30 10/03/2025", office time.</summary>
    internal static string Format(Instant instant) =>
        OfficeTime.ToLocal(instant).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);

    internal static string HoursVi(long minutes) =>
        string.Create(CultureInfo.InvariantCulture, $"{minutes / 60} giờ {minutes % 60} phút làm việc");

    internal static string HoursEn(long minutes) =>
        string.Create(CultureInfo.InvariantCulture, $"{minutes / 60} h {minutes % 60} min of working time");
}
