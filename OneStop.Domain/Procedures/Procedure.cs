using NodaTime;

namespace OneStop.Procedures;

/// <summary>An administrative procedure (thủ tục hành chính) from the national database, e.g. 1.000948.H38.</summary>
public sealed class Procedure
{
    private readonly List<ProcedureVersion> _versions = [];

    private Procedure()
    {
    }

    public Procedure(Guid id, string code, string name, string field)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id;
        Code = code;
        Name = name;
        Field = field ?? string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The national procedure code, e.g. 1.000948.H38.</summary>
    public string Code { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    /// <summary>The field (lĩnh vực), e.g. Hộ tịch.</summary>
    public string Field { get; private set; } = string.Empty;

    /// <summary>The agency that offers it; null when every agency does.</summary>
    public Guid? AgencyId { get; private set; }

    public bool IsDemo { get; private set; }

    public IReadOnlyList<ProcedureVersion> Versions => _versions;

    /// <summary>Renames the procedure.</summary>
    public void Rename(string name, string field)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Field = field ?? string.Empty;
    }

    /// <summary>Restricts the procedure to one agency (null: every agency).</summary>
    public void OfferedBy(Guid? agencyId) => AgencyId = agencyId;

    /// <summary>Marks the procedure as demo data.</summary>
    public Procedure AsDemo()
    {
        IsDemo = true;
        return this;
    }

    /// <summary>
    /// The version new dossiers are received under at <paramref name="now"/>: the highest-numbered one already in
    /// effect. Null when none is in effect yet. A dossier keeps the version it was received under.
    /// </summary>
    public ProcedureVersion? VersionInForce(Instant now) =>
        _versions.Where(v => v.EffectiveFrom <= now).MaxBy(v => v.Number);

    /// <summary>
    /// Adds a version; it becomes the one new dossiers are received under. Earlier dossiers keep theirs
    /// (domain rule 2).
    /// </summary>
    public ProcedureVersion AddVersion(ProcedureVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        _versions.Add(version);
        return version;
    }
}
