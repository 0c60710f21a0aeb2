namespace OneStop.Api.Documents;

/// <summary>A table column: its share of the table width and the default alignment of its cells.</summary>
public sealed record TableColumn(float Weight, TextAlignment Alignment = TextAlignment.Left);
