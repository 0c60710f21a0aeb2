using NodaTime;
using OneStop.Notifications;

namespace OneStop.Sla;

/// <summary>What the SLA check does to one dossier at one instant: state moves, notices, the next look.</summary>
/// <param name="Moves">SLA states entered, each at the instant its boundary was crossed, in order.</param>
/// <param name="StepMoves">SLA states of the current step (against <c>StepDueAt</c>) entered, in order.</param>
/// <param name="NotCollectedAt">The instant the result's wait ran out, when the dossier becomes NotCollected now.</param>
/// <param name="Notices">Every notice due by now (queued only when its key is not in the outbox yet).</param>
/// <param name="NextCheckAt">The next boundary after now, or null while time alone changes nothing.</param>
/// <param name="SupplementLapsedAt">The end of the citizen's time to bring a supplement, when the dossier closes now.</param>
public sealed record SlaPlan(
    IReadOnlyList<(SlaState State, Instant At)> Moves,
    IReadOnlyList<(SlaState State, Instant At)> StepMoves,
    Instant? NotCollectedAt,
    IReadOnlyList<NoticeDraft> Notices,
    Instant? NextCheckAt,
    Instant? SupplementLapsedAt = null);

/// <summary>
/// A notice to queue, keyed (dossier, <paramref name="Kind"/>, <paramref name="Threshold"/>). For officers and heads
/// of department <paramref name="Unit"/> is the unit holding the dossier, whose staff it goes to.
/// </summary>
public sealed record NoticeDraft(string Kind, string Threshold, NoticeAudience Audience, Instant NotBefore, string Subject, string Body, string? Unit = null);
