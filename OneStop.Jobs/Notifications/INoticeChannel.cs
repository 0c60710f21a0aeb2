using OneStop.Notifications;

namespace OneStop.Jobs.Notifications;

/// <summary>Where notices go. Throws when a send fails, so that the dispatcher retries.</summary>
public interface INoticeChannel
{
    /// <summary>Sends the notice to the addresses (at least one); returns where it went.</summary>
    Task<string> SendAsync(OutboxMessage message, IReadOnlyList<string> addresses, CancellationToken cancellationToken);
}
