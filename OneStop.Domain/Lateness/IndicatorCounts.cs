namespace OneStop.Lateness;

/// <summary>
/// The counts of a period (domain rule 13). Rates are fractions 0–1, null when there is nothing to divide by:
/// <see cref="PaperOnTimeRate"/> is what a paper audit reports (declared result time against the appointment in
/// force), <see cref="TrueOnTimeRate"/> the ledger's (believed result time against the recomputed statutory due),
/// both over the results of the period; <see cref="Decree61Rate"/> is Decree 61/2018 art. 30's truly on-time
/// results over all dossiers handled in the period (received plus carried over).
/// </summary>
public sealed record IndicatorCounts
{
    public int Received { get; init; }

    public int CarriedOver { get; init; }

    public int InProgressOnTime { get; init; }

    public int InProgressDueSoon { get; init; }

    public int InProgressOverdue { get; init; }

    public int FinishedEarly { get; init; }

    public int FinishedOnTime { get; init; }

    public int FinishedLate { get; init; }

    public int PaperOnTime { get; init; }

    public int NotCollected { get; init; }

    public int Refused { get; init; }

    public int Stopped { get; init; }

    /// <summary>The counts of two disjoint sets of dossiers together.</summary>
    public IndicatorCounts Plus(IndicatorCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new IndicatorCounts
        {
            Received = Received + other.Received, CarriedOver = CarriedOver + other.CarriedOver, InProgressOnTime = InProgressOnTime + other.InProgressOnTime,
            InProgressDueSoon = InProgressDueSoon + other.InProgressDueSoon, InProgressOverdue = InProgressOverdue + other.InProgressOverdue,
            FinishedEarly = FinishedEarly + other.FinishedEarly, FinishedOnTime = FinishedOnTime + other.FinishedOnTime, FinishedLate = FinishedLate + other.FinishedLate,
            PaperOnTime = PaperOnTime + other.PaperOnTime, NotCollected = NotCollected + other.NotCollected, Refused = Refused + other.Refused, Stopped = Stopped + other.Stopped,
        };
    }

    public int Finished => FinishedEarly + FinishedOnTime + FinishedLate;

    public int InProgress => InProgressOnTime + InProgressDueSoon + InProgressOverdue;

    public decimal? PaperOnTimeRate => Finished == 0 ? null : Math.Round((decimal)PaperOnTime / Finished, 4);

    public decimal? TrueOnTimeRate => Finished == 0 ? null : Math.Round((decimal)(FinishedEarly + FinishedOnTime) / Finished, 4);

    public decimal? Decree61Rate => Received + CarriedOver == 0 ? null : Math.Round((decimal)(FinishedEarly + FinishedOnTime) / (Received + CarriedOver), 4);
}
