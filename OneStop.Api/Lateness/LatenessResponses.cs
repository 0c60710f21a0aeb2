using OneStop.Calendar;
using OneStop.Lateness;

namespace OneStop.Api.Lateness;

/// <summary>An event cited as evidence.</summary>
public sealed record EvidenceResponse(int Sequence, string Kind, string Actor, string RecordedAt, string OccurredAt)
{
    public static EvidenceResponse From(LedgerEvidence e) =>
        new(e.Sequence, e.Kind.ToString(), e.Actor, OfficeTime.FormatIso(e.RecordedAt), OfficeTime.FormatIso(e.OccurredAt));
}

/// <summary>A finding with its evidence: the events, and the rows or values it cites (a row column and what the ledger says).</summary>
public sealed record FindingResponse(
    string Kind, string? StatutoryDueAt, long LateMinutes, IReadOnlyList<EvidenceResponse> Events, IReadOnlyList<RowEvidence> Rows, string ExplanationVi, string ExplanationEn)
{
    public static FindingResponse From(Finding f) => new(
        f.Kind.ToString(), f.StatutoryDueAt is { } due ? OfficeTime.FormatIso(due) : null, f.LateMinutes,
        f.Events.Select(EvidenceResponse.From).ToList(), f.Rows, f.ExplanationVi, f.ExplanationEn);
}

/// <summary>A stored finding, with its dossier and agency.</summary>
public sealed record StoredFindingResponse(
    string Code, string Agency, string Kind, int AuditVersion, string AuditedAt, string? StatutoryDueAt, long LateMinutes,
    string Sequences, string Evidence, string ExplanationVi, string ExplanationEn);

/// <summary>The audit of one dossier: both judgements and the findings.</summary>
public sealed record DossierLatenessResponse(
    string Code, string Agency, string Procedure, string Clerk, int AuditVersion, string Outcome, string? Standing, string StatutoryDueAt, string AppointmentAt,
    string? ResultAt, string? DeclaredResultAt, bool? PaperOnTime, bool? TrueOnTime, long LateMinutes, string? ResponsibleUnit,
    int? Index1, int? Index2, int Index3, IReadOnlyList<FindingResponse> Findings)
{
    public static DossierLatenessResponse From(string code, string agency, string procedure, AuditResult r) => new(
        code, agency, procedure, r.RegisteredBy, r.AuditVersion, r.Outcome.ToString(), r.Standing?.ToString(), OfficeTime.FormatIso(r.StatutoryDueAt), OfficeTime.FormatIso(r.AppointmentAt),
        r.ResultAt is { } ready ? OfficeTime.FormatIso(ready) : null, r.DeclaredResultAt is { } declared ? OfficeTime.FormatIso(declared) : null,
        r.PaperOnTime, r.TrueOnTime, r.LateMinutes, r.ResponsibleUnit, r.Index1, r.Index2, r.Index3,
        r.Findings.Select(FindingResponse.From).ToList());

    public static DossierLatenessResponse From(AuditedDossier d) => From(d.Code, d.AgencyName, d.ProcedureName, d.Audit);
}

/// <summary>
/// The dashboard's numbers for an agency subtree and period. <c>byDepartment</c> is keyed
/// <c>&lt;agency electronic id&gt;/&lt;unit&gt;</c>: the unit the dossier is counted against (the one that held it at
/// the due when late, else the last one it was handed to). <c>late</c> and <c>paperDiffers</c> hold the first page
/// (<c>GET /api/dashboard/late?page=</c>, <c>/api/dashboard/paper-differs?page=</c>); their totals are <c>lateTotal</c>, <c>paperDiffersTotal</c>.
/// </summary>
public sealed record DashboardSummaryResponse(
    string Agency, string From, string To, IndicatorCounts Totals,
    IReadOnlyList<IndicatorGroup> ByAgency, IReadOnlyList<IndicatorGroup> ByDepartment, IReadOnlyList<IndicatorGroup> ByProcedure, IReadOnlyList<IndicatorGroup> ByClerk,
    IReadOnlyList<WeeklyPointResponse> Weekly, IReadOnlyList<DossierLatenessResponse> Late, IReadOnlyList<DossierLatenessResponse> PaperDiffers,
    int LateTotal, int PaperDiffersTotal)
{
    public static DashboardSummaryResponse Of(DashboardScope scope, LatenessSummary s) => new(
        scope.Agency.ElectronicId, DashboardScope.Format(scope.FromDate), DashboardScope.Format(scope.ToDate), s.Totals, s.ByAgency, s.ByDepartment, s.ByProcedure, s.ByClerk,
        s.Weekly.Select(w => new WeeklyPointResponse(DashboardScope.Format(w.WeekStart), w.Finished, w.PaperOnTime, w.TrueOnTime)).ToList(),
        s.Late.Select(DossierLatenessResponse.From).ToList(), s.PaperDiffers.Select(DossierLatenessResponse.From).ToList(), s.LateTotal, s.PaperDiffersTotal);
}

/// <summary>One page (from 1) of a dashboard list, with the list's total; the next page is <c>?page=</c> + 1.</summary>
public sealed record DossierPageResponse(int Total, int Page, int PageSize, IReadOnlyList<DossierLatenessResponse> Items)
{
    public static DossierPageResponse Of(DossierPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new(page.Total, page.Page, page.PageSize, page.Items.Select(DossierLatenessResponse.From).ToList());
    }
}

/// <summary>One week of the trend.</summary>
public sealed record WeeklyPointResponse(string WeekStart, int Finished, int PaperOnTime, int TrueOnTime);
