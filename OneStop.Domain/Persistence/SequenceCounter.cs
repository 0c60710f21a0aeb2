namespace OneStop.Persistence;

/// <summary>
/// A per-agency counter: the daily dossier-code sequence (scope <c>code:yyyyMMdd</c>) or the yearly tracking
/// book line (scope <c>book:yyyy</c>). <see cref="Value"/> is the concurrency token: two registrations that read
/// the same value cannot both save, so codes are distinct and consecutive.
/// </summary>
public sealed class SequenceCounter
{
    private SequenceCounter()
    {
    }

    public SequenceCounter(Guid agencyId, string scope)
    {
        AgencyId = agencyId;
        Scope = scope;
    }

    public Guid AgencyId { get; private set; }

    public string Scope { get; private set; } = string.Empty;

    public int Value { get; private set; }

    /// <summary>Takes the next number.</summary>
    public int Next() => ++Value;
}
