using NodaTime;

namespace OneStop.Notifications;

/// <summary>
/// A notice waiting to be sent, sent, or undelivered. The key (dossier, kind, threshold) is unique, so that the same
/// notice is never queued twice; the dispatcher claims a row before sending it and records each attempt.
/// </summary>
/// <remarks>
/// A notice is sent only when it went to at least one address. One nobody can be reached for (no member of
/// staff in the role up the agency tree with an e-mail address, a citizen who gave none), or given up after the
/// last failed attempt, is <see cref="UndeliveredAt"/>: counted, listed for administrators and reported by the
/// health check until an administrator sends it again (<see cref="Requeue"/>) after fixing the cause.
/// </remarks>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
    }

    public OutboxMessage(Guid dossierId, string dossierCode, Guid agencyId, string kind, string threshold, NoticeAudience audience, string subject, string body, Instant createdAt, Instant notBefore, string? unit = null, NoticeChannel channel = NoticeChannel.Email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(threshold);
        Id = Guid.CreateVersion7(createdAt.ToDateTimeOffset());
        DossierId = dossierId;
        DossierCode = dossierCode;
        AgencyId = agencyId;
        Kind = kind;
        Threshold = threshold;
        Audience = audience;
        Unit = unit;
        Channel = channel;
        Subject = subject;
        Body = body;
        CreatedAt = createdAt;
        NotBefore = notBefore;
        NextAttemptAt = notBefore;
    }

    public Guid Id { get; private set; }

    public Guid DossierId { get; private set; }

    public string DossierCode { get; private set; } = string.Empty;

    public Guid AgencyId { get; private set; }

    /// <summary>For officers and heads of department: the unit holding the dossier when the notice was queued.</summary>
    public string? Unit { get; private set; }

    /// <summary>What the notice is about, e.g. <c>DueSoon</c>, <c>Escalation</c>, <c>NotCollected</c>.</summary>
    public string Kind { get; private set; } = string.Empty;

    /// <summary>Which threshold of that kind it marks (a ladder level, a due instant), part of the unique key.</summary>
    public string Threshold { get; private set; } = string.Empty;

    public NoticeAudience Audience { get; private set; }

    /// <summary>E-mail, or the SMS/Zalo gateway (citizens who consented to it); part of the unique key.</summary>
    public NoticeChannel Channel { get; private set; }

    public string Subject { get; private set; } = string.Empty;

    public string Body { get; private set; } = string.Empty;

    public Instant CreatedAt { get; private set; }

    /// <summary>Staff notices are held until the next office session (quiet hours).</summary>
    public Instant NotBefore { get; private set; }

    /// <summary>When the dispatcher tries next; null once sent or given up.</summary>
    public Instant? NextAttemptAt { get; private set; }

    public int Attempts { get; private set; }

    public Instant? SentAt { get; private set; }

    /// <summary>Where it went (addresses, or the log).</summary>
    public string? SentTo { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>A dispatcher holds the row until then; another one leaves it alone.</summary>
    public Instant? ClaimedUntil { get; private set; }

    /// <summary>The claim of the dispatcher run holding the row.</summary>
    public Guid? ClaimToken { get; private set; }

    /// <summary>When the notice was found undeliverable (no reachable recipient, or given up); null otherwise.</summary>
    public Instant? UndeliveredAt { get; private set; }

    public void MarkSent(Instant at, string sentTo)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sentTo);
        SentAt = at;
        SentTo = sentTo;
        NextAttemptAt = null;
        ClaimedUntil = null;
        UndeliveredAt = null;
        Attempts++;
    }

    /// <summary>Records a failed attempt; retries after <paramref name="retryAt"/>, or gives up (undelivered) when it is null.</summary>
    public void MarkFailed(Instant at, Instant? retryAt, string error)
    {
        ArgumentNullException.ThrowIfNull(error);
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        NextAttemptAt = retryAt;
        ClaimedUntil = null;
        UndeliveredAt = retryAt is null ? at : null;
    }

    /// <summary>Nobody can be reached: never "sent"; kept undelivered with the reason until sent again.</summary>
    public void MarkUndelivered(Instant at, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Attempts++;
        LastError = reason.Length > 2000 ? reason[..2000] : reason;
        NextAttemptAt = null;
        ClaimedUntil = null;
        UndeliveredAt = at;
    }

    /// <summary>Quiet hours at send time: waits, without an attempt, until <paramref name="until"/>.</summary>
    public void Hold(Instant until)
    {
        NextAttemptAt = until;
        ClaimedUntil = null;
    }

    /// <summary>
    /// Not to be sent at all, and not a failure: the citizen withdrew nothing, but gave no consent or no contact
    /// for this channel (e.g. a worker's reminder to a citizen who did not consent). Kept with the reason.
    /// </summary>
    public void Cancel(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        LastError = reason.Length > 2000 ? reason[..2000] : reason;
        NextAttemptAt = null;
        ClaimedUntil = null;
        UndeliveredAt = null;
    }

    /// <summary>
    /// The message as sent, with the text composed at send time (the citizen's, which carries the addressee's name
    /// and is never stored): a copy with the same id, not tracked.
    /// </summary>
    public OutboxMessage WithText(string subject, string body)
    {
        var copy = (OutboxMessage)MemberwiseClone();
        copy.Subject = subject;
        copy.Body = body;
        return copy;
    }

    /// <summary>An administrator sends an undelivered notice again (after giving the recipients an address).</summary>
    public void Requeue(Instant at)
    {
        if (SentAt is not null || UndeliveredAt is null)
        {
            throw new InvalidOperationException("Only an undelivered notice is sent again.");
        }

        UndeliveredAt = null;
        NextAttemptAt = at;
        ClaimedUntil = null;
    }
}
