namespace OneStop.Lateness;

/// <summary>One page (from 1) of a dashboard list, with the list's total.</summary>
public sealed record DossierPage(int Total, int Page, int PageSize, IReadOnlyList<AuditedDossier> Items);
