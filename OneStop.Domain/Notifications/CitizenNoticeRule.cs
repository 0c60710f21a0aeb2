using System.Globalization;
using OneStop.Dossiers;

namespace OneStop.Notifications;

/// <summary>
/// THE rule of what the citizen hears (Decree 224/2026 art. 15(1)(g): a notice on every change of the dossier's
/// status): one notice per event of the ledger that changes what the public status page says, by each channel the
/// citizen consented to at registration. The outbox key is (dossier, kind, the event's sequence, channel), so an
/// event gives at most one message per channel, however many times it is seen.
/// </summary>
/// <remarks>
/// <para>Heard: registration (<c>Received</c>), the first move from the desk to a department (<c>AtDepartment</c>;
/// later moves between departments change nothing the citizen sees), a supplement requested (Form 02) and
/// received (the clock restarts: a new appointment), an approved apology (Form 04), a re-issued receipt or a
/// restatement that moves the appointment (<c>AppointmentMoved</c>), the result ready, the result handed over
/// (<c>Returned</c>), the result not collected, refusal (Form 03), stop (Form 05) and the dossier closed because
/// the supplement did not come (<c>Lapsed</c>).</para>
/// <para>Not heard: the SLA states (due soon, overdue; the citizen learns of lateness through the apology and
/// its new appointment, and the page says "quá hạn"), steps' SLA states, an apology drafted but not approved,
/// visits, the ledger's own re-chaining: none changes the status the citizen is told of.</para>
/// <para>Not a status change, but sent by the worker to the same consent: the reminder before the supplement
/// time ends (<c>SupplementReminder</c>, e-mail).</para>
/// </remarks>
public static class CitizenNoticeRule
{
    public const string Received = "Received";
    public const string AtDepartment = "AtDepartment";
    public const string SupplementRequested = "SupplementRequested";
    public const string SupplementReceived = "SupplementReceived";
    public const string AppointmentMoved = "AppointmentMoved";
    public const string ResultReady = "ResultReady";
    public const string Returned = "Returned";
    public const string NotCollected = "NotCollected";
    public const string Refused = "Refused";
    public const string Stopped = "Stopped";
    public const string Lapsed = "Lapsed";

    /// <summary>Every kind of notice a status change gives, each with its own message template.</summary>
    public static readonly IReadOnlyList<string> Kinds =
        [Received, AtDepartment, SupplementRequested, SupplementReceived, AppointmentMoved, ResultReady, Returned, NotCollected, Refused, Stopped, Lapsed];

    /// <summary>The kind of notice the event gives the citizen, or null when it changes nothing the citizen is told of.</summary>
    public static string? KindOf(DossierEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Kind switch
        {
            DossierEventKind.Registered => Received,
            DossierEventKind.HandedOver when LeavesTheDesk(e) => AtDepartment,
            DossierEventKind.SupplementRequested => SupplementRequested,
            DossierEventKind.SupplementReceived => SupplementReceived,
            DossierEventKind.ApologyApproved or DossierEventKind.ReceiptReissued => AppointmentMoved,
            DossierEventKind.DeadlineRestated when AppointmentChanged(e) => AppointmentMoved,
            DossierEventKind.ResultReady => ResultReady,
            DossierEventKind.Returned => Returned,
            DossierEventKind.NotCollected => NotCollected,
            DossierEventKind.Refused => Refused,
            DossierEventKind.Stopped => Stopped,
            DossierEventKind.SupplementLapsed => Lapsed,
            _ => null,
        };
    }

    /// <summary>The outbox messages of <paramref name="events"/> for a citizen who consented to <paramref name="channels"/>.</summary>
    public static IEnumerable<OutboxMessage> Messages(Guid dossierId, string code, Guid agencyId, CitizenChannels channels, IEnumerable<DossierEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (channels == CitizenChannels.None)
        {
            yield break;
        }

        foreach (var e in events)
        {
            if (KindOf(e) is not { } kind)
            {
                continue;
            }

            var (subject, body) = NoticeText.CitizenStatus(code, kind);
            var threshold = e.Sequence.ToString(CultureInfo.InvariantCulture);
            foreach (var channel in Of(channels))
            {
                yield return new OutboxMessage(dossierId, code, agencyId, kind, threshold, NoticeAudience.Citizen, subject, body, e.RecordedAt, e.RecordedAt, channel: channel);
            }
        }
    }

    /// <summary>The outbox channels of a consent.</summary>
    public static IEnumerable<NoticeChannel> Of(CitizenChannels channels)
    {
        if (channels.HasFlag(CitizenChannels.Email))
        {
            yield return NoticeChannel.Email;
        }

        if (channels.HasFlag(CitizenChannels.Gateway))
        {
            yield return NoticeChannel.Gateway;
        }
    }

    private static bool LeavesTheDesk(DossierEvent e)
    {
        var details = EventDetails.Read(e.Details);
        return details.GetValueOrDefault("from") == Dossier.DeskUnit && details.GetValueOrDefault("to") is { } to && to != Dossier.DeskUnit;
    }

    private static bool AppointmentChanged(DossierEvent e)
    {
        var details = EventDetails.Read(e.Details);
        return details.GetValueOrDefault("appointmentBefore") is { } before && details.GetValueOrDefault("appointmentAt") is { } after && before != after;
    }
}
