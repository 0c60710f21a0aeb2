using OneStop.Dossiers;
using OneStop.Language;

namespace OneStop.Persistence;

/// <summary>
/// What a dossier is found by besides its code: its applicant's and proxy's names folded
/// (<see cref="VietnameseFolding"/>) in the <see cref="NameProperty"/> column, and the keyed blind index of their id
/// numbers and phones (<see cref="DossierBlindIndexEntry"/>). Written by the context when a dossier is added; a null
/// name column marks a row saved before the index existed.
/// </summary>
public static class DossierSearchIndex
{
    /// <summary>The shadow column with the folded names ("nguyen van a / tran thi b").</summary>
    public const string NameProperty = "SearchName";

    public const int NameLength = 410;

    public static string NameOf(Dossier dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var name = VietnameseFolding.Fold(dossier.Applicant.FullName);
        if (dossier.Proxy is { } proxy)
        {
            name += " / " + VietnameseFolding.Fold(proxy.FullName);
        }

        return name.Length <= NameLength ? name : name[..NameLength];
    }

    public static IReadOnlyList<string> EntriesOf(Dossier dossier, PersonalDataBlindIndex index)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(index);
        return new[] { dossier.Applicant, dossier.Proxy }
            .OfType<Person>()
            .SelectMany(p => new[] { index.OfIdNumber(p.IdNumber), index.OfPhone(p.Phone) })
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Sets the name column of a tracked dossier and adds its blind-index entries.</summary>
    public static void Write(OneStopDbContext db, Dossier dossier, PersonalDataBlindIndex index)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Entry(dossier).Property<string?>(NameProperty).CurrentValue = NameOf(dossier);
        db.DossierBlindIndex.AddRange(EntriesOf(dossier, index).Select(hash => new DossierBlindIndexEntry(dossier.Id, hash)));
    }
}
