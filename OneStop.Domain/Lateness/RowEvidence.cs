namespace OneStop.Lateness;

/// <summary>
/// A stored value cited as evidence: a column of a row (<see cref="Table"/>, <see cref="Column"/>) with what the row
/// holds and what the ledger (or the rule the finding applies) says it should hold.
/// </summary>
public sealed record RowEvidence(string Table, string Column, string? Row, string? Expected);
