using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;
using OneStop.Notifications;

namespace OneStop.Jobs.Notifications;

/// <summary>Email over SMTP (System.Net.Mail): one message per notice, to every address it resolved to.</summary>
public sealed class SmtpNoticeChannel(IOptions<NotificationOptions> options) : INoticeChannel
{
    public async Task<string> SendAsync(OutboxMessage message, IReadOnlyList<string> addresses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(addresses);
        if (addresses.Count == 0)
        {
            throw new ArgumentException("A notice is sent to at least one address.", nameof(addresses));
        }

        var smtp = options.Value.Smtp;
        using var client = new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.EnableSsl };
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        }

        using var mail = new MailMessage { From = new MailAddress(smtp.From), Subject = message.Subject, Body = message.Body };
        foreach (var address in addresses)
        {
            mail.To.Add(address);
        }

        mail.Headers.Add("X-OneStop-Notice", $"{message.DossierCode}/{message.Kind}/{message.Threshold}");
        await client.SendMailAsync(mail, cancellationToken);
        return string.Join(", ", addresses);
    }
}
