using NodaTime;
using OneStop.Deadlines;
using OneStop.Dossiers;

namespace OneStop.Procedures;

/// <summary>
/// One version of a procedure's rules: statutory processing time, required documents, step budgets, fee.
/// Immutable once created; a change is a new version.
/// </summary>
public sealed class ProcedureVersion
{
    private ProcedureVersion()
    {
    }

    public ProcedureVersion(
        Guid id,
        Guid procedureId,
        int number,
        Instant effectiveFrom,
        ProcessingTime processingTime,
        IReadOnlyList<RequiredDocument> requiredDocuments,
        IReadOnlyList<StepBudget> stepBudgets,
        decimal fee,
        CutOffRule? cutOff = null,
        ProcessingTime? citizenSupplementTime = null,
        ProcessingTime? supplementWindow = null)
    {
        processingTime.Validate();
        citizenSupplementTime?.Validate();
        var window = supplementWindow ?? DossierRegistration.DefaultSupplementWindow;
        if (window.Unit is not (DurationUnit.WorkingDays or DurationUnit.WorkingHours) || window.Amount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(supplementWindow), window, "A supplement window is a positive number of working days or working hours.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(fee);
        Id = id;
        ProcedureId = procedureId;
        Number = number;
        EffectiveFrom = effectiveFrom;
        ProcessingAmount = processingTime.Amount;
        ProcessingUnit = processingTime.Unit;
        RequiredDocuments = [.. requiredDocuments];
        StepBudgets = [.. stepBudgets];
        Fee = fee;
        CutOff = cutOff?.Text;
        CitizenSupplementAmount = citizenSupplementTime?.Amount;
        CitizenSupplementUnit = citizenSupplementTime?.Unit;
        SupplementWindowAmount = window.Amount;
        SupplementWindowUnit = window.Unit;
    }

    public Guid Id { get; private set; }

    public Guid ProcedureId { get; private set; }

    /// <summary>1, 2, ... per procedure.</summary>
    public int Number { get; private set; }

    public Instant EffectiveFrom { get; private set; }

    public int ProcessingAmount { get; private set; }

    public DurationUnit ProcessingUnit { get; private set; }

    public ProcessingTime ProcessingTime => new(ProcessingAmount, ProcessingUnit);

    public List<RequiredDocument> RequiredDocuments { get; private set; } = [];

    /// <summary>Per-unit budgets in working hours (Hà Nội: 1 working day = 8 working hours).</summary>
    public List<StepBudget> StepBudgets { get; private set; } = [];

    /// <summary>Fee in VND.</summary>
    public decimal Fee { get; private set; }

    /// <summary>
    /// The procedure's own acceptance cut-off (<see cref="CutOffRule"/> text: "16:00", "closing-1h"); null for the
    /// agency's.
    /// </summary>
    public string? CutOff { get; private set; }

    public int? CitizenSupplementAmount { get; private set; }

    public DurationUnit? CitizenSupplementUnit { get; private set; }

    /// <summary>
    /// How long the citizen has to bring a requested supplement, from the request (e.g. 15 working days: the 2025
    /// decree on interconnected online procedures, art. 6(4)(a)); when it runs out the dossier is closed with a
    /// notice, which is not agency lateness. Null: the dossier waits for the citizen without end.
    /// </summary>
    public ProcessingTime? CitizenSupplementTime =>
        CitizenSupplementAmount is { } amount && CitizenSupplementUnit is { } unit ? new ProcessingTime(amount, unit) : null;

    public int SupplementWindowAmount { get; private set; } = DossierRegistration.DefaultSupplementWindow.Amount;

    public DurationUnit SupplementWindowUnit { get; private set; } = DossierRegistration.DefaultSupplementWindow.Unit;

    /// <summary>
    /// How long after the counting start a department may still ask for a supplement and have the clock restart
    /// (domain rule 5: Decree 61/2018 art. 19(4) 3 working days; under Decree 118/2025 set by sector rules), in
    /// working days or working hours. Recorded in the ledger at registration.
    /// </summary>
    public ProcessingTime SupplementWindow => new(SupplementWindowAmount, SupplementWindowUnit);
}

/// <summary>A document the procedure requires: name, and how many originals and copies.</summary>
public sealed record RequiredDocument(string Name, int Originals, int Copies);

/// <summary>The working hours a unit may spend on its step.</summary>
public sealed record StepBudget(string Unit, int WorkingHours);
