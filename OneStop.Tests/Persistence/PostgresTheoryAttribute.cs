namespace OneStop.Tests.Persistence;

/// <summary>The theory counterpart of <see cref="PostgresFactAttribute"/>.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (PostgresCluster.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
