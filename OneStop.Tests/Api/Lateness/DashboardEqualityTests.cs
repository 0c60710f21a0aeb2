using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using OneStop.Calendar;
using OneStop.Jobs.Lateness;
using OneStop.Lateness;
using OneStop.Persistence;
using OneStop.Tests.Persistence;

namespace OneStop.Tests.Api.Lateness;

/// <summary>
/// The dashboard's SQL aggregates over the stored outcomes equal the sum of the per-dossier audits (every ledger
/// replayed at the same instant), on randomly seeded ledgers: for a period that contains now, for periods that ended
/// in the past (dossiers open then and moved on since), and after time passes without any event (dues passing).
/// </summary>
public abstract class DashboardEqualityScenarios<TFactory>(TFactory factory)
    where TFactory : OneStopApiFactory
{
    private static readonly Instant Now = OfficeTime.ToInstant(new LocalDateTime(2025, 6, 16, 10, 0));

    protected TFactory Factory { get; } = factory;

    protected async Task AggregatesEqualAuditsAsync(int seed)
    {
        await Factory.ClientForAsync("giamsat");
        Factory.Clock.Reset(Now);
        var (province, added) = await SeededLedgers.SeedAsync(Factory, 300, seed, OfficeTime.ToInstant(new LocalDateTime(2024, 12, 2, 0, 0)), Now);
        Assert.True(added > 250);

        await SameAsync(province, new LocalDate(2025, 4, 1), new LocalDate(2025, 6, 30));
        await SameAsync(province, new LocalDate(2025, 1, 1), new LocalDate(2025, 3, 31));
        await SameAsync(province, new LocalDate(2025, 5, 12), new LocalDate(2025, 5, 25));
        await SameAsync(province, new LocalDate(2024, 12, 1), new LocalDate(2025, 6, 30));

        // Periods not aligned on office days (the rollup's edges counted from rows): past, current, within one day.
        await SameAsync(province, Office(2025, 3, 3, 14, 37), Office(2025, 5, 20, 9, 12));
        await SameAsync(province, Office(2025, 6, 10, 16, 0), Now + Duration.FromHours(3));
        await SameAsync(province, Office(2025, 5, 14, 8, 0), Office(2025, 5, 14, 15, 30));
        var random = new Random(seed);
        for (var i = 0; i < 3; i++)
        {
            var start = OfficeTime.ToInstant(new LocalDateTime(2024, 12, 2, 0, 0)) + Duration.FromMinutes(random.Next(0, 190 * 24 * 60));
            await SameAsync(province, start, start + Duration.FromMinutes(random.Next(60, 120 * 24 * 60)));
        }

        await RollupKeptEqualsRebuiltAsync();

        // Dues pass without an event: the stored instants judge the open dossiers at the new instant.
        Factory.Clock.Reset(Now + Duration.FromDays(9));
        await SameAsync(province, new LocalDate(2025, 4, 1), new LocalDate(2025, 6, 30));
        await SameAsync(province, new LocalDate(2025, 6, 1), new LocalDate(2025, 6, 20));

        // The nightly audit rewrites every stored outcome in place (its first run): each reads back as a fresh audit makes it.
        await StoredOutcomesEqualFreshAuditsAsync();
        await SameAsync(province, new LocalDate(2025, 4, 1), new LocalDate(2025, 6, 30));
        await RollupKeptEqualsRebuiltAsync();
    }

    private async Task StoredOutcomesEqualFreshAuditsAsync()
    {
        using var scope = Factory.Services.CreateScope();
        var run = await scope.ServiceProvider.GetRequiredService<LatenessAuditJob>().RunAsync(CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var now = Factory.Clock.GetCurrentInstant();
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.ElectronicId);
        var ids = await db.Dossiers.AsNoTracking().Select(d => d.Id).ToListAsync();
        var fresh = (await scope.ServiceProvider.GetRequiredService<LatenessService>().AuditAsync(ids, now, CancellationToken.None)).ToDictionary(d => d.Audit.DossierId);
        var stored = await db.Set<DossierOutcome>().AsNoTracking().ToListAsync();
        var properties = db.Model.FindEntityType(typeof(DossierOutcome))!.GetProperties().ToList();
        Assert.Equal(ids.Count, run.DossierCount);
        Assert.Equal(ids.Count, stored.Count);
        foreach (var outcome in stored)
        {
            var audited = fresh[outcome.DossierId];
            var agency = agencies[audited.AgencyElectronicId];
            var expected = new DossierOutcome(audited, agency.Id, agency.Path, now);
            foreach (var property in properties)
            {
                Assert.Equal((property.Name, property.GetGetter().GetClrValue(expected)), (property.Name, property.GetGetter().GetClrValue(outcome)));
            }
        }
    }

    private static Instant Office(int year, int month, int day, int hour, int minute) => OfficeTime.ToInstant(new LocalDateTime(year, month, day, hour, minute));

    /// <summary>The daily rollup as kept by the outcome writes equals the rollup rebuilt from the stored outcomes.</summary>
    private async Task RollupKeptEqualsRebuiltAsync()
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var kept = await SeededLedgers.RollupRowsAsync(db);
        await scope.ServiceProvider.GetRequiredService<OutcomeRollup>().RebuildAsync(CancellationToken.None);
        Assert.NotEmpty(kept);
        Assert.Equal(await SeededLedgers.RollupRowsAsync(db), kept);
    }

    private Task SameAsync(string path, LocalDate fromDate, LocalDate toDate) =>
        SameAsync(path, OfficeTime.ToInstant(fromDate.AtMidnight()), OfficeTime.ToInstant(toDate.PlusDays(1).AtMidnight()));

    private async Task SameAsync(string path, Instant from, Instant to)
    {
        using var scope = Factory.Services.CreateScope();
        var indicators = scope.ServiceProvider.GetRequiredService<OutcomeIndicators>();
        var stored = await indicators.SummariseAsync(path, from, to, CancellationToken.None);
        var audited = await scope.ServiceProvider.GetRequiredService<LatenessService>().AuditSubtreeAsync(path, to, CancellationToken.None);
        var replayed = new LatenessIndicators().Summarise(audited, from, to);

        Assert.True(replayed.Totals.Received + replayed.Totals.CarriedOver > 0);
        Assert.Equal(replayed.Totals, stored.Totals);

        // The trend's final figures of the period: its received and finished dossiers as the ledgers stand now.
        var final = new LatenessIndicators().Summarise(
            await scope.ServiceProvider.GetRequiredService<LatenessService>().AuditSubtreeAsync(path, Factory.Clock.GetCurrentInstant(), CancellationToken.None), from, to).Totals;
        Assert.Equal(
            final with { CarriedOver = 0, InProgressOnTime = 0, InProgressDueSoon = 0, InProgressOverdue = 0, NotCollected = 0 },
            await indicators.FinalTotalsAsync(path, from, to, CancellationToken.None));
        Assert.Equal(Groups(replayed.ByAgency), Groups(stored.ByAgency));
        Assert.Equal(Groups(replayed.ByDepartment), Groups(stored.ByDepartment));
        Assert.Equal(Groups(replayed.ByProcedure), Groups(stored.ByProcedure));
        Assert.Equal(Groups(replayed.ByClerk), Groups(stored.ByClerk));
        Assert.Equal(replayed.Weekly, stored.Weekly);
        Assert.Equal(replayed.Late.Count, stored.LateTotal);
        Assert.Equal(replayed.PaperDiffers.Count, stored.PaperDiffersTotal);
        Assert.Equal(replayed.Late.Select(d => d.Code).Order(StringComparer.Ordinal), await AllAsync(p => indicators.LatePageAsync(path, from, to, p, CancellationToken.None)));
        Assert.Equal(replayed.PaperDiffers.Select(d => d.Code).Order(StringComparer.Ordinal), await AllAsync(p => indicators.PaperDiffersPageAsync(path, from, to, p, CancellationToken.None)));

        // The lists narrowed by department, procedure and finding kind equal the audits narrowed the same way.
        var kinds = replayed.Late.Concat(replayed.PaperDiffers).SelectMany(d => d.Audit.Findings.Select(f => f.Kind)).Distinct().Order().Take(3).ToList();
        var filters = replayed.ByDepartment.Take(2).Select(g => new ListFilter(Department: g.Key))
            .Concat(replayed.ByProcedure.Take(2).Select(g => new ListFilter(Procedure: g.Key)))
            .Concat(kinds.Select(k => new ListFilter(Kind: k)))
            .Concat(kinds.Take(1).Select(k => new ListFilter(replayed.ByDepartment[0].Key, replayed.ByProcedure[0].Key, k)))
            .ToList();
        Assert.NotEmpty(kinds);
        foreach (var filter in filters)
        {
            bool Keep(AuditedDossier d) =>
                (filter.Department is null || $"{d.AgencyElectronicId}/{d.Audit.Department}" == filter.Department)
                && (filter.Procedure is null || d.ProcedureCode == filter.Procedure)
                && (filter.Kind is null || d.Audit.Findings.Any(f => f.Kind == filter.Kind));
            Assert.Equal(replayed.Late.Where(Keep).Select(d => d.Code).Order(StringComparer.Ordinal), await AllAsync(p => indicators.LatePageAsync(path, from, to, p, CancellationToken.None, filter)));
            Assert.Equal(replayed.PaperDiffers.Where(Keep).Select(d => d.Code).Order(StringComparer.Ordinal), await AllAsync(p => indicators.PaperDiffersPageAsync(path, from, to, p, CancellationToken.None, filter)));
        }
    }

    private static List<(string, string, IndicatorCounts)> Groups(IEnumerable<IndicatorGroup> groups) =>
        groups.Select(g => (g.Key, g.Name, g.Counts)).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();

    private static async Task<List<string>> AllAsync(Func<int, Task<DossierPage>> page)
    {
        var codes = new List<string>();
        for (var p = 1; ; p++)
        {
            var read = await page(p);
            codes.AddRange(read.Items.Select(d => d.Code));
            if (read.Items.Count < read.PageSize)
            {
                Assert.Equal(read.Total, codes.Count);
                return codes.Order(StringComparer.Ordinal).ToList();
            }
        }
    }
}

/// <summary>On the embedded default (SQLite).</summary>
public sealed class DashboardEqualityTests() : DashboardEqualityScenarios<OneStopApiFactory>(new OneStopApiFactory()), IDisposable
{
    [Theory]
    [InlineData(15)]
    [InlineData(1501)]
    public Task Summary_RandomLedgers_AggregatesEqualPerDossierAudits(int seed) => AggregatesEqualAuditsAsync(seed);

    public void Dispose() => Factory.Dispose();
}

/// <summary>On PostgreSQL: a new database per test.</summary>
[Collection("postgres")]
public sealed class PostgresDashboardEqualityTests(PostgresCluster cluster)
    : DashboardEqualityScenarios<PostgresApiFactory>(new PostgresApiFactory(cluster)), IDisposable
{
    [PostgresTheory]
    [InlineData(15)]
    public Task Summary_RandomLedgers_AggregatesEqualPerDossierAudits(int seed) => AggregatesEqualAuditsAsync(seed);

    public void Dispose() => Factory.Dispose();
}
