namespace OneStop.Notifications;

/// <summary>
/// The channels a citizen consented at registration to be told on (Decree 224/2026 art. 15(1)(g)), each only
/// with a contact given for it: e-mail, and SMS or Zalo through the provider's gateway (a phone number). Stored
/// by name: never renumber.
/// </summary>
[Flags]
public enum CitizenChannels
{
    /// <summary>No consent (or no contact): the citizen is told nothing.</summary>
    None = 0,

    Email = 1,

    /// <summary>SMS or Zalo through the provider's HTTP gateway, to the phone number.</summary>
    Gateway = 2,
}

/// <summary>The channel one outbox message goes by. Staff notices go by e-mail. Stored by name: never renumber.</summary>
public enum NoticeChannel
{
    Email,

    /// <summary>The provider's HTTP gateway (SMS or Zalo), to a phone number.</summary>
    Gateway,
}
