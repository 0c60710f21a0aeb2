using OneStop.Sla;

namespace OneStop.Lateness;

/// <summary>
/// Tolerances of the audit (section <c>Lateness</c>). Working time is counted in the agency's office hours.
/// </summary>
public sealed class AuditSettings
{
    public const string Section = "Lateness";

    /// <summary>
    /// How far (working minutes) an event may be declared before it was recorded and still be believed: paper
    /// that reaches the system late. Beyond it the recorded time is the event's time. Default 240 (half a day).
    /// </summary>
    public int BackdatingToleranceMinutes { get; set; } = 240;

    /// <summary>Decree 61/2018 art. 19(4): a supplement is asked within 3 working days of receiving the dossier.</summary>
    public int SupplementWindowWorkingDays { get; set; } = 3;

    /// <summary>
    /// Due soon and the Form 04 lead (Decree 61/2018 art. 19(9) before 1 July 2025; under Decree 118/2025 as
    /// restated by the provinces, e.g. Lai Châu QĐ 88/2025 art. 3(6)): the one definition in section <c>Thresholds</c>,
    /// set here by the host (not bound from <c>Lateness</c>).
    /// </summary>
    public DeadlineThresholds Thresholds { get; set; } = new();
}
