using Microsoft.EntityFrameworkCore;
using OneStop.Api.Dossiers;
using OneStop.Persistence;

namespace OneStop.Tests.Persistence;

/// <summary>The atomic counter statement and the grouped draws, on both databases.</summary>
[Collection("postgres")]
public sealed class SequenceCounterTests(PostgresCluster cluster)
{
    private static readonly string[] Keys = ["code:H40.12.01-250602-", "book:agency:2025"];

    [Fact]
    public async Task DrawAsync_FortyAtOnceOnSqlite_GivesOneToFortyFromEachCounter()
    {
        using var database = await TestDatabase.Sqlite().MigrateAsync();
        await FortyAtOnceAsync(database, (db, keys) => SequenceCounters.DrawAsync(db, keys, 1, CancellationToken.None));
    }

    [PostgresFact]
    public async Task DrawAsync_FortyAtOnceOnPostgres_GivesOneToFortyFromEachCounter()
    {
        using var database = await (await TestDatabase.PostgresAsync(cluster)).MigrateAsync();
        await FortyAtOnceAsync(database, (db, keys) => SequenceCounters.DrawAsync(db, keys, 1, CancellationToken.None));
    }

    [PostgresFact]
    public async Task GroupedDraw_FortyAtOnceOnPostgres_GivesOneToFortyFromEachCounter()
    {
        using var database = await (await TestDatabase.PostgresAsync(cluster)).MigrateAsync();
        var groups = new CounterGroups();
        await FortyAtOnceAsync(database, groups.DrawAsync);
    }

    [Fact]
    public async Task GroupedDraw_FortyAtOnceOnSqlite_GivesOneToFortyFromEachCounter()
    {
        using var database = await TestDatabase.Sqlite().MigrateAsync();
        var groups = new CounterGroups();
        await FortyAtOnceAsync(database, groups.DrawAsync);
    }

    [Fact]
    public async Task DrawAsync_Count_TakesThatManyNumbers()
    {
        using var database = await TestDatabase.Sqlite().MigrateAsync();
        await using var db = database.NewContext();

        var first = await SequenceCounters.DrawAsync(db, Keys, 3, CancellationToken.None);
        var second = await SequenceCounters.DrawAsync(db, Keys, 1, CancellationToken.None);

        Assert.Equal([3L, 3L], first);
        Assert.Equal([4L, 4L], second);
    }

    [Fact]
    public async Task RaiseAsync_BelowOrAboveTheValue_OnlyEverMovesUp()
    {
        using var database = await TestDatabase.Sqlite().MigrateAsync();
        await using var db = database.NewContext();
        await SequenceCounters.DrawAsync(db, Keys, 5, CancellationToken.None);

        await SequenceCounters.RaiseAsync(db, Keys[0], 2, CancellationToken.None);
        await SequenceCounters.RaiseAsync(db, Keys[1], 9_998, CancellationToken.None);

        var next = await SequenceCounters.DrawAsync(db, Keys, 1, CancellationToken.None);

        Assert.Equal([6L, 9_999L], next);
    }

    [Fact]
    public async Task DrawAsync_InATransactionThatRollsBack_ReturnsTheNumbers()
    {
        using var database = await TestDatabase.Sqlite().MigrateAsync();
        await using var db = database.NewContext();
        await SequenceCounters.DrawAsync(db, Keys, 1, CancellationToken.None);

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var inside = await SequenceCounters.DrawAsync(db, Keys, 1, CancellationToken.None);
            Assert.Equal([2L, 2L], inside);
            await transaction.RollbackAsync();
        }

        var after = await SequenceCounters.DrawAsync(db, Keys, 1, CancellationToken.None);
        Assert.Equal([2L, 2L], after);
    }

    private static async Task FortyAtOnceAsync(TestDatabase database, Func<OneStopDbContext, string[], Task<long[]>> draw)
    {
        var contexts = Enumerable.Range(0, 40).Select(_ => database.NewContext()).ToList();
        try
        {
            using var start = new SemaphoreSlim(0);
            var draws = contexts.Select(async db =>
            {
                await start.WaitAsync();
                return await draw(db, Keys);
            }).ToList();
            start.Release(contexts.Count);

            var drawn = await Task.WhenAll(draws);

            Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), drawn.Select(d => d[0]).Order());
            Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), drawn.Select(d => d[1]).Order());
            await using var check = database.NewContext();
            Assert.Equal(40, await check.SequenceCounters.Where(c => c.Key == Keys[0]).Select(c => c.Value).SingleAsync());
        }
        finally
        {
            foreach (var db in contexts)
            {
                await db.DisposeAsync();
            }
        }
    }
}
