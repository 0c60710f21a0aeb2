using NodaTime;

namespace OneStop.Lateness;

/// <summary>Results of one week (Monday start, office time): how many, on time on paper and in truth.</summary>
public sealed record WeeklyPoint(LocalDate WeekStart, int Finished, int PaperOnTime, int TrueOnTime);
