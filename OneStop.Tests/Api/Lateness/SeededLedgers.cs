using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using OneStop.Api.Demo;
using OneStop.Deadlines;
using OneStop.Lateness;
using OneStop.Persistence;

namespace OneStop.Tests.Api.Lateness;

/// <summary>What the dashboard's equality tests start from and compare: seeded ledgers in the demo province, the daily rollup as lines.</summary>
internal static class SeededLedgers
{
    /// <summary>
    /// Seeds <paramref name="count"/> synthetic dossiers (<see cref="SyntheticDossiers"/>) in the demo's two communes
    /// with the first four procedure versions, accepted between <paramref name="from"/> and <paramref name="now"/>;
    /// returns the province's path and how many were added.
    /// </summary>
    public static async Task<(string Province, int Added)> SeedAsync(OneStopApiFactory factory, int count, int seed, Instant from, Instant now)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var agencies = await db.Agencies.Where(a => a.Id == DemoData.DongDaId || a.Id == DemoData.HoaBinhId).ToListAsync();
        var versions = await db.ProcedureVersions.OrderBy(v => v.Id).Take(4).ToListAsync();
        var province = (await db.Agencies.SingleAsync(a => a.Id == DemoData.ProvinceId)).Path;
        var added = await SyntheticDossiers.SeedAsync(
            db, scope.ServiceProvider.GetRequiredService<AgencyDeadlines>(), agencies, versions, count, seed, from, now, CancellationToken.None);
        return (province, added);
    }

    /// <summary>The daily rollups' rows (outcomes that count anything, and patterns), each as one line, in order: two states compare as lists.</summary>
    public static async Task<List<string>> RollupRowsAsync(OneStopDbContext db) =>
        (await db.Set<OutcomeDay>().AsNoTracking().ToListAsync())
            .Where(d => d.Accepted + d.Ended > 0)
            .Select(d => string.Join('|', d.AgencyId, d.Day, d.Unit, d.ProcedureCode, d.Clerk, d.Accepted, d.Ended, d.Early, d.OnTime, d.Late, d.PaperOnTime, d.Refused, d.Stopped, d.Listed, d.Differs))
            .Concat((await db.Set<PatternDay>().AsNoTracking().ToListAsync()).Select(d => string.Join('|',
                "pattern", d.AgencyId, d.Day, d.Actor, d.Unit, d.ActorDossiers, d.UnitDossiers, d.Events, d.DeclaredEarlier, d.NearTolerance, d.BeyondTolerance,
                d.EarlierMinutes, d.Reissues, d.Supplements, d.SupplementsOutOfWindow, d.Results, d.ResultsLastHour)))
            .Order(StringComparer.Ordinal).ToList();
}
