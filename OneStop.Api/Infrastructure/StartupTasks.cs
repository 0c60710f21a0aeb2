using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using OneStop.Agencies;
using OneStop.Api.Demo;
using OneStop.Calendar;
using OneStop.Jobs.Calendar;
using OneStop.Persistence;
using OneStop.Users;

namespace OneStop.Api.Infrastructure;

/// <summary>
/// What runs before the host serves: migrations (the embedded default only; servers use the <c>migrate</c>
/// command), the calendar notices seed, roles, the first administrator from configuration, the demo data, the
/// Data Protection key ring's first key, the search index of older dossiers, the working calendar rebuilt from the
/// stored notices (through <see cref="CalendarRefreshJob"/>, which then knows the revision it loaded), and the units'
/// catalogues (<see cref="UnitCatalogueMigration"/>).
/// </summary>
public static class StartupTasks
{
    public static async Task PrepareAsync(IServiceProvider root, bool migrate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(root);
        await using var scope = root.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<OneStopDbContext>();
        var configuration = services.GetRequiredService<IConfiguration>();
        var now = services.GetRequiredService<IClock>().GetCurrentInstant();
        if (migrate)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        await SqliteWriteGate.UseWriteAheadLogAsync(db, cancellationToken);

        if (!await db.CalendarNotices.AnyAsync(cancellationToken))
        {
            db.CalendarNotices.AddRange(CalendarNoticeFile.LoadSeed().Select(n => new CalendarNoticeRecord(n, 1, now, "seed")));
            await db.SaveChangesAsync(cancellationToken);
        }

        // The calendar of the stored notices, with their revision, before anything computes a due with it.
        services.GetRequiredService<WorkingCalendarProvider>().Rebuild(await db.CalendarNotices.AsNoTracking().ToListAsync(cancellationToken));
        var roles = services.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role));
            }
        }

        if (configuration.GetValue("Demo:Enabled", false))
        {
            await DemoData.SeedAsync(services, now, cancellationToken);
        }

        await BootstrapAdministratorAsync(services, configuration, cancellationToken);
        DataProtectionSetup.EnsureKeyRing(services);
        await services.GetRequiredService<CalendarRefreshJob>().RunAsync(cancellationToken);

        // Dossiers saved before the search index existed get their folded names and blind-index entries.
        await services.GetRequiredService<OneStop.Api.Search.DossierSearchBackfill>().RunAsync(cancellationToken);

        // Ledgers of the first, unkeyed version are re-chained under the ledger key once (recorded in each ledger).
        await services.GetRequiredService<OneStop.Jobs.Ledger.LedgerMigration>().RunAsync(cancellationToken);

        // Free-text units of earlier versions become each agency's catalogue (idempotent).
        await UnitCatalogueMigration.RunAsync(db, now, cancellationToken);
    }

    /// <summary>
    /// <c>Bootstrap:Admin:UserName</c> and <c>Bootstrap:Admin:Password</c> create the first administrator (with
    /// <c>Bootstrap:Agency:Name</c> and <c>Bootstrap:Agency:ElectronicId</c> as its agency when there is none yet).
    /// Nothing is hard-coded; nothing happens when the user exists.
    /// </summary>
    public static async Task BootstrapAdministratorAsync(IServiceProvider services, IConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var userName = configuration["Bootstrap:Admin:UserName"];
        var password = configuration["Bootstrap:Admin:Password"];
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrWhiteSpace(password))
        {
            return;
        }

        await CreateAdministratorAsync(services, userName, password, configuration["Bootstrap:Agency:Name"], configuration["Bootstrap:Agency:ElectronicId"], cancellationToken);
    }

    /// <summary>Creates an administrator at the root agency (created from the arguments when there is none).</summary>
    public static async Task<string> CreateAdministratorAsync(
        IServiceProvider services, string userName, string password, string? agencyName, string? agencyElectronicId, CancellationToken cancellationToken)
    {
        var users = services.GetRequiredService<UserManager<StaffUser>>();
        if (await users.FindByNameAsync(userName) is not null)
        {
            return $"User {userName} already exists.";
        }

        var db = services.GetRequiredService<OneStopDbContext>();
        var root = await db.Agencies.Where(a => a.ParentId == null).OrderBy(a => a.Name).FirstOrDefaultAsync(cancellationToken);
        if (root is null)
        {
            if (string.IsNullOrWhiteSpace(agencyName) || string.IsNullOrWhiteSpace(agencyElectronicId))
            {
                throw new InvalidOperationException("There is no agency yet: give the root agency's name and electronic id too.");
            }

            root = new Agency(Guid.NewGuid(), agencyName, agencyElectronicId, null);
            db.Agencies.Add(root);
            await db.SaveChangesAsync(cancellationToken);
        }

        var user = new StaffUser { UserName = userName, FullName = userName, AgencyId = root.Id };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("The administrator was not created: " + string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, Roles.Admin);
        return $"Administrator {userName} created at {root.Name}.";
    }
}
