using NodaTime;
using OneStop.Calendar;

namespace OneStop.Lateness;

/// <summary>
/// Counts audited dossiers for a period [from, to). A dossier belongs to the period when it was accepted before
/// its end and was not finished before its start.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>received: accepted in the period; carried over: accepted before it and still open at its start.</item>
/// <item>finished: the result was ready (believed time) in the period: early (a day before the due's day), on
/// time, or late against the recomputed statutory due; refused and stopped count apart.</item>
/// <item>in progress: open at the audit's instant (the earlier of now and the period's end), counted as the audit
/// judged it (<see cref="AuditResult.Standing"/>): overdue, due soon, or on time (a dossier whose clock is stopped by
/// a legitimate supplement request counts on time). The dashboard and the per-dossier audit never disagree.</item>
/// <item>not collected: the result was ready before the end, not returned by then, and the appointment has
/// passed (or the worker marked it so).</item>
/// </list>
/// </remarks>
public sealed class LatenessIndicators
{
    public LatenessSummary Summarise(IReadOnlyCollection<AuditedDossier> dossiers, Instant from, Instant to)
    {
        ArgumentNullException.ThrowIfNull(dossiers);
        var inPeriod = dossiers.Where(d => d.Audit.AcceptedAt < to && (EndOf(d.Audit) is not { } end || end >= from)).ToList();
        var late = inPeriod.Where(d => IsLate(d, from, to)).OrderByDescending(d => d.Audit.LateMinutes).ThenBy(d => d.Code, StringComparer.Ordinal).ToList();
        var differs = inPeriod.Where(d => Differs(d, from, to)).OrderBy(d => d.Code, StringComparer.Ordinal).ToList();
        return new LatenessSummary(
            from,
            to,
            Count(inPeriod, from, to),
            Group(inPeriod, d => d.AgencyElectronicId, d => d.AgencyName, from, to),
            Group(inPeriod, DepartmentKey, d => $"{d.Audit.Department} – {d.AgencyName}", from, to),
            Group(inPeriod, d => d.ProcedureCode, d => d.ProcedureName, from, to),
            Group(inPeriod, d => d.Audit.RegisteredBy, d => d.Audit.RegisteredBy, from, to),
            Weekly(inPeriod, from, to),
            late,
            differs);
    }

    /// <summary>Counts dossiers already known to belong to the period.</summary>
    public IndicatorCounts Count(IEnumerable<AuditedDossier> dossiers, Instant from, Instant to)
    {
        ArgumentNullException.ThrowIfNull(dossiers);
        var c = new Counter();
        foreach (var d in dossiers)
        {
            var a = d.Audit;
            if (a.AcceptedAt >= from)
            {
                c.Received++;
            }
            else
            {
                c.CarriedOver++;
            }

            if (a.ResultAt is { } ready && ready >= from && ready < to)
            {
                switch (a.Outcome)
                {
                    case TrueOutcome.Early: c.Early++; break;
                    case TrueOutcome.OnTime: c.OnTime++; break;
                    default: c.Late++; break;
                }

                c.PaperOnTime += a.PaperOnTime == true ? 1 : 0;
            }

            if (a.ClosedAt is { } closed && closed >= from && closed < to)
            {
                c.Refused += a.Outcome == TrueOutcome.Refused ? 1 : 0;
                c.Stopped += a.Outcome == TrueOutcome.Stopped ? 1 : 0;
            }

            switch (a.Standing)
            {
                case OpenStanding.Overdue: c.Overdue++; break;
                case OpenStanding.DueSoon: c.DueSoon++; break;
                case OpenStanding.OnTrack or OpenStanding.ClockStopped: c.InProgressOnTime++; break;
                default: break;
            }

            if (a.ResultAt is { } r && r < to && (a.ReturnedAt is not { } returned || returned >= to) && (a.NotCollected || a.AppointmentAt < to))
            {
                c.NotCollected++;
            }
        }

        return new IndicatorCounts
        {
            Received = c.Received, CarriedOver = c.CarriedOver, InProgressOnTime = c.InProgressOnTime, InProgressDueSoon = c.DueSoon,
            InProgressOverdue = c.Overdue, FinishedEarly = c.Early, FinishedOnTime = c.OnTime, FinishedLate = c.Late,
            PaperOnTime = c.PaperOnTime, NotCollected = c.NotCollected, Refused = c.Refused, Stopped = c.Stopped,
        };
    }

    /// <summary>Unit names are free text per agency: the same name in two communes is two departments.</summary>
    private static string DepartmentKey(AuditedDossier d) => d.AgencyElectronicId + "/" + d.Audit.Department;

    private static Instant? EndOf(AuditResult a) => a.ResultAt ?? a.ClosedAt;

    /// <summary>Finished late in the period, or still open and overdue at its end.</summary>
    public static bool IsLate(AuditedDossier d, Instant from, Instant to) =>
        d.Audit.ResultAt is { } ready && ready >= from && ready < to ? d.Audit.Outcome == TrueOutcome.Late
        : d.Audit.Outcome == TrueOutcome.Refused && d.Audit.ClosedAt is { } closed && closed >= from && closed < to ? d.Audit.LateMinutes > 0
        : d.Audit.Standing == OpenStanding.Overdue;

    /// <summary>A result of the period judged differently by paper and ledger, or an open dossier overdue whose appointment has not come.</summary>
    public static bool Differs(AuditedDossier d, Instant from, Instant to) =>
        d.Audit.ResultAt is { } ready && ready >= from && ready < to
            ? d.Audit.PaperDiffersFromTruth
            : d.Audit.Standing == OpenStanding.Overdue && d.Audit.AppointmentAt >= to;

    private List<IndicatorGroup> Group(List<AuditedDossier> dossiers, Func<AuditedDossier, string> key, Func<AuditedDossier, string> name, Instant from, Instant to) =>
        dossiers.GroupBy(key, StringComparer.Ordinal)
            .Select(g => new IndicatorGroup(g.Key, name(g.First()), Count(g, from, to)))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();

    private static List<WeeklyPoint> Weekly(List<AuditedDossier> dossiers, Instant from, Instant to)
    {
        var weeks = new SortedDictionary<LocalDate, (int Finished, int Paper, int True)>();
        var first = Monday(OfficeTime.ToLocal(from).Date);
        var last = OfficeTime.ToLocal(to - Duration.Epsilon).Date;
        for (var week = first; week <= last; week = week.PlusWeeks(1))
        {
            weeks[week] = (0, 0, 0);
        }

        foreach (var a in dossiers.Select(d => d.Audit))
        {
            if (a.ResultAt is { } ready && ready >= from && ready < to)
            {
                var week = Monday(OfficeTime.ToLocal(ready).Date);
                var (finished, paper, truth) = weeks.GetValueOrDefault(week);
                weeks[week] = (finished + 1, paper + (a.PaperOnTime == true ? 1 : 0), truth + (a.TrueOnTime == true ? 1 : 0));
            }
        }

        return weeks.Select(w => new WeeklyPoint(w.Key, w.Value.Finished, w.Value.Paper, w.Value.True)).ToList();
    }

    private static LocalDate Monday(LocalDate date) => date.PlusDays(-((int)date.DayOfWeek - 1));

    private sealed class Counter
    {
        public int Received;
        public int CarriedOver;
        public int InProgressOnTime;
        public int DueSoon;
        public int Overdue;
        public int Early;
        public int OnTime;
        public int Late;
        public int PaperOnTime;
        public int NotCollected;
        public int Refused;
        public int Stopped;
    }
}
