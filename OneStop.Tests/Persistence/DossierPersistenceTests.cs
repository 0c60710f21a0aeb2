using Microsoft.EntityFrameworkCore;
using NodaTime;
using OneStop.Agencies;
using OneStop.Calendar;
using OneStop.Deadlines;
using OneStop.Dossiers;
using OneStop.Procedures;

namespace OneStop.Tests.Persistence;

/// <summary>The dossier aggregate saved and read back through each provider's migrated schema.</summary>
[Collection("postgres")]
public sealed class DossierPersistenceTests(PostgresCluster cluster)
{
    private const string IdNumber = "001090012345";
    private const string Phone = "0912345678";

    private static readonly DeadlineCalculator Calculator = new(WorkingCalendar.Build(CalendarNoticeFile.LoadSeed()));

    // Monday 10 March 2025, 09:15:30.250 in Hà Nội: sub-second on purpose, the ledger hash covers the full instant.
    private static readonly Instant AcceptedAt = Instant.FromUtc(2025, 3, 10, 2, 15, 30).PlusNanoseconds(250_000_000);

    [Fact]
    public async Task SaveChanges_RegisteredDossierOnSqlite_RoundTrips()
    {
        using var database = await TestDatabase.Sqlite().MigrateAsync();
        await RegisteredDossier_RoundTrips(database);
    }

    [PostgresFact]
    public async Task SaveChanges_RegisteredDossierOnPostgres_RoundTrips()
    {
        using var database = await (await TestDatabase.PostgresAsync(cluster)).MigrateAsync();
        await RegisteredDossier_RoundTrips(database);
    }

    [Fact]
    public async Task SaveChanges_SecondWriterOnSqlite_ThrowsConcurrencyException()
    {
        using var database = await TestDatabase.Sqlite().MigrateAsync();
        await SecondWriter_Throws(database);
    }

    [PostgresFact]
    public async Task SaveChanges_SecondWriterOnPostgres_ThrowsConcurrencyException()
    {
        using var database = await (await TestDatabase.PostgresAsync(cluster)).MigrateAsync();
        await SecondWriter_Throws(database);
    }

    private static async Task RegisteredDossier_RoundTrips(TestDatabase database)
    {
        var id = await RegisterAsync(database);

        // A second request hands the dossier over: the ledger grows across contexts.
        await using (var context = database.NewContext())
        {
            var dossier = await context.Dossiers.SingleAsync(d => d.Id == id);
            var at = AcceptedAt + Duration.FromHours(1);
            dossier.HandOver("Phòng Tư pháp", "desk.clerk", "justice.officer", 8, new DossierAction("desk.clerk", at, at), Calculator, OfficeHours.Default);
            await context.SaveChangesAsync();
        }

        await using (var context = database.NewContext())
        {
            var dossier = await context.Dossiers.AsNoTracking().SingleAsync(d => d.Id == id);
            var events = await context.DossierEvents.AsNoTracking().Where(e => e.DossierId == id).OrderBy(e => e.Sequence).ToListAsync();

            Assert.Equal([DossierEventKind.Registered, DossierEventKind.HandedOver], events.Select(e => e.Kind));
            Assert.Null(LedgerHash.FirstBroken(id, events, TestLedgerKeys.Ring));
            Assert.Equal(events[^1].Hash, dossier.LastEventHash);
            Assert.Equal(2, dossier.EventCount);
            Assert.Equal(AcceptedAt, dossier.AcceptedAt);
            Assert.Equal(AcceptedAt, events[0].OccurredAt);
            Assert.Equal(Calculator.Compute(AcceptedAt, new ProcessingTime(3, DurationUnit.WorkingDays), OfficeHours.Default, CountingMode.WorkingHours).DueAt, dossier.StatutoryDueAt);
            Assert.Equal(DossierStatus.InProcess, dossier.Status);
            Assert.Equal(IdNumber, dossier.Applicant.IdNumber);
            Assert.Equal(Phone, dossier.Applicant.Phone);
            Assert.Null(dossier.Proxy);
            Assert.Equal([new SubmittedDocument("Tờ khai đăng ký khai sinh", 1, 0)], dossier.Documents);

            var stored = await context.Database
                .SqlQueryRaw<string>("SELECT \"ApplicantIdNumber\" AS \"Value\" FROM \"Dossiers\"")
                .SingleAsync();
            Assert.StartsWith("v1:", stored, StringComparison.Ordinal);
            Assert.DoesNotContain(IdNumber, stored, StringComparison.Ordinal);
        }
    }

    private static async Task SecondWriter_Throws(TestDatabase database)
    {
        var id = await RegisterAsync(database);
        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var firstCopy = await first.Dossiers.SingleAsync(d => d.Id == id);
        var secondCopy = await second.Dossiers.SingleAsync(d => d.Id == id);
        var at = AcceptedAt + Duration.FromHours(2);

        firstCopy.MarkResultReady("Bản trích lục đã ký", new DossierAction("desk.clerk", at, at));
        await first.SaveChangesAsync();
        secondCopy.Stop("Công dân xin dừng", new DossierAction("desk.supervisor", at, at));

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = database.NewContext();
        Assert.Equal(DossierStatus.ResultReady, (await check.Dossiers.SingleAsync(d => d.Id == id)).Status);
        Assert.Equal(2, await check.DossierEvents.CountAsync(e => e.DossierId == id));
    }

    /// <summary>Saves an agency, a procedure with one version and a dossier registered under it; returns its id.</summary>
    private static async Task<Guid> RegisterAsync(TestDatabase database)
    {
        await using var context = database.NewContext();
        var agency = new Agency(Guid.NewGuid(), "UBND phường Hoàn Kiếm", "000.00.12.H40", parent: null);
        var procedure = new Procedure(Guid.NewGuid(), "1.001193", "Đăng ký khai sinh", "Hộ tịch");
        procedure.OfferedBy(agency.Id);
        var version = procedure.AddVersion(new ProcedureVersion(
            Guid.NewGuid(),
            procedure.Id,
            1,
            Instant.FromUtc(2025, 1, 1, 0, 0),
            new ProcessingTime(3, DurationUnit.WorkingDays),
            [new RequiredDocument("Tờ khai đăng ký khai sinh", 1, 0)],
            [new StepBudget("Phòng Tư pháp", 8)],
            0m));
        var registration = new DossierRegistration(
            "000.00.12.H40-250310-0001",
            1,
            agency.Id,
            version.Id,
            version.ProcessingTime,
            CountingMode.WorkingHours,
            Channel.Counter,
            new Person("Nguyễn Văn An", IdNumber, Phone, "12 Hàng Bạc, Hoàn Kiếm, Hà Nội", null),
            null,
            [new SubmittedDocument("Tờ khai đăng ký khai sinh", 1, 0)]);
        var dossier = Dossier.Register(
            registration,
            new DossierAction("desk.clerk", AcceptedAt + Duration.FromMinutes(2), AcceptedAt),
            Calculator,
            OfficeHours.Default);
        context.AddRange(agency, procedure, dossier);
        await context.SaveChangesAsync();
        return dossier.Id;
    }
}
