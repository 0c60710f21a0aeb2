namespace OneStop.Lateness;

/// <summary>
/// The on-time component of the national index (Decision 766/QĐ-TTg of 23/06/2022, group "Tiến độ, kết quả giải
/// quyết", at most 20 of the 100 points), counted two ways side by side: <em>paper</em>, as the provincial systems that
/// feed the National Portal count it (every comparison against the mutable appointment <c>NgayHenTra</c> and the
/// declared result time: regulations-2025-2026.md (f), the Thanh Hóa handler), and <em>true</em>, against the statutory
/// due recomputed from the ledger and the believed result time (domain rule 13).
/// </summary>
/// <remarks>
/// <para>The group's indicators are "tỷ lệ hồ sơ xử lý trước hạn, đúng hạn" over the dossiers processed in the period
/// and, for those in process, in time or overdue (same source). The exact formula and the scale of the 20 points are
/// not in the documents we hold (regulations-notes.md §5.1: "Exact formula: [B]"): we chose what a supervisor expects,
/// <see cref="ProcessedOnTimeRate"/> as the index's rate and <see cref="Points"/> = 20 × that rate, and we also show the
/// provincial publication's rate that counts overdue dossiers still in process (Gia Lai: "Tỉ lệ Trễ hạn = (Trễ đang xử
/// lý + Trễ đã xử lý) / Cần xử lý; Tỉ lệ Đúng hạn = 100% − Tỉ lệ Trễ hạn"), <see cref="HandledOnTimeRate"/>.</para>
/// <para>Dossiers awaiting a supplement are counted apart by the provincial systems ("dừng xử lý"):
/// <see cref="Paused"/>, in process but neither in time nor overdue on paper. Stopped and refused dossiers are out of
/// the component, as they are out of the dashboard's rates (domain rule 7).</para>
/// </remarks>
public sealed record Decision766Progress(
    int Processed, int ProcessedOnTime, int ProcessedLate, int InProcess, int InProcessOverdue, int Paused)
{
    /// <summary>The group's maximum (Decision 766/QĐ-TTg, Phụ lục: 20 of 100 points).</summary>
    public const int MaxPoints = 20;

    /// <summary>Early or on time over the dossiers processed in the period (null when none).</summary>
    public decimal? ProcessedOnTimeRate => Processed == 0 ? null : Math.Round((decimal)ProcessedOnTime / Processed, 4);

    /// <summary>1 − (processed late + overdue in process) / (processed + in process): the provincial publication's rate.</summary>
    public decimal? HandledOnTimeRate => Processed + InProcess == 0 ? null : Math.Round(1 - ((decimal)(ProcessedLate + InProcessOverdue) / (Processed + InProcess)), 4);

    /// <summary>20 × <see cref="ProcessedOnTimeRate"/>, to two decimals (our reading of "đạt tỷ lệ … thì được tối đa 20 điểm").</summary>
    public decimal? Points => ProcessedOnTimeRate is { } rate ? Math.Round(rate * MaxPoints, 2) : null;

    /// <summary>The paper count: results by declared time against the appointment; in process overdue when the appointment passed.</summary>
    public static Decision766Progress Paper(IndicatorCounts totals, int paperOverdue, int paused)
    {
        ArgumentNullException.ThrowIfNull(totals);
        return new(totals.Finished, totals.PaperOnTime, totals.Finished - totals.PaperOnTime, totals.InProgress, paperOverdue, paused);
    }

    /// <summary>
    /// The true count: results by believed time against the statutory due; in process overdue against it (the clock
    /// stopped for a legitimate supplement). A result counted on time here is one whose Circular 01/2018 art. 13 index 1
    /// (total time against the statutory time: 2 shorter, 1 equal, 0 longer) is 1 or 2 (<see cref="AuditResult.Index1"/>).
    /// </summary>
    public static Decision766Progress True(IndicatorCounts totals, int paused)
    {
        ArgumentNullException.ThrowIfNull(totals);
        return new(totals.Finished, totals.FinishedEarly + totals.FinishedOnTime, totals.FinishedLate, totals.InProgress, totals.InProgressOverdue, paused);
    }
}
