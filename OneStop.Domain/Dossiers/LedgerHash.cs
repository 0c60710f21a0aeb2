using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime.Text;

namespace OneStop.Dossiers;

/// <summary>
/// SHA-256 over an event's content and the previous event's hash. The first event's previous hash is the
/// dossier's id, so that events cannot be moved between dossiers either.
/// </summary>
public static class LedgerHash
{
    /// <summary>The hash an event must carry.</summary>
    public static string Of(DossierEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var canonical = string.Join(
            '\n',
            e.DossierId.ToString("N"),
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.Kind.ToString(),
            e.Actor,
            InstantPattern.ExtendedIso.Format(e.RecordedAt),
            InstantPattern.ExtendedIso.Format(e.OccurredAt),
            e.Details,
            e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>The previous hash of a dossier's first event.</summary>
    public static string Genesis(Guid dossierId) => dossierId.ToString("N");

    /// <summary>
    /// Checks a dossier's events in sequence order: sequences 1..n without gaps, each hash recomputes, each
    /// previous hash is the hash before. Returns the first broken sequence, or null when the chain holds.
    /// </summary>
    public static int? FirstBroken(Guid dossierId, IEnumerable<DossierEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var expectedPrevious = Genesis(dossierId);
        var expectedSequence = 1;
        foreach (var e in events)
        {
            if (e.Sequence != expectedSequence || e.DossierId != dossierId || e.PreviousHash != expectedPrevious || e.Hash != Of(e))
            {
                return expectedSequence;
            }

            expectedPrevious = e.Hash;
            expectedSequence++;
        }

        return null;
    }
}
