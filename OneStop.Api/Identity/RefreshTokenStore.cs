using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using OneStop.Persistence;
using OneStop.Users;

namespace OneStop.Api.Identity;

/// <summary>
/// The server-side record of refresh tokens (<see cref="RefreshToken"/>): issued at sign-in, spent and replaced
/// at each refresh, the family revoked when a spent token comes back or the client signs out. The token the
/// client holds is the framework's Data Protection-sealed ticket; it carries the record's id as the claim
/// <see cref="ClaimType"/>, which nobody can forge without the key ring.
/// </summary>
public sealed class RefreshTokenStore(OneStopDbContext db, IClock clock, IOptionsMonitor<BearerTokenOptions> bearer, ILogger<RefreshTokenStore> logger)
{
    /// <summary>The claim naming the refresh token record, in the refresh token and the access tokens issued with it.</summary>
    public const string ClaimType = "onestop:refresh-token";

    private Duration Lifetime => Duration.FromTimeSpan(bearer.Get(IdentityConstants.BearerScheme).RefreshTokenExpiration);

    /// <summary>The id a principal's tokens were issued under, or null.</summary>
    public static Guid? IdOf(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirstValue(ClaimType), out var id) ? id : null;

    /// <summary>The first token of a sign-in; the user's expired records are cleared at the same time.</summary>
    public async Task<RefreshToken> StartAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        await db.RefreshTokens.Where(t => t.UserId == userId && t.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        var token = RefreshToken.Start(userId, now, Lifetime);
        db.RefreshTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>
    /// Spends the token and returns its successor; null when the token is unknown, another user's, expired,
    /// revoked or already spent. A spent token presented again revokes its whole family (two parties hold the
    /// chain: the thief's or the client's next refresh then fails too). Two refreshes racing with one token count
    /// as reuse: one of them finds it spent.
    /// </summary>
    public Task<RefreshToken?> RotateAsync(Guid id, Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var strategy = db.Database.CreateExecutionStrategy();
        return strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

            // The conditional update is the spend: of two concurrent refreshes exactly one changes the row.
            var spent = await db.RefreshTokens
                .Where(t => t.Id == id && t.UserId == userId && t.SpentAt == null && t.RevokedAt == null && t.ExpiresAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.SpentAt, now), cancellationToken);
            var token = await db.RefreshTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id && t.UserId == userId, cancellationToken);
            if (spent == 1 && token is not null)
            {
                var next = token.Next(now, Lifetime);
                db.RefreshTokens.Add(next);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return next;
            }

            if (token is { SpentAt: not null, RevokedAt: null })
            {
                var revoked = await RevokeFamilyAsync(token.FamilyId, now, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                logger.LogWarning(
                    "Refresh token {TokenId} of user {UserId}, spent at {SpentAt}, was presented again: family {FamilyId} revoked ({Count} tokens).",
                    id, userId, token.SpentAt, token.FamilyId, revoked);
            }

            return null;
        });
    }

    /// <summary>Revokes the family of the token <paramref name="id"/> (sign-out); returns how many tokens it revoked.</summary>
    public async Task<int> RevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        var family = await db.RefreshTokens.Where(t => t.Id == id).Select(t => (Guid?)t.FamilyId).SingleOrDefaultAsync(cancellationToken);
        return family is { } f ? await RevokeFamilyAsync(f, clock.GetCurrentInstant(), cancellationToken) : 0;
    }

    /// <summary>Revokes every live refresh token of the user (an administrator locked the account).</summary>
    public Task<int> RevokeUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        return db.RefreshTokens.Where(t => t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
    }

    private Task<int> RevokeFamilyAsync(Guid familyId, Instant now, CancellationToken cancellationToken) =>
        db.RefreshTokens.Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
}
