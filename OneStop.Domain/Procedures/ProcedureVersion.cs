using NodaTime;
using OneStop.Deadlines;

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
        decimal fee)
    {
        processingTime.Validate();
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
}

/// <summary>A document the procedure requires: name, and how many originals and copies.</summary>
public sealed record RequiredDocument(string Name, int Originals, int Copies);

/// <summary>The working hours a unit may spend on its step.</summary>
public sealed record StepBudget(string Unit, int WorkingHours);
