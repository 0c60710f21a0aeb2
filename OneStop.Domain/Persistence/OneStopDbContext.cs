using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using OneStop.Agencies;
using OneStop.Calendar;
using OneStop.Dossiers;
using OneStop.Procedures;
using OneStop.Users;

namespace OneStop.Persistence;

/// <summary>
/// The one model, shared by three providers. Each provider has a subclass (<see cref="SqliteOneStopDbContext"/>,
/// <see cref="PostgresOneStopDbContext"/>, <see cref="SqlServerOneStopDbContext"/>) that owns its migration set.
/// </summary>
public abstract class OneStopDbContext(DbContextOptions options, PersonalDataCipher cipher)
    : IdentityDbContext<StaffUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<Procedure> Procedures => Set<Procedure>();

    public DbSet<ProcedureVersion> ProcedureVersions => Set<ProcedureVersion>();

    public DbSet<Dossier> Dossiers => Set<Dossier>();

    public DbSet<DossierEvent> DossierEvents => Set<DossierEvent>();

    public DbSet<Receipt> Receipts => Set<Receipt>();

    public DbSet<SupplementRequest> SupplementRequests => Set<SupplementRequest>();

    public DbSet<Apology> Apologies => Set<Apology>();

    public DbSet<Handover> Handovers => Set<Handover>();

    public DbSet<CitizenVisit> CitizenVisits => Set<CitizenVisit>();

    public DbSet<CalendarNoticeRecord> CalendarNotices => Set<CalendarNoticeRecord>();

    public DbSet<SequenceCounter> SequenceCounters => Set<SequenceCounter>();

    public DbSet<PersonalDataRead> PersonalDataReads => Set<PersonalDataRead>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    /// <summary>Moves the events that tracked dossiers appended into the ledger, then saves.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        AddPendingEvents();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc cref="SaveChanges(bool)"/>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AddPendingEvents();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
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

    private void AddPendingEvents()
    {
        foreach (var dossier in ChangeTracker.Entries<Dossier>().Select(e => e.Entity).ToList())
        {
            DossierEvents.AddRange(dossier.TakePendingEvents());
        }
    }
}

/// <summary>The embedded default's context: SQLite.</summary>
public sealed class SqliteOneStopDbContext(DbContextOptions<SqliteOneStopDbContext> options, PersonalDataCipher cipher)
    : OneStopDbContext(options, cipher);

/// <summary>The server database the tests use for real: PostgreSQL.</summary>
public sealed class PostgresOneStopDbContext(DbContextOptions<PostgresOneStopDbContext> options, PersonalDataCipher cipher)
    : OneStopDbContext(options, cipher);

/// <summary>Production: SQL Server.</summary>
public sealed class SqlServerOneStopDbContext(DbContextOptions<SqlServerOneStopDbContext> options, PersonalDataCipher cipher)
    : OneStopDbContext(options, cipher);
