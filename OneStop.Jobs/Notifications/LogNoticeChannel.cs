using Microsoft.Extensions.Logging;
using OneStop.Notifications;

namespace OneStop.Jobs.Notifications;

/// <summary>The default channel: every notice is a log line naming the addresses it would go to.</summary>
public sealed partial class LogNoticeChannel(ILogger<LogNoticeChannel> logger) : INoticeChannel
{
    public Task<string> SendAsync(OutboxMessage message, IReadOnlyList<string> addresses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(addresses);
        LogNotice(logger, message.DossierCode, message.Kind, message.Threshold, message.Audience, string.Join(", ", addresses), message.Subject);
        return Task.FromResult("log: " + string.Join(", ", addresses));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notice {Kind}/{Threshold} of dossier {Code} for {Audience} ({Addresses}): {Subject}")]
    private static partial void LogNotice(ILogger logger, string code, string kind, string threshold, NoticeAudience audience, string addresses, string subject);
}
