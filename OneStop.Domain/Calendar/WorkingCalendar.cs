using NodaTime;

namespace OneStop.Calendar;

/// <summary>
/// Vietnam's civil-service working calendar for 1900-01-01..2199-12-31: weekends, statutory holidays,
/// compensatory days, and the government's notices with their swapped days and make-up Saturdays.
/// Immutable and thread-safe; a change of notices builds a new one.
/// </summary>
/// <remarks>
/// For each holiday period of each year: where a notice covers it, the notice's days are the truth; otherwise
/// the period is provisional and computed from <see cref="StatutoryHolidayRules"/>, a holiday falling on a weekend
/// giving the next ordinary working day off (Labour Code 2019 art. 111(3)), chained past other days off.
/// </remarks>
public sealed class WorkingCalendar
{
    /// <summary>The first date the calendar covers.</summary>
    public static readonly LocalDate MinDate = new(1900, 1, 1);

    /// <summary>The last date the calendar covers.</summary>
    public static readonly LocalDate MaxDate = new(2199, 12, 31);

    private readonly DayKind[] _kinds;
    private readonly Dictionary<int, string> _names;
    private readonly CalendarStatus[] _yearStatus;

    private WorkingCalendar(DayKind[] kinds, Dictionary<int, string> names, CalendarStatus[] yearStatus, IReadOnlyList<CalendarNotice> notices)
    {
        _kinds = kinds;
        _names = names;
        _yearStatus = yearStatus;
        Notices = notices;
        Index = new WorkingTimeIndex(kinds, yearStatus);
    }

    /// <summary>The notices this calendar was built from, one per key.</summary>
    public IReadOnlyList<CalendarNotice> Notices { get; }

    /// <summary>
    /// Which state of the stored notices this calendar was built from (<see cref="CalendarNoticeRecord.RevisionOf"/>):
    /// recorded in the ledger with every due it sets, so that the audit can rebuild the calendar in force then.
    /// <see cref="SeedRevision"/> for a calendar built from the seed file alone.
    /// </summary>
    public string Revision { get; private init; } = SeedRevision;

    /// <summary>The revision of a calendar built from the seed notices only.</summary>
    public const string SeedRevision = "seed";

    /// <summary>The cumulative working-day index over the same range.</summary>
    public WorkingTimeIndex Index { get; }

    /// <summary>Whether a date is in the calendar's range.</summary>
    public static bool Covers(LocalDate date) => date >= MinDate && date <= MaxDate;

    /// <summary>What a date is for deadline counting.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside 1900–2199.</exception>
    public DayKind KindOf(LocalDate date) => _kinds[DayIndex.Of(date)];

    /// <summary>Whether deadlines count the date.</summary>
    public bool IsWorkingDay(LocalDate date) => KindOf(date).IsWorking();

