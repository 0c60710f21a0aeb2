using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using OneStop.Notifications;
using OneStop.Persistence;
using OneStop.Calendar;
using OneStop.Deadlines;
using OneStop.Jobs.Sla;

namespace OneStop.Jobs.Notifications;

/// <summary>
/// Sends the outbox: every notice whose time has come (retry delay passed). Each notice is claimed on its own
/// with a conditional update just before it is sent and saved right after, so two dispatchers never send the same
/// notice, and a dispatcher that dies holds only the notice in flight (until its claim runs out). A notice due
/// outside the office hours of the agency whose staff receive it, or of the citizen's desk (a night, a Sunday),
/// waits for the next session. A citizen's message goes by its channel: e-mail through the staff notices' channel,
/// SMS/Zalo through the gateway (<see cref="CitizenGateway"/>). A notice nobody can be reached for is undelivered, never "sent" (<see cref="NoticeRecipients"/>). A
/// failed send is retried with exponential backoff and given up (undelivered, logged as an error) after the
/// configured attempts.
/// </summary>
public sealed class OutboxDispatchJob(
    IServiceScopeFactory scopes,
    IClock clock,
    INoticeChannel channel,
    WorkingCalendarProvider calendars,
    IOptions<OfficeHoursOptions> officeHours,
    IOptions<NotificationOptions> options,
    ILogger<OutboxDispatchJob> logger,
    CitizenGateway gateway,
    IOptions<CitizenNoticeOptions> citizenOptions)
{
    /// <summary>How long a claimed notice is held: a crash mid-send delays that notice by at most this.</summary>
    public static readonly Duration ClaimFor = Duration.FromMinutes(5);

    /// <summary>Sends what is due; returns how many notices were sent.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetCurrentInstant();
        var calculator = new DeadlineCalculator(calendars.Current);
        AgencyHours hours;
        NoticeRecipients recipients;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            hours = await AgencyHours.LoadAsync(db, officeHours.Value.ToOfficeHours(), cancellationToken);
            recipients = await NoticeRecipients.LoadAsync(db, cancellationToken);
        }

        var sent = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var ids = await Due(db, now)
                .OrderBy(m => m.NextAttemptAt)
                .Select(m => m.Id)
                .Take(settings.BatchSize)
                .ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return sent;
            }

            foreach (var id in ids)
            {
                cancellationToken.ThrowIfCancellationRequested();

                // Claim this one notice: a conditional update; a row another dispatcher claimed in between fails it.
                var token = Guid.NewGuid();
                var claimedUntil = now + ClaimFor;
                var claimed = await Due(db, now).Where(m => m.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, claimedUntil).SetProperty(m => m.ClaimToken, token), cancellationToken);
                if (claimed == 0)
                {
                    continue;
                }

                var message = await db.OutboxMessages.SingleAsync(m => m.Id == id && m.ClaimToken == token, cancellationToken);
                if (await SendOneAsync(db, message, now, settings, recipients, calculator, hours, cancellationToken))
                {
                    sent++;
                }

                db.ChangeTracker.Clear();
            }
        }
    }

    private static IQueryable<OutboxMessage> Due(OneStopDbContext db, Instant now) =>
        db.OutboxMessages.Where(m => m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now));

    // Each send is saved on its own: a crash between a send and its save is the one case that sends twice.
    private async Task<bool> SendOneAsync(
        OneStopDbContext db, OutboxMessage message, Instant now, NotificationOptions settings, NoticeRecipients recipients,
        DeadlineCalculator calculator, AgencyHours hours, CancellationToken cancellationToken)
    {
        try
        {
            var to = await recipients.ResolveAsync(db, message, cancellationToken);
            if (to.Problem is not null)
            {
                logger.LogWarning("Notice {Kind}/{Threshold} of dossier {Code} for {Audience} is undeliverable: {Problem}", message.Kind, message.Threshold, message.DossierCode, message.Audience, to.Problem);
                message.MarkUndelivered(now, to.Problem);
                await db.SaveChangesAsync(cancellationToken);
                return false;
            }

            // Quiet hours at send time, in the hours of the agency whose staff are told, or of the citizen's desk: a
            // message due at night or on a day off waits for the next office session.
            if (QuietHours.NextSessionMoment(now, calculator, hours.Of(to.AgencyId)) is var session && session > now)
            {
                message.Hold(session);
                await db.SaveChangesAsync(cancellationToken);
                return false;
            }

            var outgoing = message;
            var addresses = to.Addresses;
            if (message.Audience == NoticeAudience.Citizen)
            {
                var citizen = await CitizenMessages.ComposeAsync(db, message, citizenOptions.Value, cancellationToken);
                if (citizen.NotSent is { } reason)
                {
                    message.Cancel(reason);
                    await db.SaveChangesAsync(cancellationToken);
                    return false;
                }

                outgoing = citizen.Composed!;
                addresses = [citizen.Address!];
            }

            var where = await (message.Channel == NoticeChannel.Gateway ? gateway.Channel : channel).SendAsync(outgoing, addresses, cancellationToken);
            message.MarkSent(now, where);
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

            message.MarkFailed(now, retryAt, e.Message);
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }
    }
}
