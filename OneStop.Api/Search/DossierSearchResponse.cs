namespace OneStop.Api.Search;

/// <summary>One page of a search: the total over all pages, so that nothing is cut silently.</summary>
public sealed record DossierSearchResponse(int Total, int Page, int PageSize, int Pages, IReadOnlyList<DossierSearchItem> Items);

/// <summary>A dossier found: what tells it apart at the desk (no id number or phone: open the dossier for those).</summary>
public sealed record DossierSearchItem(
    string Code, string ProcedureCode, string ProcedureName, string ApplicantName, string Status, string CurrentUnit,
    string AcceptedAt, string AppointmentAt, string? ClosedAt)
;