    /// <summary>The status of a year: official only when a notice covers each of its holiday periods.</summary>
    public CalendarStatus StatusOf(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinDate.Year);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxDate.Year);
        return _yearStatus[year - MinDate.Year];
    }

    /// <summary>The days off and make-up working days of a year.</summary>
    public CalendarYear YearOf(int year)
    {
        var status = StatusOf(year);
        var daysOff = new List<CalendarDay>();
        var makeUps = new List<CalendarDay>();
        var first = DayIndex.Of(new LocalDate(year, 1, 1));
        var last = DayIndex.Of(new LocalDate(year, 12, 31));
        for (var i = first; i <= last; i++)
        {
            var kind = _kinds[i];
            if (kind is DayKind.Working or DayKind.Weekend)
            {
                continue;
            }

            var day = new CalendarDay(DayIndex.ToDate(i), kind, _names.GetValueOrDefault(i, string.Empty));
            (kind == DayKind.MakeUpWorkingDay ? makeUps : daysOff).Add(day);
        }

        return new CalendarYear(year, status, daysOff, makeUps);
    }

    /// <summary>
    /// Builds the calendar from the rules and a set of notices. A later notice with the key of an earlier one
    /// replaces it (a correction).
    /// </summary>
    public static WorkingCalendar Build(IEnumerable<CalendarNotice> notices) => Build(notices, SeedRevision);

    /// <summary>Builds the calendar from a set of notices known as <paramref name="revision"/>.</summary>
    public static WorkingCalendar Build(IEnumerable<CalendarNotice> notices, string revision)
    {
        ArgumentNullException.ThrowIfNull(notices);
        var effective = notices
            .GroupBy(n => n.Key, StringComparer.Ordinal)
            .Select(g => g.Last())
            .OrderBy(n => n.Year)
            .ThenBy(n => n.Key, StringComparer.Ordinal)
            .ToList();

        var kinds = new DayKind[DayIndex.Count];
        for (var i = 0; i < kinds.Length; i++)
        {
            kinds[i] = StatutoryHolidayRules.IsWeekend(DayIndex.ToDate(i)) ? DayKind.Weekend : DayKind.Working;
        }

        var names = new Dictionary<int, string>();
        var covered = effective
            .SelectMany(n => n.Covers.Select(p => (n.Year, Period: p)))
            .ToHashSet();

        foreach (var notice in effective)
        {
            ApplyNotice(notice, kinds, names);
        }

        var pendingCompensation = new List<StatutoryHoliday>();
        for (var year = MinDate.Year; year <= MaxDate.Year; year++)
        {
            foreach (var holiday in StatutoryHolidayRules.For(year))
            {
                if (covered.Contains((year, holiday.Period)) || !Covers(holiday.Date))
                {
                    continue;
                }

                var i = DayIndex.Of(holiday.Date);
                if (kinds[i] == DayKind.Working)
                {
                    kinds[i] = DayKind.Holiday;
                    names[i] = holiday.Name;
                }
                else if (kinds[i] == DayKind.Weekend)
                {
                    pendingCompensation.Add(holiday);
                }
            }
        }

        // Labour Code 2019 art. 111(3): a holiday on a weekly rest day gives the next working day off. Done after
        // every provisional holiday is marked so that the chain skips them all.
        foreach (var holiday in pendingCompensation.OrderBy(h => h.Date))
        {
            var i = DayIndex.Of(holiday.Date) + 1;
            while (i < kinds.Length && kinds[i] != DayKind.Working)
            {
                i++;
            }

            if (i < kinds.Length)
            {
                kinds[i] = DayKind.Compensatory;
                names[i] = "Nghỉ bù " + holiday.Name;
            }
        }

        var yearStatus = new CalendarStatus[MaxDate.Year - MinDate.Year + 1];
        for (var year = MinDate.Year; year <= MaxDate.Year; year++)
        {
            yearStatus[year - MinDate.Year] = StatutoryHolidayRules.PeriodsOf(year).All(p => covered.Contains((year, p)))
                ? CalendarStatus.Official
                : CalendarStatus.Provisional;
        }

        return new WorkingCalendar(kinds, names, yearStatus, effective) { Revision = revision };
    }

    /// <summary>
    /// Marks a notice's days. Each weekday off is labelled: a statutory date of a covered period is a holiday;
    /// of the others, as many as there are weekend holidays in the covered periods, taken after the first of
    /// those, are compensatory; the rest are swaps when the notice has make-up days, otherwise holidays that the
    /// Prime Minister chose (Tết's extra days).
    /// </summary>
    private static void ApplyNotice(CalendarNotice notice, DayKind[] kinds, Dictionary<int, string> names)
    {
        var ruleDays = notice.Covers.Count == 0
            ? []
            : StatutoryHolidayRules.For(notice.Year).Where(h => notice.Covers.Contains(h.Period)).ToList();
        var ruleNames = ruleDays.ToDictionary(h => h.Date, h => h.Name);
        var weekendHolidays = ruleDays.Where(h => StatutoryHolidayRules.IsWeekend(h.Date)).Select(h => h.Date).Order().ToList();
        var compensationLeft = weekendHolidays.Count;

        foreach (var date in notice.DaysOff.Order())
        {
            if (!Covers(date) || StatutoryHolidayRules.IsWeekend(date))
            {
                continue;
            }

            var i = DayIndex.Of(date);
            if (ruleNames.TryGetValue(date, out var ruleName))
            {
                kinds[i] = DayKind.Holiday;
                names[i] = ruleName;
            }
            else if (compensationLeft > 0 && date > weekendHolidays[0])
            {
                compensationLeft--;
                kinds[i] = DayKind.Compensatory;
                names[i] = "Nghỉ bù " + notice.Name;
            }
            else
            {
                kinds[i] = notice.MakeUpWorkingDays.Count > 0 ? DayKind.Swap : DayKind.Holiday;
                names[i] = notice.Name;
            }
        }

        foreach (var date in notice.MakeUpWorkingDays)
        {
            if (!Covers(date) || !StatutoryHolidayRules.IsWeekend(date))
            {
                continue;
            }

            var i = DayIndex.Of(date);
            kinds[i] = DayKind.MakeUpWorkingDay;
            names[i] = "Làm bù " + notice.Name;
        }
    }
}
