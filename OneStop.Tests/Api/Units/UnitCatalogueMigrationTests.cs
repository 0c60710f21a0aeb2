using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Agencies;
using OneStop.Calendar;
using OneStop.Deadlines;
using OneStop.Dossiers;
using OneStop.Persistence;
using static OneStop.Tests.Api.Dossiers.DossierApi;

namespace OneStop.Tests.Api.Units;

/// <summary>
/// A database of an earlier version, where units were free text: the start-up migration makes them catalogue
/// entries, maps users and dossier rows to the catalogue's names, leaves the ledger as it was, and changes
/// nothing the second time.
/// </summary>
public sealed class UnitCatalogueMigrationTests(OneStopApiFactory factory) : IClassFixture<OneStopApiFactory>
{
    [Fact]
    public async Task RunAsync_MessyFreeTextUnits_BecomeOneCatalogueEntryAndRowsAreMapped()
    {
        var clerk = await factory.ClientForAsync("motcua");
        var first = await RegisterAsync(clerk);
        var second = await RegisterAsync(clerk);
        var agencyId = await WithDbAsync(db => db.Agencies.Where(a => a.ElectronicId == UnitApi.DongDa).Select(a => a.Id).SingleAsync());

        // As an earlier version wrote them: hand-overs and users with free-text spellings of one department.
        await HandOverAsync(first, "  Phòng   Kinh tế ");
        await HandOverAsync(second, "phòng kinh tế");
        await WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "chuyenvien");
            user.Unit = "PHÒNG KINH TẾ";
            return await db.SaveChangesAsync();
        });
        var eventsBefore = await WithDbAsync(db => db.DossierEvents.AsNoTracking().OrderBy(e => e.Id).Select(e => e.Details).ToListAsync());

        var changed = await WithDbAsync(db => UnitCatalogueMigration.RunAsync(db, factory.Clock.GetCurrentInstant(), CancellationToken.None));
        var again = await WithDbAsync(db => UnitCatalogueMigration.RunAsync(db, factory.Clock.GetCurrentInstant(), CancellationToken.None));

        Assert.True(changed > 0);
        Assert.Equal(0, again);
        var entries = await WithDbAsync(db => db.AgencyUnits.AsNoTracking().Where(u => u.AgencyId == agencyId && u.Key == "phòng kinh tế").ToListAsync());
        var entry = Assert.Single(entries);
        Assert.Equal("Phòng Kinh tế", entry.Name); // as many rows spell it "phòng kinh tế": the capitalised spelling wins the tie
        Assert.Equal("Phòng Kinh tế", await WithDbAsync(db => db.Users.Where(u => u.UserName == "chuyenvien").Select(u => u.Unit).SingleAsync()));
        Assert.Equal(["Phòng Kinh tế", "Phòng Kinh tế"], await WithDbAsync(db => db.Dossiers.Where(d => d.Code == first || d.Code == second).Select(d => d.CurrentUnit).ToListAsync()));
        Assert.Equal(eventsBefore, await WithDbAsync(db => db.DossierEvents.AsNoTracking().OrderBy(e => e.Id).Select(e => e.Details).ToListAsync()));

        // The rows now read the catalogue's name, the events the old spellings: the ledger still verifies.
        foreach (var code in new[] { first, second })
        {
            using var verify = await GetAsync(clerk, $"/api/dossiers/{code}/verify");
            Assert.True(verify.RootElement.GetProperty("valid").GetBoolean(), verify.RootElement.ToString());
        }

        // New hand-overs pick the entry, whatever the spelling.
        var third = await RegisterAsync(clerk);
        using var handover = await PostAsync(clerk, third, "handovers", new { toUnit = "phòng  KINH tế" });
        Assert.Equal(HttpStatusCode.OK, handover.StatusCode);
        using var state = await ReadAsync(handover);
        Assert.Equal("Phòng Kinh tế", state.RootElement.GetProperty("currentUnit").GetString());
    }

    private Task<int> HandOverAsync(string code, string unit) => WithDbAsync(async db =>
    {
        var dossier = await db.Dossiers.Include(d => d.Handovers).SingleAsync(d => d.Code == code);
        var calculator = new DeadlineCalculator(factory.Services.GetRequiredService<WorkingCalendarProvider>().Current);
        dossier.HandOver(unit, "motcua", "chuyenvien", 8, DossierAction.Now("motcua", factory.Clock.GetCurrentInstant()), calculator, OfficeHours.Default);
        return await db.SaveChangesAsync();
    });

    private async Task<T> WithDbAsync<T>(Func<OneStopDbContext, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<OneStopDbContext>());
    }
}
