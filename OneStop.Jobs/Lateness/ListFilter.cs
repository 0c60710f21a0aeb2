using System.Linq.Expressions;
using NodaTime;
using OneStop.Lateness;

namespace OneStop.Jobs.Lateness;

/// <summary>
/// Narrows a dashboard list (late, paper differs) to one department (<c>&lt;agency electronic id&gt;/&lt;unit&gt;</c>,
/// the key of <c>byDepartment</c>), one procedure code and one finding kind; each part optional. The same rule in SQL
/// over the stored outcomes and in memory over dossiers replayed at the instant.
/// </summary>
public sealed record ListFilter(string? Department = null, string? Procedure = null, FindingKind? Kind = null)
{
    /// <summary>The clerk who registered the dossier (the key of <c>byClerk</c>); set by the dashboard's list page.</summary>
    public string? Clerk { get; init; }

    public static readonly ListFilter None = new();

    /// <summary>
    /// The unit a stored outcome is counted against at <paramref name="at"/>: an open dossier overdue then is counted
    /// against the unit that held it when the due passed, another open one against its last unit, a finished one as
    /// audited (<see cref="AuditResult"/>'s department rule, judged at the instant as <see cref="AuditResult.StandingAt"/> does).
    /// </summary>
    public static Expression<Func<DossierOutcome, string>> UnitAt(Instant at) => o =>
        o.EndAt == null && o.Standing != null && (o.ClockStoppedAt != null ? o.ClockStoppedAt > o.StatutoryDueAt : at > o.StatutoryDueAt)
            ? o.UnitAtDue
            : o.EndAt == null ? o.LastUnit : o.Department;

    public IQueryable<DossierOutcome> Apply(IQueryable<DossierOutcome> rows, Instant at)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (Department is { } department)
        {
            var slash = department.IndexOf('/', StringComparison.Ordinal);
            var (agency, unit) = slash < 0 ? (department, string.Empty) : (department[..slash], department[(slash + 1)..]);
            var unitAt = UnitAt(at);
            var parameter = unitAt.Parameters[0];
            rows = rows.Where(o => o.AgencyElectronicId == agency)
                .Where(Expression.Lambda<Func<DossierOutcome, bool>>(Expression.Equal(unitAt.Body, Expression.Constant(unit)), parameter));
        }

        if (Procedure is { } procedure)
        {
            rows = rows.Where(o => o.ProcedureCode == procedure);
        }

        if (Clerk is { } clerk)
        {
            rows = rows.Where(o => o.Clerk == clerk);
        }

        if (Kind is { } kind)
        {
            // FindingKinds is a comma-separated list of names, each once.
            var name = "," + kind + ",";
            rows = rows.Where(o => ("," + o.FindingKinds + ",").Contains(name));
        }

        return rows;
    }

    public bool Matches(AuditedDossier d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return (Department is null || d.AgencyElectronicId + "/" + d.Audit.Department == Department)
            && (Procedure is null || d.ProcedureCode == Procedure)
            && (Clerk is null || d.Audit.RegisteredBy == Clerk)
            && (Kind is not { } kind || d.Audit.Findings.Any(f => f.Kind == kind));
    }
}
