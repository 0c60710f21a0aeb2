using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using OneStop.Calendar;
using OneStop.Deadlines;
using OneStop.Dossiers;
using OneStop.Notifications;
using OneStop.Persistence;
using OneStop.Tests.Api;

namespace OneStop.Tests.Worker;

/// <summary>
/// The API host (its in-process Hangfire server off, as in every API test): the tests call the jobs themselves,
/// with the clock where they put it, and seed and read the database directly. <paramref name="settings"/> adds or overrides settings.
/// </summary>
public sealed class WorkerApiFactory(IDictionary<string, string?>? settings = null) : OneStopApiFactory
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var all = base.Settings;

            // The worker tests count the dossiers the jobs touch: only their own.
            all["Demo:Dossiers"] = "false";
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                all[key] = value;
            }

            return all;
        }
    }

    /// <summary>Counts the committed transactions of every context of the host; <see cref="CommitCounter.OnCommitted"/> lets a test act after one.</summary>
    public CommitCounter Commits { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
            services.ConfigureDbContext<SqliteOneStopDbContext>(o => o.AddInterceptors(Commits), ServiceLifetime.Singleton));
    }

    public T Job<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Runs <paramref name="action"/> on a fresh context.</summary>
    public async Task<T> WithDbAsync<T>(Func<OneStopDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<OneStopDbContext>());
    }

    /// <summary>
    /// Registers <paramref name="count"/> dossiers directly (no HTTP) at the demo agency Đống Đa, accepted at the
    /// clock's time, with <paramref name="amount"/> working days; returns their codes. A citizen who gives an e-mail
    /// address or a phone consents to the notices on it.
    /// </summary>
    public Task<List<string>> SeedAsync(int count, int amount = 5, string? email = null, string? phone = null) => WithDbAsync(async db =>
    {
        var agency = await db.Agencies.SingleAsync(a => a.ElectronicId == "000.00.12.H99");
        var version = await db.ProcedureVersions.OrderBy(v => v.Id).FirstAsync();
        var calculator = new DeadlineCalculator(Services.GetRequiredService<WorkingCalendarProvider>().Current);
        var now = Clock.GetCurrentInstant();
        var codes = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var code = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"SEED-{Guid.NewGuid():N}");
            var registration = new DossierRegistration(code, i + 1, agency.Id, version.Id, new ProcessingTime(amount, DurationUnit.WorkingDays), CountingMode.WorkingHours, Channel.Counter,
                new Person("Trần Văn An", null, phone, "Hà Nội", email), null, [],
                NoticeChannels: (email is null ? CitizenChannels.None : CitizenChannels.Email) | (phone is null ? CitizenChannels.None : CitizenChannels.Gateway));
            db.Dossiers.Add(Dossier.Register(registration, DossierAction.Now("motcua", now), calculator, OfficeHours.Default));
            codes.Add(code);
        }

        await db.SaveChangesAsync();
        return codes;
    });

    public Task<Dossier> DossierAsync(string code) =>
        WithDbAsync(db => db.Dossiers.AsNoTracking().SingleAsync(d => d.Code == code));

    public Task<List<DossierEvent>> EventsAsync(string code, DossierEventKind kind) => WithDbAsync(async db =>
    {
        var id = await db.Dossiers.Where(d => d.Code == code).Select(d => d.Id).SingleAsync();
        return await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == id && e.Kind == kind).OrderBy(e => e.Sequence).ToListAsync();
    });

    /// <summary>Hands a dossier over from the desk to <paramref name="unit"/> now, with a step budget in working hours.</summary>
    public Task<int> HandOverAsync(string code, string unit, int? budgetHours) => WithDbAsync(async db =>
    {
        var dossier = await db.Dossiers.Include(d => d.Handovers).SingleAsync(d => d.Code == code);
        var calculator = new DeadlineCalculator(Services.GetRequiredService<WorkingCalendarProvider>().Current);
        dossier.HandOver(unit, "motcua", "chuyenvien", budgetHours, DossierAction.Now("motcua", Clock.GetCurrentInstant()), calculator, OfficeHours.Default);
        return await db.SaveChangesAsync();
    });

    /// <summary>The officer records the dossier's result as ready now.</summary>
    public Task<int> MarkResultReadyAsync(string code) => WithDbAsync(async db =>
    {
        var dossier = await db.Dossiers.SingleAsync(d => d.Code == code);
        dossier.MarkResultReady(null, DossierAction.Now("chuyenvien", Clock.GetCurrentInstant()));
        return await db.SaveChangesAsync();
    });

    public void MoveClockTo(int year, int month, int day, int hour, int minute = 0) =>
        Clock.Reset(OfficeTime.ToInstant(new LocalDateTime(year, month, day, hour, minute)));
}

/// <summary>Counts committed transactions (a worker batch is one) and calls <see cref="OnCommitted"/> with the running count.</summary>
public sealed class CommitCounter : DbTransactionInterceptor
{
    private int _count;

    public Action<int>? OnCommitted { get; set; }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        OnCommitted?.Invoke(Interlocked.Increment(ref _count));
        return base.TransactionCommittedAsync(transaction, eventData, cancellationToken);
    }
}
