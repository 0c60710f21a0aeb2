namespace OneStop.Persistence;

/// <summary>
/// A counter row: the daily dossier-code sequence (key <c>code:</c> + everything the code prints before its
/// sequence, e.g. <c>code:000.00.12.H40-250602-</c>) or an agency's yearly tracking-book line (key
/// <c>book:</c> + agency id + <c>:</c> + year). Numbers are drawn only through <see cref="SequenceCounters"/>, an
/// atomic increment inside the caller's transaction.
/// </summary>
public sealed class SequenceCounter
{
    private SequenceCounter()
    {
    }

    public SequenceCounter(string key, long value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        Key = key;
        Value = value;
    }

    public string Key { get; private set; } = string.Empty;

    /// <summary>The last number drawn.</summary>
    public long Value { get; private set; }
}
