namespace OneStop.Dossiers;

/// <summary>What an event in the ledger records. Stored by name: never renumber, never reuse.</summary>
public enum DossierEventKind
{
    Registered,
    HandedOver,
    SupplementRequested,
    SupplementReceived,
    ApologyRequested,
    ApologyApproved,
    ResultReady,
    Returned,
    VisitLogged,
    Refused,
    Stopped,
    ReceiptReissued,
    SlaStateChanged,
    DeadlineRestated,
    NotCollected,
    StepSlaStateChanged,

    /// <summary>The citizen's time to bring a requested supplement ran out: the dossier closed (not agency lateness).</summary>
    SupplementLapsed,

    /// <summary>A legacy (unkeyed) ledger was re-chained under a ledger key, once (<see cref="LedgerRechain"/>).</summary>
    LedgerRechained,

    /// <summary>The head of the agency turned a drafted apology (Form 04) down, with a reason: the appointment stays.</summary>
    ApologyRejected,
}
