using System.Data.Common;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using NodaTime;
using OneStop.Agencies;
using OneStop.Calendar;
using OneStop.Dossiers;
using OneStop.Notifications;
using OneStop.Procedures;
using OneStop.Ratings;
using OneStop.Sla;
using OneStop.Users;

namespace OneStop.Persistence;

/// <summary>
/// The one model, shared by three providers. Each provider has a subclass (<see cref="SqliteOneStopDbContext"/>,
/// <see cref="PostgresOneStopDbContext"/>, <see cref="SqlServerOneStopDbContext"/>) that owns its migration set.
/// </summary>
public abstract class OneStopDbContext(DbContextOptions options, PersonalDataCipher cipher, LedgerKeyRing ledgerKeys)
    : IdentityDbContext<StaffUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Agency> Agencies => Set<Agency>();

    /// <summary>Each agency's catalogue of units (departments).</summary>
    public DbSet<AgencyUnit> AgencyUnits => Set<AgencyUnit>();

    public DbSet<Procedure> Procedures => Set<Procedure>();

    public DbSet<ProcedureVersion> ProcedureVersions => Set<ProcedureVersion>();

    public DbSet<Dossier> Dossiers => Set<Dossier>();

    public DbSet<DossierEvent> DossierEvents => Set<DossierEvent>();

    /// <summary>The keyed blind index of applicants' and proxies' id numbers and phones (<see cref="DossierSearchIndex"/>).</summary>
    public DbSet<DossierBlindIndexEntry> DossierBlindIndex => Set<DossierBlindIndexEntry>();

    public DbSet<Receipt> Receipts => Set<Receipt>();

    public DbSet<SupplementRequest> SupplementRequests => Set<SupplementRequest>();

    public DbSet<Apology> Apologies => Set<Apology>();

    public DbSet<Handover> Handovers => Set<Handover>();

    public DbSet<CitizenVisit> CitizenVisits => Set<CitizenVisit>();

    public DbSet<CalendarNoticeRecord> CalendarNotices => Set<CalendarNoticeRecord>();

    public DbSet<SequenceCounter> SequenceCounters => Set<SequenceCounter>();

    public DbSet<PersonalDataRead> PersonalDataReads => Set<PersonalDataRead>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<RestatementRecord> Restatements => Set<RestatementRecord>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    /// <summary>The ASP.NET Core Data Protection key ring, shared by every API instance on this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<CitizenRating> CitizenRatings => Set<CitizenRating>();

    /// <summary>Seals the events that tracked dossiers appended under the current ledger key, adds them to the ledger, then saves.</summary>
    /// <exception cref="DbUpdateConcurrencyException">Another writer changed one of the dossiers since it was loaded.</exception>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        IndexAddedDossiers();
        AddPendingEvents();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && StaleDossiers() is { Count: > 0 } stale)
        {
            throw SecondWriter(e, stale);
        }
    }

    /// <inheritdoc cref="SaveChanges(bool)"/>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        IndexAddedDossiers();
        AddPendingEvents();
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && StaleDossiers() is { Count: > 0 } stale)
        {
            throw SecondWriter(e, stale);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<Instant>().HaveConversion<InstantConverter>();
        configurationBuilder.Properties<LocalTime>().HaveConversion<LocalTimeConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(OneStopDbContext).Assembly);
        new Configurations.DossierConfiguration(cipher).Configure(builder.Entity<Dossier>());
    }

    // A second writer of a dossier appends an event with the same sequence as the first. EF orders the commands
    // by table name, so that event's insert ("DossierEvents") runs before the dossier's Version-checked update
    // ("Dossiers") and fails on the unique (DossierId, Sequence) index: a plain DbUpdateException. When a dossier
    // of the save really moved on in the database, that failure is the concurrency conflict it is, and callers
    // get one exception type for it (409 in the API).
    private List<EntityEntry> StaleDossiers()
    {
        var stale = new List<EntityEntry>();
        try
        {
            foreach (var entry in ChangeTracker.Entries<Dossier>().Where(e => e.State == EntityState.Modified))
            {
                var loaded = entry.Property(d => d.Version).OriginalValue;
                var id = entry.Entity.Id;
                var current = Dossiers.AsNoTracking().Where(d => d.Id == id).Select(d => (int?)d.Version).SingleOrDefault();
                if (current != loaded)
                {
                    stale.Add(entry);
                }
            }
        }
        catch (DbException)
        {
            // The connection is unusable (e.g. the caller's PostgreSQL transaction is aborted): keep the original error.
            return [];
        }

        return stale;
    }

    // Entries stays empty: filling it needs EF's internal entry type (EF1001). Callers reload the dossier anyway.
    private static DbUpdateConcurrencyException SecondWriter(DbUpdateException e, List<EntityEntry> stale) =>
        new($"Another writer changed dossier {string.Join(", ", stale.Select(s => ((Dossier)s.Entity).Code))} since it was loaded; reload it and try again.", e);

    private void IndexAddedDossiers()
    {
        foreach (var dossier in ChangeTracker.Entries<Dossier>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList())
        {
            DossierSearchIndex.Write(this, dossier, cipher.BlindIndex);
        }
    }

    private void AddPendingEvents()
    {
        foreach (var dossier in ChangeTracker.Entries<Dossier>().Select(e => e.Entity).ToList())
        {
            var events = dossier.TakePendingEvents(ledgerKeys);
            DossierEvents.AddRange(events);
            if (events.Count > 0)
            {
                // The stored outcome follows the ledger: queued in the same transaction, drained within seconds.
                Set<Lateness.OutcomeRefresh>().Add(new Lateness.OutcomeRefresh(dossier.Id, events[^1].RecordedAt));

                // The citizen is told of each change of status, in the same transaction as the event (one rule).
                OutboxMessages.AddRange(CitizenNoticeRule.Messages(dossier.Id, dossier.Code, dossier.AgencyId, dossier.NoticeChannels, events));
            }
        }
    }
}

/// <summary>The embedded default's context: SQLite.</summary>
public sealed class SqliteOneStopDbContext(DbContextOptions<SqliteOneStopDbContext> options, PersonalDataCipher cipher, LedgerKeyRing ledgerKeys)
    : OneStopDbContext(options, cipher, ledgerKeys);

/// <summary>The server database the tests use for real: PostgreSQL.</summary>
public sealed class PostgresOneStopDbContext(DbContextOptions<PostgresOneStopDbContext> options, PersonalDataCipher cipher, LedgerKeyRing ledgerKeys)
    : OneStopDbContext(options, cipher, ledgerKeys);

/// <summary>Production: SQL Server.</summary>
public sealed class SqlServerOneStopDbContext(DbContextOptions<SqlServerOneStopDbContext> options, PersonalDataCipher cipher, LedgerKeyRing ledgerKeys)
    : OneStopDbContext(options, cipher, ledgerKeys);
