using OneStop.Api.Deadlines;

namespace OneStop.Api.Administration;

/// <summary>
/// <c>POST /api/admin/procedures</c>: <c>{"code":"1.000948.H38","name":"...","field":"Hộ tịch","agency":null}</c>;
/// without <c>agency</c> every agency offers it (only an administrator of a root agency may say so).
/// </summary>
public sealed record CreateProcedureRequest(string? Code, string? Name, string? Field, string? Agency);

/// <summary>
/// <c>POST /api/admin/procedures/{code}/versions</c>: <c>effectiveFrom</c> is a date (<c>2025-07-01</c>, from 00:00 in
/// Hà Nội) or an instant with its offset; <c>processingTime</c> <c>{"amount":5,"unit":"WorkingDays"}</c>.
/// <c>cutOff</c> is the procedure's own acceptance cut-off, <c>"16:00"</c> or <c>"closing-1h"</c> (one hour before the
/// last session ends; also <c>"closing-30m"</c>); absent: the agency's. <c>citizenSupplementTime</c> (e.g.
/// <c>{"amount":15,"unit":"WorkingDays"}</c>) is how long the citizen has to bring a requested supplement before the
/// dossier closes; absent: no limit. <c>supplementWindow</c> (optional, default 3 working days) in
/// <c>WorkingDays</c> or <c>WorkingHours</c>: how long after acceptance the agency may ask for a supplement and
/// restart the clock.
/// </summary>
public sealed record AddProcedureVersionRequest(
    string? EffectiveFrom,
    DurationRequest? ProcessingTime,
    IReadOnlyList<RequiredDocumentRequest>? RequiredDocuments,
    IReadOnlyList<StepBudgetRequest>? StepBudgets,
    decimal? Fee,
    string? CutOff = null,
    DurationRequest? CitizenSupplementTime = null,
    DurationRequest? SupplementWindow = null);

/// <summary>A document the procedure requires, with how many originals and copies.</summary>
public sealed record RequiredDocumentRequest(string? Name, int Originals, int Copies);

/// <summary>The working hours a unit may spend on its step (Hà Nội: 1 working day = 8 working hours).</summary>
public sealed record StepBudgetRequest(string? Unit, int WorkingHours);
