using OneStop.Api.Administration;
using OneStop.Procedures;

namespace OneStop.Api.Catalogue;

/// <summary>A procedure as the desk sees it: the version in force, its processing time as forms print it, its checklist.</summary>
public sealed record CatalogueEntryResponse(
    string Code,
    string Name,
    string Field,
    string? Agency,
    int Version,
    string ProcessingTime,
    ProcessingTimeResponse Duration,
    IReadOnlyList<RequiredDocument> RequiredDocuments,
    decimal Fee)
{
    public static CatalogueEntryResponse From(Procedure procedure, string? agency, ProcedureVersion version)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(version);
        return new CatalogueEntryResponse(
            procedure.Code, procedure.Name, procedure.Field, agency, version.Number, version.ProcessingTime.ToString(),
            ProcessingTimeResponse.From(version.ProcessingTime), version.RequiredDocuments, version.Fee);
    }
}
