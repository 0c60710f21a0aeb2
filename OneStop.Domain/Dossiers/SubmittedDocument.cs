namespace OneStop.Dossiers;

/// <summary>A document handed in with the dossier.</summary>
public sealed record SubmittedDocument(string Name, int Originals, int Copies);
