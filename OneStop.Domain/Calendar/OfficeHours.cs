using System.Runtime.CompilerServices;
using NodaTime;

namespace OneStop.Calendar;

/// <summary>
/// An agency's office hours: the working sessions that deadlines count, the acceptance cut-off, and the extra
/// reception sessions on Saturday (a desk open on Saturday morning accepts dossiers, but Saturday stays a
/// non-working day for deadlines unless it is a make-up day).
/// </summary>
/// <remarks>
/// Every working day, make-up Saturdays included, has the same sessions. Sessions are sorted, non-overlapping
/// and within the day. A dossier accepted after the cut-off (15:00 by default) starts counting on the next working
/// day: Decree 61/2018 art. 18 for dossiers accepted before 1 July 2025; from then Decree 118/2025 art. 18(2) as
/// amended by Decree 309/2026 art. 9. A procedure may set its own (<see cref="Deadlines.CutOffRule"/>).
/// </remarks>
public sealed class OfficeHours
{
    /// <summary>07:30–11:30 and 13:00–17:00, cut-off 15:00, no Saturday reception.</summary>
    public static readonly OfficeHours Default = new(
        [new WorkSession(new LocalTime(7, 30), new LocalTime(11, 30)), new WorkSession(new LocalTime(13, 0), new LocalTime(17, 0))],
        new LocalTime(15, 0),
        []);

    private readonly SessionClock _clock;

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
        _clock = new SessionClock(Sessions.Select(s => (SecondOfDay(s.Start), SecondOfDay(s.End))).ToList());
        LastSessionEnd = SecondOfDay(Sessions[^1].End);
        CutOffSecond = SecondOfDay(cutOff);
    }

    /// <summary>The same hours with another cut-off (a procedure's own, <see cref="Deadlines.CutOffRule"/>).</summary>
    public OfficeHours WithCutOff(LocalTime cutOff) => cutOff == CutOff ? this : new(Sessions, cutOff, SaturdayReception);

    /// <summary>The working sessions of a working day.</summary>
    public IReadOnlyList<WorkSession> Sessions { get; }

    /// <summary>The latest time of day at which an accepted dossier still counts from that day.</summary>
    public LocalTime CutOff { get; }

    /// <summary>Reception sessions on Saturdays that are not working days; empty when the desk is closed.</summary>
    public IReadOnlyList<WorkSession> SaturdayReception { get; }

    /// <summary>Working seconds in one working day (28,800 for the default 8 hours).</summary>
    public int SecondsPerDay => _clock.SecondsPerDay;

    internal int CutOffSecond { get; }

    internal int LastSessionEnd { get; }

    /// <summary>Working seconds of a working day before a second of the day (0..<see cref="SecondsPerDay"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int WorkedBefore(int secondOfDay) => _clock.WorkedBefore(secondOfDay);

    /// <inheritdoc cref="SessionClock.SecondWhenWorked"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int SecondWhenWorked(int worked) => _clock.SecondWhenWorked(worked);

    /// <inheritdoc cref="SessionClock.SecondWhenResumed"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int SecondWhenResumed(int worked) => _clock.SecondWhenResumed(worked);

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

    /// <summary>
    /// What sets a due, as the ledger records it: the sessions and the cut-off, <c>07:30-11:30,13:00-17:00;15:00</c>
    /// (Saturday reception does not move a due).
    /// </summary>
    public string ToRuleText() =>
        string.Join(',', Sessions.Select(s => s.ToString())) + ";" + CutOff.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reads <see cref="ToRuleText"/> back; null when the text is not one.</summary>
    public static OfficeHours? FromRuleText(string? text)
    {
        var parts = text?.Split(';') ?? [];
        if (parts.Length != 2)
        {
            return null;
        }

        try
        {
            var cutOff = NodaTime.Text.LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(parts[1]);
            return cutOff.Success ? new OfficeHours(parts[0].Split(',').Select(WorkSession.Parse).ToList(), cutOff.Value, []) : null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return null;
        }
    }

    private static int SecondOfDay(LocalTime time) => (int)(time.TickOfDay / NodaConstants.TicksPerSecond);

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
