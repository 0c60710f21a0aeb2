using NodaTime;

namespace OneStop.Dossiers;

/// <summary>Who does something to a dossier, the server's time, and the time they declare it happened.</summary>
/// <param name="Actor">The user name.</param>
/// <param name="RecordedAt">The server's time, from the injected clock.</param>
/// <param name="OccurredAt">Declared; never after <paramref name="RecordedAt"/>.</param>
public readonly record struct DossierAction(string Actor, Instant RecordedAt, Instant OccurredAt)
{
    /// <summary>An action that happens now.</summary>
    public static DossierAction Now(string actor, Instant now) => new(actor, now, now);
}
