using System.Linq.Expressions;
using NodaTime;
using OneStop.Agencies;
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
    /// The names the department's unit may be recorded under (<see cref="UnitCatalogue.Names(string, string?)"/>: its name and
    /// former names), set by <see cref="WithUnitNames"/>; without them, the department's name alone.
    /// </summary>
    public IReadOnlyList<string>? UnitNames { get; init; }

    /// <summary>This filter with its department's unit resolved in the catalogue: the count of a renamed unit and its list hold the same dossiers.</summary>
    public ListFilter WithUnitNames(UnitCatalogue units)
    {
        ArgumentNullException.ThrowIfNull(units);
        if (Department is not { } department)
        {
            return this;
        }

        var (agency, unit) = SplitUnitKey(department);
        return this with { UnitNames = units.Names(agency, unit) };
    }

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
        if (DepartmentUnit() is (string agency, IReadOnlyList<string> names))
        {
            var unitAt = UnitAt(at);
            rows = rows.Where(o => o.AgencyElectronicId == agency).Where(Expression.Lambda<Func<DossierOutcome, bool>>(
                Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], Expression.Constant(names.ToArray()), unitAt.Body), unitAt.Parameters[0]));
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
        return (DepartmentUnit() is not (string agency, IReadOnlyList<string> names) || (d.AgencyElectronicId == agency && names.Contains(d.Audit.Department, StringComparer.Ordinal)))
            && (Procedure is null || d.ProcedureCode == Procedure)
            && (Clerk is null || d.Audit.RegisteredBy == Clerk)
            && (Kind is not { } kind || d.Audit.Findings.Any(f => f.Kind == kind));
    }

    /// <summary>A unit's key (<c>&lt;agency electronic id&gt;/&lt;unit&gt;</c>, as <c>byDepartment</c> and the patterns' <c>byUnit</c> write it) as its agency and unit.</summary>
    public static (string Agency, string Unit) SplitUnitKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (key, string.Empty) : (key[..slash], key[(slash + 1)..]);
    }

    // The department's agency and the names its unit's rows may hold: those resolved (UnitNames), else its own name alone.
    private (string Agency, IReadOnlyList<string> Names)? DepartmentUnit()
    {
        if (Department is not { } department)
        {
            return null;
        }

        var (agency, unit) = SplitUnitKey(department);
        return (agency, UnitNames ?? [unit]);
    }
}
