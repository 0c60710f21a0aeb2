namespace OneStop.Tests.Api.Catalogue;

/// <summary>The system's wall clock, with a monotonic timestamp the test moves (the caches' age bound).</summary>
internal sealed class ManualTimestamps : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
