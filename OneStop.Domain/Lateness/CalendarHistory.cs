using OneStop.Calendar;
using OneStop.Deadlines;

namespace OneStop.Lateness;

/// <summary>
/// The calendars that were in force: the calendar of a revision recorded in a ledger (<see cref="WorkingCalendar.Revision"/>)
/// is rebuilt from the notice records recorded at or before it (records are append-only). Built on demand and kept
/// per revision; deterministic for the same records.
/// </summary>
public sealed class CalendarHistory
{
    private readonly IReadOnlyList<CalendarNoticeRecord> _records;
    private readonly DeadlineCalculator _current;
    private readonly Dictionary<string, DeadlineCalculator?> _built = new(StringComparer.Ordinal);

    /// <summary>The history of the stored records, with the calculator in force now.</summary>
    public CalendarHistory(IReadOnlyList<CalendarNoticeRecord> records, DeadlineCalculator current)
    {
        _records = records ?? throw new ArgumentNullException(nameof(records));
        _current = current ?? throw new ArgumentNullException(nameof(current));
    }

    /// <summary>The calculator over the calendar of a revision; null when the revision is unknown (e.g. a seed-only calendar).</summary>
    public DeadlineCalculator? At(string? revision)
    {
        if (revision is null)
        {
            return null;
        }

        if (revision == _current.Calendar.Revision)
        {
            return _current;
        }

        if (!_built.TryGetValue(revision, out var calculator))
        {
            var known = CalendarNoticeRecord.AsOf(_records, revision);
            calculator = known is null ? null : new DeadlineCalculator(WorkingCalendar.Build(CalendarNoticeRecord.InForce(known), revision));
            _built[revision] = calculator;
        }

        return calculator;
    }
}
