namespace OneStop.Jobs.Notifications;

/// <summary>
/// Section <c>Notifications</c>: <c>Channel</c> is <c>Log</c> (default: each notice is written to the log) or
/// <c>Smtp</c> (email through <see cref="Smtp"/>); failed sends retry with exponential backoff.
/// </summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    public string Channel { get; set; } = "Log";

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>Attempts before a notice is given up (and logged as an error).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The first retry's delay; each next one doubles it.</summary>
    public int FirstRetrySeconds { get; set; } = 60;

    /// <summary>Notices per batch.</summary>
    public int BatchSize { get; set; } = 100;
}

/// <summary>The SMTP relay.</summary>
public sealed class SmtpSettings
{
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 25;

    public bool EnableSsl { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "motcua@localhost";
}
