using OneStop.Calendar;

namespace OneStop.Lateness;

/// <summary>A dossier's audit with what the indicators group it by: agency, procedure and (in the result) clerk.</summary>
public sealed record AuditedDossier(
    string Code,
    string AgencyElectronicId,
    string AgencyName,
    string ProcedureCode,
    string ProcedureName,
    OfficeHours Hours,
    AuditResult Audit);
