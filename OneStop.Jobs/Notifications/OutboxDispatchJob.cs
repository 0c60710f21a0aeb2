using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using OneStop.Notifications;
using OneStop.Persistence;
using OneStop.Users;

namespace OneStop.Jobs.Notifications;

/// <summary>
/// Sends the outbox: every notice whose time has come (quiet hours over, retry delay passed). A row is claimed
/// with a conditional update before it is sent, so two dispatchers never send the same row; a failed send is
/// retried with exponential backoff, and given up (logged as an error) after the configured attempts.
/// </summary>
public sealed class OutboxDispatchJob(
    IServiceScopeFactory scopes,
    IClock clock,
    INoticeChannel channel,
    IOptions<NotificationOptions> options,
    ILogger<OutboxDispatchJob> logger)
{
    private static readonly Duration ClaimFor = Duration.FromMinutes(5);

    /// <summary>Sends what is due; returns how many notices were sent.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetCurrentInstant();
        var sent = 0;
        var addresses = new Dictionary<(Guid, NoticeAudience, string?), IReadOnlyList<string>>();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var ids = await db.OutboxMessages
                .Where(m => m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .OrderBy(m => m.NextAttemptAt)
                .Select(m => m.Id)
                .Take(settings.BatchSize)
                .ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return sent;
            }

            // Claim: a conditional update; rows another dispatcher claimed in between fail the condition.
            var token = Guid.NewGuid();
            var claimedUntil = now + ClaimFor;
            await db.OutboxMessages
                .Where(m => ids.Contains(m.Id) && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, claimedUntil).SetProperty(m => m.ClaimToken, token), cancellationToken);
            var claimed = await db.OutboxMessages.Where(m => m.ClaimToken == token).ToListAsync(cancellationToken);
            foreach (var message in claimed)
            {
                if (await SendOneAsync(db, message, now, settings, addresses, cancellationToken))
                {
                    sent++;
                }
            }
        }
    }

    // Each send is saved on its own: a crash between a send and its save is the one case that sends twice.
    private async Task<bool> SendOneAsync(
        OneStopDbContext db, OutboxMessage message, Instant now, NotificationOptions settings, Dictionary<(Guid, NoticeAudience, string?), IReadOnlyList<string>> cache, CancellationToken cancellationToken)
    {
        try
        {
            // Staff addresses are the same for every notice of an agency, audience and unit in one pass.
            var key = (message.Audience == NoticeAudience.Citizen ? message.DossierId : message.AgencyId, message.Audience, message.Unit);
            if (!cache.TryGetValue(key, out var addresses))
            {
                addresses = await AddressesAsync(db, message, cancellationToken);
                if (message.Audience != NoticeAudience.Citizen)
                {
                    cache[key] = addresses;
                }
            }

            var to = await channel.SendAsync(message, addresses, cancellationToken);
            message.MarkSent(now, to);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException and not DbUpdateException)
        {
            var attempts = message.Attempts + 1;
            Instant? retryAt = attempts >= settings.MaxAttempts
                ? null
                : now + Duration.FromSeconds(settings.FirstRetrySeconds * Math.Pow(2, attempts - 1));
            if (retryAt is null)
            {
                logger.LogError(e, "Notice {Kind}/{Threshold} of dossier {Code} given up after {Attempts} attempts", message.Kind, message.Threshold, message.DossierCode, attempts);
            }
            else
            {
                logger.LogWarning(e, "Notice {Kind}/{Threshold} of dossier {Code} failed (attempt {Attempts}); retry at {RetryAt}", message.Kind, message.Threshold, message.DossierCode, attempts, retryAt);
            }

            message.MarkFailed(retryAt, e.Message);
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }
    }

    // The citizen's (and proxy's) email; for staff, the users of the dossier's agency in the matching role, and of
    // the notice's unit when it has one and someone in the role is assigned to it (else the whole agency's).
    private static async Task<IReadOnlyList<string>> AddressesAsync(OneStopDbContext db, OutboxMessage message, CancellationToken cancellationToken)
    {
        if (message.Audience == NoticeAudience.Citizen)
        {
            var people = await db.Dossiers.AsNoTracking().Where(d => d.Id == message.DossierId)
                .Select(d => new { Applicant = d.Applicant.Email, Proxy = d.Proxy == null ? null : d.Proxy.Email })
                .SingleAsync(cancellationToken);
            return new[] { people.Applicant, people.Proxy }.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }

        var role = message.Audience switch
        {
            NoticeAudience.Officer => Roles.Officer,
            NoticeAudience.Supervisor => Roles.Supervisor,
            _ => Roles.Head,
        };
        var staff = await (
            from user in db.Users
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join r in db.Roles on userRole.RoleId equals r.Id
            where user.AgencyId == message.AgencyId && r.Name == role && user.Email != null
            select new { user.Email, user.Unit }).ToListAsync(cancellationToken);
        var ofUnit = staff.Where(s => message.Unit is not null && string.Equals(s.Unit, message.Unit, StringComparison.Ordinal)).ToList();
        return (ofUnit.Count > 0 ? ofUnit : staff).Select(s => s.Email!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
