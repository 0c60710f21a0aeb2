using Microsoft.EntityFrameworkCore;
using OneStop.Notifications;
using OneStop.Persistence;

namespace OneStop.Jobs.Notifications;

/// <summary>A citizen's message as sent: the address, and the message with its text composed; or why it is not sent.</summary>
public sealed record CitizenMessage(string? Address, OutboxMessage? Composed, string? NotSent);

/// <summary>
/// Composes a citizen's message at send time. The addressee is the applicant when they gave a contact for the
/// message's channel (e-mail address, or phone for the gateway), else the proxy; the message carries the code, the
/// status page's public address and the dossier's current appointment, and no personal data beyond the addressee's
/// own name. A message for a channel the citizen did not consent to at registration, or with no contact for it, is
/// not sent (and is not a failure).
/// </summary>
public static class CitizenMessages
{
    public static async Task<CitizenMessage> ComposeAsync(OneStopDbContext db, OutboxMessage message, CitizenNoticeOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(options);
        var d = await db.Dossiers.AsNoTracking().Where(x => x.Id == message.DossierId)
            .Select(x => new
            {
                x.Code,
                x.NoticeChannels,
                x.AppointmentAt,
                ApplicantName = x.Applicant.FullName,
                ApplicantEmail = x.Applicant.Email,
                ApplicantPhone = x.Applicant.Phone,
                ProxyName = x.Proxy == null ? null : x.Proxy.FullName,
                ProxyEmail = x.Proxy == null ? null : x.Proxy.Email,
                ProxyPhone = x.Proxy == null ? null : x.Proxy.Phone,
            })
            .SingleAsync(cancellationToken);
        var wanted = message.Channel == NoticeChannel.Gateway ? CitizenChannels.Gateway : CitizenChannels.Email;
        if (!d.NoticeChannels.HasFlag(wanted))
        {
            return new CitizenMessage(null, null, $"Công dân không đồng ý nhận thông báo qua {(wanted == CitizenChannels.Email ? "email" : "SMS/Zalo")}.");
        }

        var (name, address) = message.Channel == NoticeChannel.Gateway
            ? Present(d.ApplicantPhone) ? (d.ApplicantName, d.ApplicantPhone) : (d.ProxyName, d.ProxyPhone)
            : Present(d.ApplicantEmail) ? (d.ApplicantName, d.ApplicantEmail) : (d.ProxyName, d.ProxyEmail);
        if (!Present(address))
        {
            return new CitizenMessage(null, null, "Công dân không để lại địa chỉ liên hệ cho kênh này.");
        }

        var link = options.Link(d.Code);
        var text = CitizenNoticeRule.Kinds.Contains(message.Kind)
            ? CitizenNoticeText.Render(options.Template(message.Kind), name ?? string.Empty, d.Code, link, d.AppointmentAt)
            : $"{message.Body} Tra cứu: {link}";
        return new CitizenMessage(address!.Trim(), message.WithText(message.Subject, text), null);
    }

    private static bool Present(string? value) => !string.IsNullOrWhiteSpace(value);
}
