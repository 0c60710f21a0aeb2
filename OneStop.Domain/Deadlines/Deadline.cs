using NodaTime;
using OneStop.Calendar;

namespace OneStop.Deadlines;

/// <summary>When counting starts and when the period ends, to the second.</summary>
/// <param name="CountingStartsAt">Acceptance, or the start of the next session that counts.</param>
/// <param name="DueAt">The end of the period; a due at a session's end stays there.</param>
/// <param name="CalendarStatus">Provisional when any year between the two is not yet fixed by notices.</param>
public readonly record struct Deadline(Instant CountingStartsAt, Instant DueAt, CalendarStatus CalendarStatus);
