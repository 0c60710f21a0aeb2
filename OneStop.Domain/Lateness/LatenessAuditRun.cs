using NodaTime;

namespace OneStop.Lateness;

/// <summary>One run of the nightly audit: the next run audits dossiers changed since this one started.</summary>
public sealed class LatenessAuditRun
{
    private LatenessAuditRun()
    {
    }

    public LatenessAuditRun(Instant startedAt, int auditVersion)
    {
        StartedAt = startedAt;
        AuditVersion = auditVersion;
    }

    public long Id { get; private set; }

    public Instant StartedAt { get; private set; }

    public Instant? CompletedAt { get; private set; }

    public int AuditVersion { get; private set; }

    public int DossierCount { get; private set; }

    public int FindingCount { get; private set; }

    public void Complete(Instant at, int dossiers, int findings)
    {
        CompletedAt = at;
        DossierCount = dossiers;
        FindingCount = findings;
    }
}
