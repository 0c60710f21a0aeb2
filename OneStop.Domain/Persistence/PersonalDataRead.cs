using NodaTime;

namespace OneStop.Persistence;

/// <summary>One staff read of a dossier's personal data (Decree 13/2023: who read it, when, why).</summary>
public sealed class PersonalDataRead
{
    private PersonalDataRead()
    {
    }

    public PersonalDataRead(Guid dossierId, string userName, Instant at, string purpose)
    {
        DossierId = dossierId;
        UserName = userName;
        At = at;
        Purpose = purpose;
    }

    public long Id { get; private set; }

    public Guid DossierId { get; private set; }

    public string UserName { get; private set; } = string.Empty;

    public Instant At { get; private set; }

    public string Purpose { get; private set; } = string.Empty;
}
