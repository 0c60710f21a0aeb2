using OneStop.Calendar;
using OneStop.Procedures;

namespace OneStop.Api.Administration;

/// <summary>A procedure with every version, oldest first.</summary>
public sealed record ProcedureResponse(string Code, string Name, string Field, string? Agency, IReadOnlyList<ProcedureVersionResponse> Versions)
{
    public static ProcedureResponse From(Procedure procedure, string? agency, IEnumerable<ProcedureVersion> versions)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        return new ProcedureResponse(procedure.Code, procedure.Name, procedure.Field, agency, versions.OrderBy(v => v.Number).Select(ProcedureVersionResponse.From).ToList());
    }
}

/// <summary>One immutable version of a procedure's rules.</summary>
public sealed record ProcedureVersionResponse(
    int Number,
    string EffectiveFrom,
    ProcessingTimeResponse ProcessingTime,
    IReadOnlyList<RequiredDocument> RequiredDocuments,
    IReadOnlyList<StepBudget> StepBudgets,
    decimal Fee,
    string? CutOff,
    ProcessingTimeResponse? CitizenSupplementTime,
    ProcessingTimeResponse SupplementWindow)
{
    public static ProcedureVersionResponse From(ProcedureVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return new ProcedureVersionResponse(
            version.Number,
            OfficeTime.FormatIso(version.EffectiveFrom),
            ProcessingTimeResponse.From(version.ProcessingTime),
            version.RequiredDocuments,
            version.StepBudgets,
            version.Fee,
            version.CutOff,
            version.CitizenSupplementTime is { } citizen ? ProcessingTimeResponse.From(citizen) : null,
            ProcessingTimeResponse.From(version.SupplementWindow));
    }
}

/// <summary>A processing time: amount, unit, and the text forms print ("5 ngày làm việc").</summary>
public sealed record ProcessingTimeResponse(int Amount, string Unit, string Text)
{
    public static ProcessingTimeResponse From(OneStop.Deadlines.ProcessingTime time) => new(time.Amount, time.Unit.ToString(), time.ToString());
}
