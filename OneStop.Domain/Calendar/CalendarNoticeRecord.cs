using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace OneStop.Calendar;

/// <summary>
/// A stored calendar notice. Append-only: a correction is a new row with the same key and the next revision;
/// the highest revision of each key is in force, and earlier ones stay as the record of what was believed when.
/// </summary>
public sealed class CalendarNoticeRecord
{
    private CalendarNoticeRecord()
    {
    }

    public CalendarNoticeRecord(CalendarNotice notice, int revision, Instant recordedAt, string recordedBy)
    {
        ArgumentNullException.ThrowIfNull(notice);
        Id = Guid.CreateVersion7(recordedAt.ToDateTimeOffset());
        Key = notice.Key;
        Revision = revision;
        Year = notice.Year;
        Covers = string.Join(',', notice.Covers);
        DocumentNumber = notice.DocumentNumber;
        Name = notice.Name;
        DaysOff = JoinDates(notice.DaysOff);
        MakeUpWorkingDays = JoinDates(notice.MakeUpWorkingDays);
        RecordedAt = recordedAt;
        RecordedBy = recordedBy;
    }

    public Guid Id { get; private set; }

    public string Key { get; private set; } = string.Empty;

    public int Revision { get; private set; }

    public int Year { get; private set; }

    /// <summary>Comma-separated <see cref="HolidayPeriod"/> names.</summary>
    public string Covers { get; private set; } = string.Empty;

    public string DocumentNumber { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    /// <summary>Comma-separated ISO dates.</summary>
    public string DaysOff { get; private set; } = string.Empty;

    /// <summary>Comma-separated ISO dates.</summary>
    public string MakeUpWorkingDays { get; private set; } = string.Empty;

    public Instant RecordedAt { get; private set; }

    public string RecordedBy { get; private set; } = string.Empty;

    /// <summary>The notice this row holds.</summary>
    public CalendarNotice ToNotice() => new(
        Key,
        Year,
        Covers.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<HolidayPeriod>).ToList(),
        DocumentNumber,
        Name,
        SplitDates(DaysOff),
        SplitDates(MakeUpWorkingDays));

    /// <summary>The notices in force: the highest revision of each key.</summary>
    public static IReadOnlyList<CalendarNotice> InForce(IEnumerable<CalendarNoticeRecord> records) =>
        records.GroupBy(r => r.Key, StringComparer.Ordinal)
            .Select(g => g.MaxBy(r => r.Revision)!.ToNotice())
            .ToList();

    /// <summary>
    /// The revision of a set of stored records: the recorded time of the newest, as an ISO instant. Records are never
    /// deleted, so the calendar of a revision is rebuilt from the records recorded at or before it (<see cref="AsOf"/>).
    /// </summary>
    public static string RevisionOf(IEnumerable<CalendarNoticeRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records.Select(r => (Instant?)r.RecordedAt).Max() is { } newest ? InstantPattern.ExtendedIso.Format(newest) : WorkingCalendar.SeedRevision;
    }

    /// <summary>The records known at a revision; null when the revision is not one of <see cref="RevisionOf"/>'s.</summary>
    public static IReadOnlyList<CalendarNoticeRecord>? AsOf(IEnumerable<CalendarNoticeRecord> records, string revision)
    {
        ArgumentNullException.ThrowIfNull(records);
        var parsed = InstantPattern.ExtendedIso.Parse(revision ?? string.Empty);
        return parsed.Success ? records.Where(r => r.RecordedAt <= parsed.Value).ToList() : null;
    }

    private static string JoinDates(IEnumerable<LocalDate> dates) =>
        string.Join(',', dates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    private static List<LocalDate> SplitDates(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => LocalDatePattern.Iso.Parse(d).GetValueOrThrow()).ToList();
}
