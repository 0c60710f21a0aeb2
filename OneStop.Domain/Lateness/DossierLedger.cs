using OneStop.Deadlines;
using OneStop.Dossiers;

namespace OneStop.Lateness;

/// <summary>
/// What the audit reads: a dossier's events in sequence order, the statutory processing time and counting mode
/// the row says it was received under (the Registered event's own record wins), and, when known, the row as stored
/// (compared with the replay of the events) and the latest checkpoint's head of its chain.
/// </summary>
public sealed record DossierLedger(
    Guid DossierId,
    ProcessingTime ProcessingTime,
    CountingMode CountingMode,
    IReadOnlyList<DossierEvent> Events,
    DossierRow? Row = null,
    CheckpointHead? Checkpoint = null)
{
    /// <summary>The ledger of a loaded dossier.</summary>
    public static DossierLedger Of(Dossier dossier, IReadOnlyList<DossierEvent> events, CheckpointHead? checkpoint = null)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        return new DossierLedger(dossier.Id, dossier.ProcessingTime, dossier.CountingMode, events, DossierRow.Of(dossier), checkpoint);
    }

    /// <summary>The ledger of a row read as <see cref="DossierRowValues"/>.</summary>
    public static DossierLedger Of(DossierRowValues row, IReadOnlyList<DossierEvent> events, CheckpointHead? checkpoint = null)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new DossierLedger(row.Id, row.ProcessingTime, row.CountingMode, events, DossierRow.Of(row), checkpoint);
    }
}
