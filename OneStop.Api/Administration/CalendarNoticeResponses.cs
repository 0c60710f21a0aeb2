using System.Globalization;
using OneStop.Calendar;

namespace OneStop.Api.Administration;

/// <summary>One stored revision of a notice.</summary>
public sealed record CalendarNoticeResponse(
    string Key,
    int Revision,
    int Year,
    IReadOnlyList<string> Covers,
    string DocumentNumber,
    string Name,
    IReadOnlyList<string> DaysOff,
    IReadOnlyList<string> MakeUpWorkingDays,
    string RecordedAt,
    string RecordedBy)
{
    public static CalendarNoticeResponse From(CalendarNoticeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var notice = record.ToNotice();
        return new CalendarNoticeResponse(
            record.Key,
            record.Revision,
            record.Year,
            notice.Covers.Select(c => c.ToString()).ToList(),
            record.DocumentNumber,
            record.Name,
            notice.DaysOff.Select(Iso).ToList(),
            notice.MakeUpWorkingDays.Select(Iso).ToList(),
            OfficeTime.FormatIso(record.RecordedAt),
            record.RecordedBy);
    }

    private static string Iso(NodaTime.LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The notices in force (the highest revision of each key) and every revision ever stored.</summary>
public sealed record CalendarNoticesResponse(IReadOnlyList<CalendarNoticeResponse> InForce, IReadOnlyList<CalendarNoticeResponse> History);

/// <summary>What an import changed, by notice key.</summary>
public sealed record CalendarImportResponse(IReadOnlyList<string> Added, IReadOnlyList<string> Corrected, IReadOnlyList<string> Unchanged, int SkippedEvents);
