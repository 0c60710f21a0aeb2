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
/// Two writers (two API instances or workers) store outcomes of the same agencies and days at once on PostgreSQL: the
/// daily rollup each recomputes under the agency's lock still holds every outcome of both (no lost update), and two
/// refreshers of the same dossiers leave each derived row once.
/// </summary>
[Collection("postgres")]
public sealed class OutcomeRollupConcurrencyTests(PostgresCluster cluster) : IDisposable
{
    private readonly PostgresApiFactory _factory = new(cluster);

    [PostgresFact]
    public async Task RecomputeAsync_TwoConcurrentWriters_RollupEqualsRebuilt()
    {
        await SeedAndDrainAsync(400, 77);
        List<Guid> ids;
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            // Start from nothing stored, so that every outcome is new to both writers' recomputes.
            await db.Set<OutcomeDay>().ExecuteDeleteAsync();
            await db.Set<DossierOutcome>().ExecuteDeleteAsync();
            ids = await db.Dossiers.Select(d => d.Id).OrderBy(id => id).ToListAsync();
        }

        // Interleaved halves: both writers touch the same (agency, day) groups.
        var halves = new[] { ids.Where((_, i) => i % 2 == 0).ToList(), ids.Where((_, i) => i % 2 == 1).ToList() };
        await Task.WhenAll(halves.Select(half => Task.Run(async () =>
        {
            using var scope = _factory.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<LatenessService>().AuditAndStoreAsync(half, CancellationToken.None);
        })));

        using var check = _factory.Services.CreateScope();
        var context = check.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var kept = await SeededLedgers.RollupRowsAsync(context);
        Assert.Equal(ids.Count, await context.Set<DossierOutcome>().CountAsync());
        await check.ServiceProvider.GetRequiredService<OutcomeRollup>().RebuildAsync(CancellationToken.None);
        Assert.NotEmpty(kept);
        Assert.Equal(await SeededLedgers.RollupRowsAsync(context), kept);
    }

    [PostgresFact]
    public async Task AuditAndStoreAsync_TwoRefreshersOfTheSameDossiers_StoreEachDerivedRowOnce()
    {
        await SeedAndDrainAsync(300, 78);
        List<Guid> ids;
        int patterns, findings;
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            ids = await db.Dossiers.Select(d => d.Id).ToListAsync();
            patterns = await db.Set<DossierActorPattern>().CountAsync();
            findings = await db.Set<LatenessFinding>().CountAsync();
        }

        // Both replace the stored rows of every dossier at once (a worker's drain and an API instance's, say).
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            using var scope = _factory.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<LatenessService>().AuditAndStoreAsync(ids, CancellationToken.None);
        })));

        using var check = _factory.Services.CreateScope();
        var context = check.ServiceProvider.GetRequiredService<OneStopDbContext>();
        Assert.True(patterns > 0 && findings > 0);
        Assert.Equal(patterns, await context.Set<DossierActorPattern>().CountAsync());
        Assert.Equal(findings, await context.Set<LatenessFinding>().CountAsync());
        Assert.Equal(ids.Count, await context.Set<DossierOutcome>().CountAsync());
        var kept = await SeededLedgers.RollupRowsAsync(context);
        await check.ServiceProvider.GetRequiredService<OutcomeRollup>().RebuildAsync(CancellationToken.None);
        Assert.Equal(await SeededLedgers.RollupRowsAsync(context), kept);
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>Seeds ledgers over three months and stores their outcomes (the refresh queue drained).</summary>
    private async Task SeedAndDrainAsync(int count, int seed)
    {
        await _factory.ClientForAsync("giamsat");
        var now = OfficeTime.ToInstant(new LocalDateTime(2025, 6, 16, 10, 0));
        _factory.Clock.Reset(now);
        await SeededLedgers.SeedAsync(_factory, count, seed, OfficeTime.ToInstant(new LocalDateTime(2025, 3, 3, 0, 0)), now);
        using var scope = _factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<LatenessService>().DrainRefreshesAsync(CancellationToken.None);
    }
}
