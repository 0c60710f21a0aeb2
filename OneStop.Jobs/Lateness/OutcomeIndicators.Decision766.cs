using Microsoft.EntityFrameworkCore;
using NodaTime;
using OneStop.Lateness;

namespace OneStop.Jobs.Lateness;

/// <summary>The paper side of the Decision 766/QĐ-TTg panel (<see cref="Decision766Progress"/>): what the totals do not already hold.</summary>
public sealed partial class OutcomeIndicators
{
    /// <summary>
    /// Of the dossiers in process at the period's instant: those whose paper appointment has passed (the provincial
    /// systems' "quá hạn" of a dossier in process, against <c>NgayHenTra</c>), and those awaiting a supplement (counted
    /// apart, "dừng xử lý"). Judged as the counts are: SQL over the stored rows, the replay for those with later events.
    /// </summary>
    public async Task<(int PaperOverdue, int Paused)> InProcessOnPaperAsync(string agencyPath, Instant from, Instant to, CancellationToken cancellationToken)
    {
        await service.DrainRefreshesAsync(cancellationToken);
        var period = await PeriodAsync(agencyPath, from, to, cancellationToken);
        var at = period.At;
        // Open now: the still-open tail of the index (EndAt is null exactly when CountedUntil is StillOpen).
        var open = Judged(period).Where(o => o.CountedUntil == DossierOutcome.StillOpen && o.EndAt == null && o.Standing != null);
        var overdue = await open.CountAsync(o => o.ClockStoppedAt == null && o.AppointmentAt < at, cancellationToken);
        var paused = await open.CountAsync(o => o.ClockStoppedAt != null, cancellationToken);
        foreach (var d in await ReplayedAsync(period, cancellationToken))
        {
            if (d.Audit.Outcome != TrueOutcome.Open || d.Audit.Standing is null)
            {
                continue;
            }

            if (d.Audit.ClockStoppedAt is not null)
            {
                paused++;
            }
            else if (d.Audit.AppointmentAt < at)
            {
                overdue++;
            }
        }

        return (overdue, paused);
    }
}
