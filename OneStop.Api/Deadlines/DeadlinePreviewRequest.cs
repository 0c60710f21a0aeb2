using OneStop.Deadlines;

namespace OneStop.Api.Deadlines;

/// <summary>
/// <c>{"acceptedAt":"2025-01-24T15:01:00+07:00","duration":{"amount":3,"unit":"WorkingDays"},"mode":"WorkingHours"}</c>.
/// </summary>
public sealed record DeadlinePreviewRequest(string? AcceptedAt, DurationRequest? Duration, CountingMode? Mode);

/// <summary>An amount in a unit.</summary>
public sealed record DurationRequest(int? Amount, DurationUnit? Unit);
