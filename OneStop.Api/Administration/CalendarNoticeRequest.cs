namespace OneStop.Api.Administration;

/// <summary>
/// <c>POST /api/admin/calendar/notices</c>: <c>{"key":"2026-culture-day","year":2026,"covers":[],
/// "documentNumber":"...","name":"Ngày Văn hóa Việt Nam","daysOff":["2026-11-24"],"makeUpWorkingDays":[]}</c>.
/// A key that exists is a correction.
/// </summary>
public sealed record CalendarNoticeRequest(
    string? Key,
    int? Year,
    IReadOnlyList<string>? Covers,
    string? DocumentNumber,
    string? Name,
    IReadOnlyList<string>? DaysOff,
    IReadOnlyList<string>? MakeUpWorkingDays);
