using OneStop.Calendar;

namespace OneStop.Api.Administration;

/// <summary>What an append did, per notice.</summary>
public sealed class NoticeChanges
{
    public List<CalendarNoticeRecord> Added { get; } = [];

    public List<CalendarNoticeRecord> Corrected { get; } = [];

    public List<CalendarNoticeRecord> Unchanged { get; } = [];
}
