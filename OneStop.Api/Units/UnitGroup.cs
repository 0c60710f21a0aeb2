namespace OneStop.Api.Units;

/// <summary>An agency's active units under a label (the agency's name), for a <see cref="UnitPicker"/> over several agencies.</summary>
public sealed record UnitGroup(string Label, IReadOnlyList<string> Units);
