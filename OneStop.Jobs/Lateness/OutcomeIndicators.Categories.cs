using OneStop.Lateness;

namespace OneStop.Jobs.Lateness;

/// <summary>The list behind each count of the dashboard (<see cref="CountCategory"/>), by code, paged and filtered as the late list.</summary>
public sealed partial class OutcomeIndicators
{
    public async Task<DossierPage> CategoryPageAsync(
        string agencyPath, NodaTime.Instant from, NodaTime.Instant to, CountCategory category, int page, ListFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await service.DrainRefreshesAsync(cancellationToken);
        var period = await PeriodAsync(agencyPath, from, to, cancellationToken);
        var replayed = await ReplayedAsync(period, cancellationToken);
        var indicators = new LatenessIndicators();
        filter = await WithUnitNamesAsync(filter, cancellationToken);
        var sql = filter.Apply(Judged(period), period.At).Where(CountCategories.Predicate(category, period.From, period.To, period.At));
        var extra = replayed.Where(d => filter.Matches(d) && CountCategories.Of(indicators.Count([d], period.From, period.To), category) == 1).ToList();
        return await PageAsync(sql.OrderBy(o => o.Code), byDue: false, extra, page, period.At, null, cancellationToken);
    }
}
