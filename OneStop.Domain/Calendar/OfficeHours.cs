using NodaTime;

namespace OneStop.Calendar;

/// <summary>
/// An agency's office hours: the working sessions that deadlines count, the acceptance cut-off, and the extra
/// reception sessions on Saturday (a desk open on Saturday morning accepts dossiers, but Saturday stays a
/// non-working day for deadlines unless it is a make-up day).
/// </summary>
/// <remarks>
/// Every working day, make-up Saturdays included, has the same sessions. Sessions are sorted, non-overlapping
/// and within the day. Decree 61/2018 art. 18: a dossier accepted after the cut-off (15:00 by default) starts
/// counting on the next working day.
/// </remarks>
public sealed class OfficeHours
{
    /// <summary>07:30–11:30 and 13:00–17:00, cut-off 15:00, no Saturday reception.</summary>
    public static readonly OfficeHours Default = new(
        [new WorkSession(new LocalTime(7, 30), new LocalTime(11, 30)), new WorkSession(new LocalTime(13, 0), new LocalTime(17, 0))],
        new LocalTime(15, 0),
        []);

    private readonly int[] _startSecond;
    private readonly int[] _endSecond;
    private readonly int[] _secondsBefore;

    /// <summary>Creates office hours, checking the sessions.</summary>
    /// <exception cref="ArgumentException">No session, or sessions unsorted or overlapping.</exception>
    public OfficeHours(IReadOnlyList<WorkSession> sessions, LocalTime cutOff, IReadOnlyList<WorkSession> saturdayReception)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(saturdayReception);
        if (sessions.Count == 0)
        {
            throw new ArgumentException("At least one working session is needed.", nameof(sessions));
        }

        CheckOrdered(sessions, nameof(sessions));
        CheckOrdered(saturdayReception, nameof(saturdayReception));
        Sessions = sessions.ToArray();
        SaturdayReception = saturdayReception.ToArray();
        CutOff = cutOff;
        _startSecond = Sessions.Select(s => s.Start.Hour * 3600 + s.Start.Minute * 60 + s.Start.Second).ToArray();
        _endSecond = Sessions.Select(s => s.End.Hour * 3600 + s.End.Minute * 60 + s.End.Second).ToArray();
        _secondsBefore = new int[Sessions.Count + 1];
        for (var i = 0; i < Sessions.Count; i++)
        {
            _secondsBefore[i + 1] = _secondsBefore[i] + _endSecond[i] - _startSecond[i];
        }

        CutOffSecond = cutOff.Hour * 3600 + cutOff.Minute * 60 + cutOff.Second;
    }

    /// <summary>The working sessions of a working day.</summary>
    public IReadOnlyList<WorkSession> Sessions { get; }

    /// <summary>The latest time of day at which an accepted dossier still counts from that day.</summary>
    public LocalTime CutOff { get; }

    /// <summary>Reception sessions on Saturdays that are not working days; empty when the desk is closed.</summary>
    public IReadOnlyList<WorkSession> SaturdayReception { get; }

    /// <summary>Working seconds in one working day (28,800 for the default 8 hours).</summary>
    public int SecondsPerDay => _secondsBefore[^1];

    internal int CutOffSecond { get; }

    internal int FirstSessionStart => _startSecond[0];

    internal int LastSessionEnd => _endSecond[^1];

    /// <summary>Working seconds of a working day before a second of the day.</summary>
    internal int WorkedBefore(int secondOfDay)
    {
        var before = 0;
        for (var i = 0; i < _startSecond.Length; i++)
        {
            if (secondOfDay <= _startSecond[i])
            {
                break;
            }

            before += Math.Min(secondOfDay, _endSecond[i]) - _startSecond[i];
        }

        return before;
    }

    /// <summary>
    /// The second of the day at which <paramref name="worked"/> working seconds (1..<see cref="SecondsPerDay"/>)
    /// of the day are done. A total that ends a session stays at that session's end, never the next start.
    /// </summary>
    internal int SecondWhenWorked(int worked)
    {
        var i = 0;
        while (_secondsBefore[i + 1] < worked)
        {
            i++;
        }

        return _startSecond[i] + worked - _secondsBefore[i];
    }

    /// <summary>Whether a second of the day falls inside a working session.</summary>
    internal bool InSession(int secondOfDay)
    {
        for (var i = 0; i < _startSecond.Length; i++)
        {
            if (secondOfDay >= _startSecond[i] && secondOfDay < _endSecond[i])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The start of the first session that begins at or after a second of the day, if any.</summary>
    internal int? NextSessionStart(int secondOfDay)
    {
        foreach (var start in _startSecond)
        {
            if (start >= secondOfDay)
            {
                return start;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the desk receives dossiers at a local time: inside a working session of a working day, or inside
    /// a Saturday reception session of a Saturday that is not a holiday period's day off.
    /// </summary>
    public bool IsDeskOpen(LocalDateTime at, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var kind = calendar.KindOf(at.Date);
        var time = at.TimeOfDay;
        if (kind.IsWorking())
        {
            return Sessions.Any(s => time >= s.Start && time < s.End);
        }

        return kind == DayKind.Weekend && at.DayOfWeek == IsoDayOfWeek.Saturday
            && SaturdayReception.Any(s => time >= s.Start && time < s.End);
    }

    private static void CheckOrdered(IReadOnlyList<WorkSession> sessions, string name)
    {
        for (var i = 1; i < sessions.Count; i++)
        {
            if (sessions[i].Start < sessions[i - 1].End)
            {
                throw new ArgumentException("Sessions must be in order and must not overlap.", name);
            }
        }
    }
}
