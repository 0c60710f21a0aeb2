namespace OneStop.Dossiers;

/// <summary>
/// One keyed blind-index entry of a dossier's applicant or proxy: the MAC of an id number or a phone
/// (<see cref="Persistence.PersonalDataBlindIndex"/>), never the number. A desk finds a dossier by a number through
/// these entries without decrypting any row. Written with the dossier; rows saved before the index existed get theirs
/// at start (<c>DossierSearchBackfill</c>).
/// </summary>
public sealed class DossierBlindIndexEntry
{
    private DossierBlindIndexEntry()
    {
    }

    public DossierBlindIndexEntry(Guid dossierId, string hash)
    {
        DossierId = dossierId;
        Hash = hash;
    }

    public Guid DossierId { get; private set; }

    /// <summary>64 lowercase hex digits.</summary>
    public string Hash { get; private set; } = string.Empty;
}
