namespace OneStop.Lateness;

/// <summary>
/// What one actor did in one dossier while it was held by one unit, as the audit's replay saw it: the raw counts a
/// supervisor needs to see who launders within the rules, not only who breaks them (issue 15, "Patterns, not only
/// dossiers"). Stored per dossier, actor and unit (<see cref="DossierActorPattern"/>) and summed in SQL.
/// </summary>
/// <remarks>
/// <para><see cref="DeclaredEarlier"/>: events whose declared time (<c>OccurredAt</c>) is before the server's recorded
/// time, whatever the amount; <see cref="BeyondTolerance"/> those beyond <see cref="AuditSettings.BackdatingToleranceMinutes"/>
/// (working minutes, the audit no longer believes them); <see cref="NearTolerance"/> those believed but using at least
/// <see cref="NearToleranceShare"/> of the tolerance; <see cref="EarlierMinutes"/> the working minutes by which the
/// declared-earlier events were moved back, each capped at the tolerance (the average share of the tolerance used
/// is <c>EarlierMinutes / (DeclaredEarlier × tolerance)</c>).</para>
/// <para><see cref="Reissues"/>: receipts re-issued with a later appointment (the act of <see cref="FindingKind.ReceiptReissued"/>).
/// <see cref="Supplements"/> / <see cref="SupplementsOutOfWindow"/>: supplement requests, and those after the window or the due
/// (Decree 61/2018 art. 19(4); <see cref="FindingKind.SupplementOutOfTime"/>). <see cref="Results"/> / <see cref="ResultsLastHour"/>:
/// the dossier's result, and whether it was recorded (server time) within the last working hour before the statutory
/// due in force: the rush that keeps the paper on time.</para>
/// </remarks>
public sealed record ActorPattern(
    string Actor,
    string Unit,
    int Events,
    int DeclaredEarlier,
    int NearTolerance,
    int BeyondTolerance,
    long EarlierMinutes,
    int Reissues,
    int Supplements,
    int SupplementsOutOfWindow,
    int Results,
    int ResultsLastHour)
{
    /// <summary>The share of the tolerance from which a believed backdating is "near" it (3/4: 180 of 240 minutes by default).</summary>
    public const decimal NearToleranceShare = 0.75m;

    /// <summary>The working minutes before the due in which a recorded result counts as last-hour.</summary>
    public const int LastHourMinutes = 60;
}
