using System.Runtime.CompilerServices;

namespace OneStop.Calendar;

/// <summary>
/// Working-time arithmetic within one working day of given sessions: seconds of the day to working seconds and
/// back. On the deadline engine's hot path: a clamp or a comparison per session, summed, so that no branch
/// depends on the time of day (a branch on a random time is mispredicted half the time).
/// </summary>
internal readonly struct SessionClock
{
    private readonly Session[] _sessions;

    /// <param name="sessions">(start, end) seconds of the day, sorted, not overlapping, at least one.</param>
    public SessionClock(IReadOnlyList<(int Start, int End)> sessions)
    {
        _sessions = new Session[sessions.Count];
        var before = 0;
        for (var i = 0; i < sessions.Count; i++)
        {
            var (start, end) = sessions[i];
            _sessions[i] = new Session(start, end - start, before);
            before += end - start;
        }

        SecondsPerDay = before;
    }

    /// <summary>Working seconds in the day.</summary>
    public int SecondsPerDay { get; }

    /// <summary>Working seconds before a second of the day (0..<see cref="SecondsPerDay"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int WorkedBefore(int secondOfDay)
    {
        var before = 0;
        foreach (var session in _sessions)
        {
            before += BranchFree.Clamp(secondOfDay - session.Start, session.Length);
        }

        return before;
    }

    /// <summary>
    /// The second of the day at which <paramref name="worked"/> working seconds (1..<see cref="SecondsPerDay"/>)
    /// are done: a total that ends a session stays at that session's end, never the next start.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int SecondWhenWorked(int worked) => SecondIn(SessionOf(worked - 1), worked);

    /// <summary>
    /// The second of the day from which work continues after <paramref name="worked"/> working seconds
    /// (0..<see cref="SecondsPerDay"/> - 1): a total that ends a session moves on to the next session's start.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int SecondWhenResumed(int worked) => SecondIn(SessionOf(worked), worked);

    // The session in which working second number `second` (0-based) of the day falls: how many later sessions
    // have started by then.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int SessionOf(int second)
    {
        var i = 0;
        for (var k = 1; k < _sessions.Length; k++)
        {
            i += BranchFree.LessOrEqual(_sessions[k].Before, second);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int SecondIn(int session, int worked)
    {
        ref readonly var s = ref _sessions[session];
        return s.Start + worked - s.Before;
    }

    private readonly record struct Session(int Start, int Length, int Before);
}
