using NodaTime;

namespace OneStop.Api.Documents;

/// <summary>One hand-over row of Form 05: from which unit to which, when, who gave and who received.</summary>
/// <remarks>
/// <para><c>Outcome</c>: Recorded by the receiving side; null while not yet recorded.</para>
/// </remarks>
public sealed record HandoverRecord(
    string FromUnit,
    string ToUnit,
    LocalDateTime HandedOverAt,
    string? Giver,
    string? Receiver,
    HandoverOutcome? Outcome,
    string? Note = null);
