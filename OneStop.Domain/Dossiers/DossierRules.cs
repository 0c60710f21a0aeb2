namespace OneStop.Dossiers;

/// <summary>The stable codes of the lifecycle rules, as answered in 409 problems.</summary>
public static class DossierRules
{
    /// <summary>Nothing happens after Returned, Refused, Stopped or Withdrawn.</summary>
    public const string Closed = "dossier-closed";

    /// <summary>
    /// A department asks for a supplement while it holds the dossier (Decree 61/2018 art. 19(4) for dossiers accepted
    /// before 1 July 2025; under Decree 118/2025 the sector rules of the procedure).
    /// </summary>
    public const string SupplementNotAtDepartment = "supplement-not-at-department";

    /// <summary>A supplement arrives only after it was requested.</summary>
    public const string SupplementNotRequested = "supplement-not-requested";

    /// <summary>
    /// The appointment may move only once (Decree 61/2018 art. 19(9) before 1 July 2025; under Decree 118/2025 as
    /// restated by provincial rules, e.g. Lai Châu QĐ 88/2025 art. 3(6): "không quá một lần").
    /// </summary>
    public const string AppointmentAlreadyMoved = "appointment-already-moved";

    /// <summary>An apology is approved once, while pending.</summary>
    public const string ApologyNotPending = "apology-not-pending";

    /// <summary>Only a user with the Head role approves an apology (it is signed in their name).</summary>
    public const string ApologyNeedsHead = "apology-needs-head";

    /// <summary>A citizen may ask to stop only a dossier without a result.</summary>
    public const string StopAfterResult = "stop-after-result";

    /// <summary>Refusal comes before a result.</summary>
    public const string RefusalAfterResult = "refusal-after-result";

    /// <summary>A result is returned only once it is ready.</summary>
    public const string ReturnBeforeResult = "return-before-result";

    /// <summary>A result is recorded once, while the dossier is being processed.</summary>
    public const string ResultNotInProcess = "result-not-in-process";

    /// <summary>A hand-over needs a dossier that is being processed.</summary>
    public const string HandoverNotInProcess = "handover-not-in-process";

    /// <summary>Someone else changed the dossier first (optimistic concurrency).</summary>
    public const string ConcurrentChange = "concurrent-change";
}
