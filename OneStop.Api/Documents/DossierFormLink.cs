namespace OneStop.Api.Documents;

/// <summary>
/// A form that exists for a dossier: its name in the address, its Vietnamese title and its number ("05"; null when
/// the set does not number it) in the dossier's form set, and where to print it.
/// </summary>
public sealed record DossierFormLink(string Name, string Title, string Url, string? Number = null);
