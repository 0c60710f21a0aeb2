using NodaTime;

namespace OneStop.Lateness;

/// <summary>
/// The stored daily rollup of the dashboard's counts for FINISHED dossiers (a result or a close: their judgement no
/// longer changes with time), per agency, department unit as audited, procedure, clerk and office day, so that a
/// period's summary adds up days instead of reading every dossier of the period. Derived data: the rows of an (agency,
/// day) are recomputed from the stored outcomes (<see cref="DossierOutcome"/>) whenever one of their outcomes is written,
/// never incremented (recompute-from-source, under a lock per agency on a server database: no lost updates).
/// </summary>
/// <remarks>
/// <para>A finished dossier adds to two days: <see cref="Accepted"/> on its acceptance day, everything else on the day
/// it ended (<see cref="DossierOutcome.EndAt"/>; a result's contributions and a refusal's or stop's are all on that
/// day, as a dossier with a result is never refused or stopped). Open dossiers are judged at the instant from their
/// rows, not here.</para>
/// <para>The rule that says what a finished dossier contributes is written once, in <c>OutcomeRollup.Contributions</c>.</para>
/// </remarks>
public sealed class OutcomeDay
{
    private OutcomeDay()
    {
    }

    public OutcomeDay(Guid agencyId, Instant day, string agencyElectronicId, string agencyName, string unit, string procedureCode, string procedureName, string clerk)
    {
        AgencyId = agencyId;
        Day = day;
        AgencyElectronicId = agencyElectronicId;
        AgencyName = agencyName;
        Unit = unit;
        ProcedureCode = procedureCode;
        ProcedureName = procedureName;
        Clerk = clerk;
    }

    public long Id { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>The start of the office day (00:00 Asia/Ho_Chi_Minh).</summary>
    public Instant Day { get; private set; }

    public string AgencyElectronicId { get; private set; } = string.Empty;

    public string AgencyName { get; private set; } = string.Empty;

    /// <summary>The department the finished dossiers are counted against (<see cref="DossierOutcome.Department"/>).</summary>
    public string Unit { get; private set; } = string.Empty;

    public string ProcedureCode { get; private set; } = string.Empty;

    public string ProcedureName { get; private set; } = string.Empty;

    public string Clerk { get; private set; } = string.Empty;

    /// <summary>Finished dossiers accepted on this day (whenever they ended).</summary>
    public int Accepted { get; set; }

    /// <summary>Dossiers that ended on this day (result, refusal or stop).</summary>
    public int Ended { get; set; }

    public int Early { get; set; }

    public int OnTime { get; set; }

    /// <summary>Results of the day not early nor on time.</summary>
    public int Late { get; set; }

    public int PaperOnTime { get; set; }

    public int Refused { get; set; }

    public int Stopped { get; set; }

    /// <summary>Dossiers of the day on the late list (a late result, a late refusal).</summary>
    public int Listed { get; set; }

    /// <summary>Results of the day whose paper and ledger disagree.</summary>
    public int Differs { get; set; }
}
