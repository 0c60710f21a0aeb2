using NodaTime;
using OneStop.Calendar;
using OneStop.Deadlines;

namespace OneStop.Agencies;

/// <summary>
/// An agency: a province, a commune, a department of either. Agencies form a tree of any depth (since 1 July 2025
/// two tiers of local government, but old dossiers mention districts: levels are never hard-coded).
/// </summary>
public sealed class Agency
{
    private Agency()
    {
    }

    /// <summary>Creates an agency under <paramref name="parent"/> (null for a root).</summary>
    public Agency(Guid id, string name, string electronicId, Agency? parent)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(electronicId);
        Id = id;
        Name = name;
        ElectronicId = electronicId;
        ParentId = parent?.Id;
        Path = (parent?.Path ?? "/") + id.ToString("N") + "/";
    }

    public Guid Id { get; private set; }

    public Guid? ParentId { get; private set; }

    /// <summary>Ids from the root down to this agency, "/a/b/c/": a subtree is every path with this prefix.</summary>
    public string Path { get; private set; } = "/";

    public string Name { get; private set; } = string.Empty;

    /// <summary>The agency's electronic id code (mã định danh), the first part of every dossier code, e.g. 000.00.12.H40.</summary>
    public string ElectronicId { get; private set; } = string.Empty;

    /// <summary>Working sessions, e.g. "07:30-11:30;13:00-17:00"; empty for the configured default.</summary>
    public string Sessions { get; private set; } = string.Empty;

    /// <summary>Acceptance cut-off; null for the configured default (15:00).</summary>
    public LocalTime? CutOff { get; private set; }

    /// <summary>Saturday reception sessions, e.g. "07:30-11:30"; empty when the desk is closed on Saturday.</summary>
    public string SaturdayReception { get; private set; } = string.Empty;

    public CountingMode CountingMode { get; private set; } = CountingMode.WorkingHours;

    /// <summary>Whether the agency was created as demo data.</summary>
    public bool IsDemo { get; private set; }

    /// <summary>
    /// Where the citizen asks and collects: the desk's street address, shown on the public status page with the
    /// office hours and <see cref="Phone"/> (domain rule 11). Empty until the administrator sets it.
    /// </summary>
    public string Address { get; private set; } = string.Empty;

    /// <summary>The desk's public telephone number; empty until set.</summary>
    public string Phone { get; private set; } = string.Empty;

    /// <summary>Sets the desk's public contact (address, phone); empty strings clear them.</summary>
    public void SetContact(string address, string phone)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(phone);
        Address = address.Trim();
        Phone = phone.Trim();
    }

    /// <summary>Renames the agency or changes its electronic id.</summary>
    public void Rename(string name, string electronicId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(electronicId);
        Name = name;
        ElectronicId = electronicId;
    }

    /// <summary>Sets the office hours; each argument is checked by building <see cref="OfficeHours"/>.</summary>
    public void SetOfficeHours(IReadOnlyList<WorkSession> sessions, LocalTime cutOff, IReadOnlyList<WorkSession> saturdayReception, CountingMode mode)
    {
        _ = new OfficeHours(sessions, cutOff, saturdayReception);
        Sessions = string.Join(';', sessions);
        CutOff = cutOff;
        SaturdayReception = string.Join(';', saturdayReception);
        CountingMode = mode;
    }

    /// <summary>Marks the agency as demo data.</summary>
    public Agency AsDemo()
    {
        IsDemo = true;
        return this;
    }

    /// <summary>The office hours in force, falling back to <paramref name="defaults"/> where the agency sets none.</summary>
    public OfficeHours OfficeHoursOr(OfficeHours defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        if (Sessions.Length == 0 && CutOff is null && SaturdayReception.Length == 0)
        {
            return defaults;
        }

        return new OfficeHours(
            Sessions.Length == 0 ? defaults.Sessions : ParseSessions(Sessions),
            CutOff ?? defaults.CutOff,
            SaturdayReception.Length == 0 ? [] : ParseSessions(SaturdayReception));
    }

    private static List<WorkSession> ParseSessions(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(WorkSession.Parse).ToList();
}
