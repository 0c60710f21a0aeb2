namespace OneStop.Jobs.Notifications;

/// <summary>
/// The channel of the citizen's SMS/Zalo messages: the provider's HTTP gateway when <c>CitizenNotices:Gateway:Url</c>
/// is set (<see cref="GatewayNoticeChannel"/>), else the log (as for e-mail by default).
/// </summary>
public sealed class CitizenGateway(INoticeChannel channel)
{
    public INoticeChannel Channel => channel;
}
