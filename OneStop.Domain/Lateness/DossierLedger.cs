using OneStop.Deadlines;
using OneStop.Dossiers;

namespace OneStop.Lateness;

/// <summary>
/// What the audit reads: a dossier's events in sequence order, the statutory processing time and counting mode
/// it was received under, and, when known, the event count and last hash the dossier row claims (a ledger cut
/// short at its end still verifies link by link).
/// </summary>
public sealed record DossierLedger(
    Guid DossierId,
    ProcessingTime ProcessingTime,
    CountingMode CountingMode,
    IReadOnlyList<DossierEvent> Events,
    int? ExpectedEventCount = null,
    string? ExpectedLastHash = null)
{
    /// <summary>The ledger of a loaded dossier.</summary>
    public static DossierLedger Of(Dossier dossier, IReadOnlyList<DossierEvent> events)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        return new DossierLedger(dossier.Id, dossier.ProcessingTime, dossier.CountingMode, events, dossier.EventCount, dossier.LastEventHash);
    }
}
