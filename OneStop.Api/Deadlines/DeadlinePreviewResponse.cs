namespace OneStop.Api.Deadlines;

/// <summary>When counting starts and when the dossier is due, in office time with the offset.</summary>
public sealed record DeadlinePreviewResponse(string CountingStartsAt, string DueAt, string CalendarStatus);
