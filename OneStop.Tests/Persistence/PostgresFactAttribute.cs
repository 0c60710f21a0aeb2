namespace OneStop.Tests.Persistence;

/// <summary>
/// A fact that needs the PostgreSQL server binaries: skipped with a reason where they are missing, except under
/// <c>CI=true</c>, where it runs and fails (xunit v2 has no dynamic skip, so the attribute decides).
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresCluster.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
