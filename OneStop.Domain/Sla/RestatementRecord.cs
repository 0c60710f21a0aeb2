using NodaTime;
using OneStop.Calendar;

namespace OneStop.Sla;

/// <summary>
/// One line of the restatement report: a dossier whose statutory due moved because the calendar changed
/// (a new or corrected notice). Written with the dossier's <c>DeadlineRestated</c> event, in the same save.
/// </summary>
public sealed class RestatementRecord
{
    private RestatementRecord()
    {
    }

    public RestatementRecord(Guid dossierId, string dossierCode, Guid agencyId, int eventSequence, Instant statutoryDueBefore, Instant statutoryDueAfter, CalendarStatus calendarStatus, Instant restatedAt)
    {
        DossierId = dossierId;
        DossierCode = dossierCode;
        AgencyId = agencyId;
        EventSequence = eventSequence;
        StatutoryDueBefore = statutoryDueBefore;
        StatutoryDueAfter = statutoryDueAfter;
        CalendarStatus = calendarStatus;
        RestatedAt = restatedAt;
    }

    public long Id { get; private set; }

    public Guid DossierId { get; private set; }

    public string DossierCode { get; private set; } = string.Empty;

    public Guid AgencyId { get; private set; }

    /// <summary>The sequence of the dossier's <c>DeadlineRestated</c> event.</summary>
    public int EventSequence { get; private set; }

    public Instant StatutoryDueBefore { get; private set; }

    public Instant StatutoryDueAfter { get; private set; }

    /// <summary>Official once the notices cover the due's years: a provisional deadline became official.</summary>
    public CalendarStatus CalendarStatus { get; private set; }

    public Instant RestatedAt { get; private set; }
}
