namespace OneStop.Lateness;

/// <summary>What the true-lateness audit found in a dossier's ledger (domain.md, "True lateness"). Stored by name.</summary>
public enum FindingKind
{
    /// <summary>The result was ready (or the refusal came) after the statutory due, whatever the appointment says.</summary>
    LateAgainstStatute,

    /// <summary>A receipt printed an appointment later than the statutory due without an approved apology.</summary>
    AppointmentBeyondStatute,

    /// <summary>A new receipt replaced the previous one with a later appointment.</summary>
    ReceiptReissued,

    /// <summary>
    /// Form 04 was approved less than 1 working day before the due, or after it (Decree 61/2018 art. 19(9) before
    /// 1 July 2025; under Decree 118/2025 as restated by the provinces, e.g. Lai Châu QĐ 88/2025 art. 3(6)).
    /// </summary>
    ApologyLate,

    /// <summary>A late dossier without an approved Form 04.</summary>
    ApologyMissing,

    /// <summary>The appointment moved more than once (one is allowed: <see cref="Regulations.RulesInForce.OneReschedulingEn"/>).</summary>
    SecondRescheduling,

    /// <summary>A supplement request after the 3-working-day window or after the due (Decree 61/2018 art. 19(4)).</summary>
    SupplementOutOfTime,

    /// <summary>More than one supplement request (Circular 01/2018 art. 13, index 3).</summary>
    RepeatedSupplement,

    /// <summary>An event declared earlier than recorded, beyond the tolerance, in a way that changes its on-time status.</summary>
    Backdated,

    /// <summary>
    /// A citizen came (believed time) at or after the appointment and no result was ready, or the ledger said ready
    /// but the citizen left without it (no return at that visit).
    /// </summary>
    ResultNotThere,

    /// <summary>
    /// The ledger does not verify: a broken keyed chain, a head that no longer reaches the latest checkpoint's, or a
    /// dossier row (status, dues, appointment, counts) that differs from the replay of its events.
    /// </summary>
    LedgerTampered,

    /// <summary>Stopped (or withdrawn) after its statutory due: it leaves the statistics, so the flag stays.</summary>
    StoppedAfterDue,

    /// <summary>
    /// The calendar or the office hours changed after the due was set, so that the rules in force now give another
    /// due: shown with both dues (a closed dossier is judged by the rules recorded in its ledger).
    /// </summary>
    DueRestated,
}
