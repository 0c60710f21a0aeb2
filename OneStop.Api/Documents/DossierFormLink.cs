namespace OneStop.Api.Documents;

/// <summary>A form that exists for a dossier: its name in the address, its Vietnamese title, and where to print it.</summary>
public sealed record DossierFormLink(string Name, string Title, string Url);
