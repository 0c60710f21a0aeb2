using System.Linq.Expressions;
using NodaTime;
using OneStop.Lateness;

namespace OneStop.Jobs.Lateness;

/// <summary>One count of the dashboard (<see cref="IndicatorCounts"/>), whose dossiers a supervisor can list.</summary>
public enum CountCategory
{
    Received,
    CarriedOver,
    InProgressOnTime,
    InProgressDueSoon,
    InProgressOverdue,
    FinishedEarly,
    FinishedOnTime,
    FinishedLate,
    PaperOnTime,
    NotCollected,
    Refused,
    Stopped,
    Finished,
    InProgress,
}

/// <summary>
/// Which stored outcomes a count holds, as a SQL predicate, and which field of <see cref="IndicatorCounts"/> it is (so a
/// replayed dossier belongs to the list when <see cref="LatenessIndicators.Count"/> of it alone counts 1 there). The
/// predicates state <c>OutcomeIndicators.CountsAsync</c>'s sums again; a test asserts each list's total equals its count.
/// </summary>
public static class CountCategories
{
    public static int Of(IndicatorCounts counts, CountCategory category)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return category switch
        {
            CountCategory.Received => counts.Received,
            CountCategory.CarriedOver => counts.CarriedOver,
            CountCategory.InProgressOnTime => counts.InProgressOnTime,
            CountCategory.InProgressDueSoon => counts.InProgressDueSoon,
            CountCategory.InProgressOverdue => counts.InProgressOverdue,
            CountCategory.FinishedEarly => counts.FinishedEarly,
            CountCategory.FinishedOnTime => counts.FinishedOnTime,
            CountCategory.FinishedLate => counts.FinishedLate,
            CountCategory.PaperOnTime => counts.PaperOnTime,
            CountCategory.NotCollected => counts.NotCollected,
            CountCategory.Refused => counts.Refused,
            CountCategory.Finished => counts.Finished,
            CountCategory.InProgress => counts.InProgress,
            _ => counts.Stopped,
        };
    }

    /// <summary>The rows of the period [from, to) judged at <paramref name="at"/> that the count holds.</summary>
    public static Expression<Func<DossierOutcome, bool>> Predicate(CountCategory category, Instant from, Instant to, Instant at) => category switch
    {
        CountCategory.Received => o => o.AcceptedAt >= from,
        CountCategory.CarriedOver => o => o.AcceptedAt < from,
        CountCategory.FinishedEarly => o => o.ResultAt >= from && o.ResultAt < to && o.Outcome == TrueOutcome.Early,
        CountCategory.FinishedOnTime => o => o.ResultAt >= from && o.ResultAt < to && o.Outcome == TrueOutcome.OnTime,
        CountCategory.FinishedLate => o => o.ResultAt >= from && o.ResultAt < to && o.Outcome != TrueOutcome.Early && o.Outcome != TrueOutcome.OnTime,
        CountCategory.PaperOnTime => o => o.ResultAt >= from && o.ResultAt < to && o.PaperOnTime == true,
        CountCategory.Refused => o => o.ClosedAt >= from && o.ClosedAt < to && o.Outcome == TrueOutcome.Refused,
        CountCategory.Stopped => o => o.ClosedAt >= from && o.ClosedAt < to && o.Outcome == TrueOutcome.Stopped,
        CountCategory.Finished => o => o.ResultAt >= from && o.ResultAt < to,
        CountCategory.InProgress => o => o.EndAt == null && o.Standing != null,
        CountCategory.InProgressOverdue => o => o.EndAt == null && o.Standing != null
            && (o.ClockStoppedAt != null ? o.ClockStoppedAt > o.StatutoryDueAt : at > o.StatutoryDueAt),
        CountCategory.InProgressDueSoon => o => o.EndAt == null && o.Standing != null && o.ClockStoppedAt == null
            && at <= o.StatutoryDueAt && o.DueSoonFrom != null && at >= o.DueSoonFrom,
        CountCategory.InProgressOnTime => o => o.EndAt == null && o.Standing != null
            && (o.ClockStoppedAt != null ? o.ClockStoppedAt <= o.StatutoryDueAt : at <= o.StatutoryDueAt && (o.DueSoonFrom == null || at < o.DueSoonFrom)),
        _ => o => o.ResultAt < to && (o.ReturnedAt == null || o.ReturnedAt >= to)
            && ((o.NotCollectedAt != null && o.NotCollectedAt <= at) || o.AppointmentAt < to),
    };
}
