using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using OneStop.Agencies;
using OneStop.Deadlines;
using OneStop.Dossiers;
using OneStop.Lateness;
using OneStop.Persistence;

namespace OneStop.Jobs.Lateness;

/// <summary>Runs the audit over stored ledgers, stores its findings, and feeds the indicators.</summary>
public sealed class LatenessService(OneStopDbContext db, AgencyDeadlines deadlines, IClock clock, IOptions<AuditSettings> settings)
{
    private const int Batch = 200;

    public AuditSettings Settings => settings.Value;

    public LatenessIndicators Indicators(DeadlineCalculator calculator) => new(calculator, settings.Value);

    /// <summary>Audits every dossier of a subtree accepted before <paramref name="acceptedBefore"/> (not stored: the dashboard is live).</summary>
    public async Task<List<AuditedDossier>> AuditSubtreeAsync(string agencyPath, Instant acceptedBefore, CancellationToken cancellationToken)
    {
        var rows = await (
            from d in db.Dossiers.AsNoTracking()
            join a in db.Agencies.AsNoTracking() on d.AgencyId equals a.Id
            join v in db.ProcedureVersions on d.ProcedureVersionId equals v.Id
            join p in db.Procedures on v.ProcedureId equals p.Id
            where a.Path.StartsWith(agencyPath) && d.AcceptedAt < acceptedBefore
            select new Row(d.Id, d.Code, d.ProcessingAmount, d.ProcessingUnit, d.CountingMode, d.EventCount, d.LastEventHash, a, p.Code, p.Name))
            .ToListAsync(cancellationToken);
        var calculator = deadlines.Calculator;
        var audit = new LatenessAudit(calculator, settings.Value);
        var now = clock.GetCurrentInstant();
        var audited = new List<AuditedDossier>(rows.Count);
        foreach (var chunk in rows.Chunk(Batch))
        {
            var events = await EventsOfAsync(chunk.Select(r => r.Id).ToList(), cancellationToken);
            foreach (var r in chunk)
            {
                var hours = deadlines.HoursOf(r.Agency);
                var ledger = new DossierLedger(r.Id, new ProcessingTime(r.Amount, r.Unit), r.Mode, events[r.Id], r.EventCount, r.LastHash);
                audited.Add(new AuditedDossier(r.Code, r.Agency.ElectronicId, r.Agency.Name, r.ProcedureCode, r.ProcedureName, hours, audit.Audit(ledger, hours, now)));
            }
        }

        return audited;
    }

    /// <summary>Audits one loaded dossier now and replaces its stored findings.</summary>
    public async Task<AuditResult> AuditAndStoreAsync(Dossier dossier, Agency agency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var events = await EventsOfAsync([dossier.Id], cancellationToken);
        var hours = deadlines.HoursOf(agency);
        var result = new LatenessAudit(deadlines.Calculator, settings.Value).Audit(DossierLedger.Of(dossier, events[dossier.Id]), hours, clock.GetCurrentInstant());
        await ReplaceFindingsAsync([result], cancellationToken);
        return result;
    }

    /// <summary>Audits the given dossiers and replaces their stored findings; returns how many findings were stored.</summary>
    public async Task<int> AuditAndStoreAsync(IReadOnlyCollection<Guid> dossierIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossierIds);
        var stored = 0;
        var calculator = deadlines.Calculator;
        var audit = new LatenessAudit(calculator, settings.Value);
        foreach (var chunk in dossierIds.Chunk(Batch))
        {
            var ids = chunk.ToList();
            var rows = await (
                from d in db.Dossiers.AsNoTracking()
                join a in db.Agencies.AsNoTracking() on d.AgencyId equals a.Id
                where ids.Contains(d.Id)
                select new { d.Id, d.ProcessingAmount, d.ProcessingUnit, d.CountingMode, d.EventCount, d.LastEventHash, Agency = a })
                .ToListAsync(cancellationToken);
            var events = await EventsOfAsync(ids, cancellationToken);
            var now = clock.GetCurrentInstant();
            var results = rows.Select(r =>
            {
                var hours = deadlines.HoursOf(r.Agency);
                var ledger = new DossierLedger(r.Id, new ProcessingTime(r.ProcessingAmount, r.ProcessingUnit), r.CountingMode, events[r.Id], r.EventCount, r.LastEventHash);
                return audit.Audit(ledger, hours, now);
            }).ToList();
            stored += await ReplaceFindingsAsync(results, cancellationToken);
            db.ChangeTracker.Clear();
        }

        return stored;
    }

    private async Task<int> ReplaceFindingsAsync(IReadOnlyList<AuditResult> results, CancellationToken cancellationToken)
    {
        var ids = results.Select(r => r.DossierId).ToList();
        await db.Set<LatenessFinding>().Where(f => ids.Contains(f.DossierId)).ExecuteDeleteAsync(cancellationToken);
        var now = clock.GetCurrentInstant();
        var findings = results.SelectMany(r => r.Findings.Select(f => new LatenessFinding(r.DossierId, r.AuditVersion, now, f))).ToList();
        db.Set<LatenessFinding>().AddRange(findings);
        await db.SaveChangesAsync(cancellationToken);
        return findings.Count;
    }

    private async Task<Dictionary<Guid, IReadOnlyList<DossierEvent>>> EventsOfAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        var events = await db.DossierEvents.AsNoTracking().Where(e => ids.Contains(e.DossierId)).ToListAsync(cancellationToken);
        var byDossier = events.GroupBy(e => e.DossierId).ToDictionary(g => g.Key, g => (IReadOnlyList<DossierEvent>)g.OrderBy(e => e.Sequence).ToList());
        foreach (var id in ids)
        {
            byDossier.TryAdd(id, []);
        }

        return byDossier;
    }

    private sealed record Row(Guid Id, string Code, int Amount, DurationUnit Unit, CountingMode Mode, int EventCount, string LastHash, Agency Agency, string ProcedureCode, string ProcedureName);
}
