using NodaTime;

namespace OneStop.Users;

/// <summary>
/// One refresh token handed to an API client. Tokens rotate: each is good for one refresh, which spends it and
/// issues its successor in the same family (the chain that started at one sign-in). A spent token presented
/// again means two parties hold the chain, so the whole family is revoked (OAuth 2.0 Security BCP, RFC 9700
/// §4.14.2: refresh token rotation with reuse detection), and whoever holds the newest token must sign in again.
/// </summary>
public sealed class RefreshToken
{
    private RefreshToken()
    {
    }

    private RefreshToken(Guid id, Guid familyId, Guid userId, Instant issuedAt, Instant expiresAt)
    {
        Id = id;
        FamilyId = familyId;
        UserId = userId;
        IssuedAt = issuedAt;
        ExpiresAt = expiresAt;
    }

    /// <summary>The token's id, carried (encrypted and signed) inside the token the client holds.</summary>
    public Guid Id { get; private set; }

    /// <summary>The id of the first token of the chain.</summary>
    public Guid FamilyId { get; private set; }

    public Guid UserId { get; private set; }

    public Instant IssuedAt { get; private set; }

    public Instant ExpiresAt { get; private set; }

    /// <summary>When the token was used for its one refresh; null while it is the family's current token.</summary>
    public Instant? SpentAt { get; private set; }

    /// <summary>When the family was revoked (reuse of a spent token, sign-out); null while it lives.</summary>
    public Instant? RevokedAt { get; private set; }

    /// <summary>The first token of a new sign-in.</summary>
    public static RefreshToken Start(Guid userId, Instant now, Duration lifetime)
    {
        var id = Guid.NewGuid();
        return new RefreshToken(id, id, userId, now, now + lifetime);
    }

    /// <summary>The successor of this token in its family; the family's lifetime restarts with it.</summary>
    public RefreshToken Next(Instant now, Duration lifetime) => new(Guid.NewGuid(), FamilyId, UserId, now, now + lifetime);
}
