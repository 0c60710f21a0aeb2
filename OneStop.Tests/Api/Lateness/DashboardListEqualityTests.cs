using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using OneStop.Calendar;
using OneStop.Jobs.Lateness;
using OneStop.Lateness;
using OneStop.Tests.Persistence;

namespace OneStop.Tests.Api.Lateness;

/// <summary>
/// On randomly seeded ledgers: the list behind each count (<see cref="CountCategory"/>) holds exactly the dossiers the
/// per-dossier audits count there, and the patterns per clerk and per unit (SQL sums over the stored per-actor rows)
/// equal the sums of the per-dossier audits' patterns.
/// </summary>
public abstract class DashboardListEqualityScenarios<TFactory>(TFactory factory)
    where TFactory : OneStopApiFactory
{
    private static readonly Instant Now = OfficeTime.ToInstant(new LocalDateTime(2025, 6, 16, 10, 0));

    protected TFactory Factory { get; } = factory;

    protected async Task ListsAndPatternsEqualAuditsAsync(int seed)
    {
        await Factory.ClientForAsync("giamsat");
        Factory.Clock.Reset(Now);
        var (province, _) = await SeededLedgers.SeedAsync(Factory, 200, seed, OfficeTime.ToInstant(new LocalDateTime(2024, 12, 2, 0, 0)), Now);

        // A period that contains now and one that ended in the past.
        await SameAsync(province, new LocalDate(2025, 4, 1), new LocalDate(2025, 6, 30));
        await SameAsync(province, new LocalDate(2025, 1, 1), new LocalDate(2025, 3, 31));

        // The patterns (as known now): whole days from their daily rollup, partial days and open dossiers from rows.
        var patterns = await PatternsSameAsync(province, Day(2025, 4, 1), Day(2025, 7, 1));
        Assert.True(patterns.Sum(p => p.Counts.Events) > 0);
        Assert.True(patterns.Sum(p => p.Counts.Results) > 0);
        await PatternsSameAsync(province, Day(2025, 1, 1), Day(2025, 4, 1));
        await PatternsSameAsync(province, Office(2025, 2, 3, 14, 37), Office(2025, 5, 20, 9, 12));
        await PatternsSameAsync(province, Office(2025, 6, 10, 16, 0), Now + Duration.FromHours(3));
        await PatternsSameAsync(province, Office(2025, 5, 14, 8, 0), Office(2025, 5, 14, 15, 30));
    }

    private static Instant Day(int year, int month, int day) => OfficeTime.ToInstant(new LocalDate(year, month, day).AtMidnight());

    private static Instant Office(int year, int month, int day, int hour, int minute) => OfficeTime.ToInstant(new LocalDateTime(year, month, day, hour, minute));

    private async Task SameAsync(string path, LocalDate fromDate, LocalDate toDate)
    {
        var from = OfficeTime.ToInstant(fromDate.AtMidnight());
        var to = OfficeTime.ToInstant(toDate.PlusDays(1).AtMidnight());
        using var scope = Factory.Services.CreateScope();
        var indicators = scope.ServiceProvider.GetRequiredService<OutcomeIndicators>();
        var audited = (await scope.ServiceProvider.GetRequiredService<LatenessService>().AuditSubtreeAsync(path, to, CancellationToken.None))
            .Where(d => (d.Audit.ResultAt ?? d.Audit.ClosedAt) is not { } end || end >= from).ToList();
        var count = new LatenessIndicators();
        foreach (var category in Enum.GetValues<CountCategory>())
        {
            var expected = audited.Where(d => CountCategories.Of(count.Count([d], from, to), category) == 1).Select(d => d.Code).Order(StringComparer.Ordinal).ToList();
            var listed = new List<string>();
            for (var p = 1; ; p++)
            {
                var page = await indicators.CategoryPageAsync(path, from, to, category, p, ListFilter.None, CancellationToken.None);
                listed.AddRange(page.Items.Select(d => d.Code));
                if (page.Items.Count < page.PageSize)
                {
                    Assert.Equal(page.Total, listed.Count);
                    break;
                }
            }

            Assert.True(expected.SequenceEqual(listed.Order(StringComparer.Ordinal)), $"{category}: expected {expected.Count}, listed {listed.Count}");
        }

    }

    /// <summary>The patterns of [from, to) equal the sums of the per-dossier audits' (now) of the dossiers it handles: accepted before its end, not finished before its start.</summary>
    private async Task<IReadOnlyList<PatternGroup>> PatternsSameAsync(string path, Instant from, Instant to)
    {
        using var scope = Factory.Services.CreateScope();
        var audited = (await scope.ServiceProvider.GetRequiredService<LatenessService>().AuditSubtreeAsync(path, Factory.Clock.GetCurrentInstant(), CancellationToken.None))
            .Where(d => d.Audit.AcceptedAt < to && ((d.Audit.ResultAt ?? d.Audit.ClosedAt) is not { } end || end >= from)).ToList();
        var stored = await scope.ServiceProvider.GetRequiredService<PatternIndicators>().SummariseAsync(path, from, to, CancellationToken.None);
        var byClerk = audited.SelectMany(d => d.Audit.Patterns.Select(p => (d.Code, Pattern: p))).GroupBy(x => x.Pattern.Actor, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Sum(g.Select(x => x.Pattern), g.Select(x => x.Code).Distinct().Count()), StringComparer.Ordinal);
        Assert.Equal(byClerk.Keys.Order(StringComparer.Ordinal), stored.ByClerk.Select(g => g.Key));
        foreach (var g in stored.ByClerk)
        {
            Assert.Equal(byClerk[g.Key], Raw(g.Counts));
        }

        var byUnit = audited.SelectMany(d => d.Audit.Patterns.Select(p => (d.Code, Key: d.AgencyElectronicId + "/" + p.Unit, Pattern: p))).GroupBy(x => x.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Sum(g.Select(x => x.Pattern), g.Select(x => x.Code).Distinct().Count()), StringComparer.Ordinal);
        Assert.Equal(byUnit.Keys.Order(StringComparer.Ordinal), stored.ByUnit.Select(g => g.Key));
        foreach (var g in stored.ByUnit)
        {
            Assert.Equal(byUnit[g.Key], Raw(g.Counts));
        }

        return stored.ByClerk;
    }

    private static long[] Sum(IEnumerable<ActorPattern> patterns, int dossiers)
    {
        var list = patterns.ToList();
        return
        [
            dossiers, list.Sum(p => p.Events), list.Sum(p => p.DeclaredEarlier), list.Sum(p => p.NearTolerance), list.Sum(p => p.BeyondTolerance), list.Sum(p => p.EarlierMinutes),
            list.Sum(p => p.Reissues), list.Sum(p => p.Supplements), list.Sum(p => p.SupplementsOutOfWindow), list.Sum(p => p.Results), list.Sum(p => p.ResultsLastHour),
        ];
    }

    private static long[] Raw(PatternCounts c) =>
        [c.Dossiers, c.Events, c.DeclaredEarlier, c.NearTolerance, c.BeyondTolerance, c.EarlierMinutes, c.Reissues, c.Supplements, c.SupplementsOutOfWindow, c.Results, c.ResultsLastHour];
}

/// <summary>On the embedded default (SQLite).</summary>
public sealed class DashboardListEqualityTests() : DashboardListEqualityScenarios<OneStopApiFactory>(new OneStopApiFactory()), IDisposable
{
    [Fact]
    public Task ListsAndPatterns_RandomLedgers_EqualPerDossierAudits() => ListsAndPatternsEqualAuditsAsync(23);

    public void Dispose() => Factory.Dispose();
}

/// <summary>On PostgreSQL: a new database per test.</summary>
[Collection("postgres")]
public sealed class PostgresDashboardListEqualityTests(PostgresCluster cluster)
    : DashboardListEqualityScenarios<PostgresApiFactory>(new PostgresApiFactory(cluster)), IDisposable
{
    [PostgresFact]
    public Task ListsAndPatterns_RandomLedgers_EqualPerDossierAudits() => ListsAndPatternsEqualAuditsAsync(23);

    public void Dispose() => Factory.Dispose();
}
