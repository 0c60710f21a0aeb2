using NodaTime;

namespace OneStop.Agencies;

/// <summary>
/// One entry of an agency's catalogue of units (departments): what hand-overs, users and statistics pick from.
/// The name is kept normalised (<see cref="UnitName"/>) and unique in the agency by its <see cref="Key"/>. A
/// renamed unit keeps its former names, so that old ledger events (never rewritten) and rows written before the
/// rename still read as this unit. A deactivated unit is no longer offered for hand-overs or users; what it
/// holds stays readable. The desk (<see cref="Dossiers.Dossier.DeskUnit"/>) is in every catalogue and fixed.
/// </summary>
public sealed class AgencyUnit
{
    private const char Separator = '\n';

    private AgencyUnit()
    {
    }

    public AgencyUnit(Guid id, Guid agencyId, string name, Instant createdAt)
    {
        var normalised = UnitName.Normalise(name);
        ArgumentException.ThrowIfNullOrEmpty(normalised, nameof(name));
        Id = id;
        AgencyId = agencyId;
        Name = normalised;
        Key = UnitName.Key(normalised);
        IsActive = true;
        CreatedAt = createdAt;
        ChangedAt = createdAt;
    }

    /// <summary>The desk's own entry of a catalogue.</summary>
    public static AgencyUnit Desk(Guid agencyId, Instant createdAt) => new(Guid.CreateVersion7(createdAt.ToDateTimeOffset()), agencyId, Dossiers.Dossier.DeskUnit, createdAt);

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>The canonical name, as hand-overs store it from now on.</summary>
    public string Name { get; private set; } = string.Empty;

    /// <summary><see cref="UnitName.Key"/> of <see cref="Name"/>; unique in the agency.</summary>
    public string Key { get; private set; } = string.Empty;

    /// <summary>Names the unit had before its renames, one a line, oldest first.</summary>
    public string FormerNames { get; private set; } = string.Empty;

    public bool IsActive { get; private set; }

    public Instant CreatedAt { get; private set; }

    /// <summary>Server time of the last rename, deactivation or reactivation.</summary>
    public Instant ChangedAt { get; private set; }

    /// <summary>Whether this is the desk's entry (neither renamed nor deactivated).</summary>
    public bool IsDesk => Key == UnitName.Key(Dossiers.Dossier.DeskUnit);

    /// <summary>The former names, oldest first.</summary>
    public IReadOnlyList<string> Former => FormerNames.Length == 0 ? [] : FormerNames.Split(Separator);

    /// <summary>Every spelling key that reads as this unit: the current name's first.</summary>
    public IEnumerable<string> Keys => Former.Select(UnitName.Key).Prepend(Key);

    /// <summary>Renames the unit; the old name becomes a former name. Same key: only the spelling changes.</summary>
    public void Rename(string name, Instant at)
    {
        var normalised = UnitName.Normalise(name);
        ArgumentException.ThrowIfNullOrEmpty(normalised, nameof(name));
        if (IsDesk)
        {
            throw new InvalidOperationException("The desk's unit is not renamed.");
        }

        var key = UnitName.Key(normalised);
        if (key != Key)
        {
            FormerNames = string.Join(Separator, Former.Where(f => UnitName.Key(f) != key && UnitName.Key(f) != Key).Append(Name));
        }

        Name = normalised;
        Key = key;
        ChangedAt = at;
    }

    public void Deactivate(Instant at)
    {
        if (IsDesk)
        {
            throw new InvalidOperationException("The desk's unit is not deactivated.");
        }

        IsActive = false;
        ChangedAt = at;
    }

    public void Activate(Instant at)
    {
        IsActive = true;
        ChangedAt = at;
    }
}
