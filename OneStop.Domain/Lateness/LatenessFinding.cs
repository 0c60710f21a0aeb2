using System.Text.Json;
using NodaTime;
using OneStop.Calendar;

namespace OneStop.Lateness;

/// <summary>
/// A stored finding with the audit version that produced it. Unlike ledger events these are derived data: a
/// new audit of a dossier replaces its findings, so that a rule change can be re-run.
/// </summary>
public sealed class LatenessFinding
{
    private LatenessFinding()
    {
    }

    public LatenessFinding(Guid dossierId, int auditVersion, Instant auditedAt, Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        DossierId = dossierId;
        AuditVersion = auditVersion;
        AuditedAt = auditedAt;
        Kind = finding.Kind;
        StatutoryDueAt = finding.StatutoryDueAt;
        LateMinutes = finding.LateMinutes;
        Sequences = string.Join(',', finding.Events.Select(e => e.Sequence));
        Evidence = JsonSerializer.Serialize(finding.Events.Select(e => new Dictionary<string, object?>
        {
            ["sequence"] = e.Sequence,
            ["kind"] = e.Kind.ToString(),
            ["actor"] = e.Actor,
            ["recordedAt"] = OfficeTime.FormatIso(e.RecordedAt),
            ["occurredAt"] = OfficeTime.FormatIso(e.OccurredAt),
        }).Concat(finding.Rows.Select(r => new Dictionary<string, object?>
        {
            ["table"] = r.Table,
            ["column"] = r.Column,
            ["row"] = r.Row,
            ["expected"] = r.Expected,
        })));
        ExplanationVi = finding.ExplanationVi;
        ExplanationEn = finding.ExplanationEn;
    }

    public long Id { get; private set; }

    public Guid DossierId { get; private set; }

    /// <summary><see cref="LatenessAudit.Version"/> at the time of the audit.</summary>
    public int AuditVersion { get; private set; }

    public Instant AuditedAt { get; private set; }

    public FindingKind Kind { get; private set; }

    public Instant? StatutoryDueAt { get; private set; }

    /// <summary>Working minutes late (or beyond the limit the finding concerns).</summary>
    public long LateMinutes { get; private set; }

    /// <summary>The cited events' sequences, comma-separated.</summary>
    public string Sequences { get; private set; } = string.Empty;

    /// <summary>The cited events as JSON (sequence, kind, actor, recorded and declared times), then the cited rows (table, column, row, expected).</summary>
    public string Evidence { get; private set; } = "[]";

    public string ExplanationVi { get; private set; } = string.Empty;

    public string ExplanationEn { get; private set; } = string.Empty;
}
