using Microsoft.EntityFrameworkCore;
using OneStop.Dossiers;
using OneStop.Jobs.Sla;
using OneStop.Notifications;
using OneStop.Sla;

namespace OneStop.Tests.Worker;

/// <summary>
/// The SLA check on the embedded default. Dossiers of 5 working days accepted Monday 3 March 2025 09:00 are due
/// Monday 10 March 09:00; with 1 working day (the larger margin) left they turn DueSoon Friday 7 March 09:00.
/// </summary>
public sealed class SlaCheckTests : IDisposable
{
    private readonly WorkerApiFactory _factory = new(new Dictionary<string, string?> { ["Sla:BatchSize"] = "10" });

    [Fact]
    public async Task Check_ClockMovedForward_MovesOnTrackDueSoonOverdueWithOneEventEach()
    {
        var code = (await _factory.SeedAsync(1))[0];
        var job = _factory.Job<SlaCheckJob>();

        await job.RunAsync(CancellationToken.None);
        Assert.Equal(SlaState.OnTrack, (await _factory.DossierAsync(code)).SlaState);

        _factory.MoveClockTo(2025, 3, 7, 8, 59);
        await job.RunAsync(CancellationToken.None);
        Assert.Equal(SlaState.OnTrack, (await _factory.DossierAsync(code)).SlaState);

        _factory.MoveClockTo(2025, 3, 7, 10, 0);
        await job.RunAsync(CancellationToken.None);
        Assert.Equal(SlaState.DueSoon, (await _factory.DossierAsync(code)).SlaState);

        _factory.MoveClockTo(2025, 3, 10, 10, 0);
        await job.RunAsync(CancellationToken.None);
        var dossier = await _factory.DossierAsync(code);
        Assert.Equal(SlaState.Overdue, dossier.SlaState);

        var moves = await _factory.EventsAsync(code, DossierEventKind.SlaStateChanged);
        Assert.Equal(["DueSoon", "Overdue"], moves.Select(e => EventDetails.Read(e.Details)["to"]));
        Assert.Equal("2025-03-07T09:00:01+07:00", Calendar.OfficeTime.FormatIso(moves[0].OccurredAt));
        Assert.Equal("2025-03-10T09:00:01+07:00", Calendar.OfficeTime.FormatIso(moves[1].OccurredAt));

        var notices = await NoticesAsync(dossier.Id);
        Assert.Contains(("Escalation", "DueSoon+0h:Officer"), notices);
        Assert.Contains(("Escalation", "Overdue+0h:HeadOfDepartment"), notices);
        Assert.Contains(("ApologyWindowOpen", "HeadOfDepartment"), notices);
        Assert.Contains(("ApologyWindowClosed", "2025-03-10T09:00:00+07:00"), notices);
        Assert.DoesNotContain(notices, n => n.Threshold.EndsWith("HeadOfAgency", StringComparison.Ordinal));
        Assert.NotNull(dossier.NextSlaCheckAt);
    }

    [Fact]
    public async Task Check_JumpStraightPastTheDue_RecordsBothMovesAtTheirBoundaries()
    {
        var code = (await _factory.SeedAsync(1))[0];
        _factory.MoveClockTo(2025, 3, 20, 10, 0);

        await _factory.Job<SlaCheckJob>().RunAsync(CancellationToken.None);

        var moves = await _factory.EventsAsync(code, DossierEventKind.SlaStateChanged);
        Assert.Equal(["DueSoon", "Overdue"], moves.Select(e => EventDetails.Read(e.Details)["to"]));
        var notices = await NoticesAsync((await _factory.DossierAsync(code)).Id);
        Assert.Contains(("Escalation", "Overdue+24h:Supervisor"), notices);
        Assert.Null((await _factory.DossierAsync(code)).NextSlaCheckAt);
    }

    [Fact]
    public async Task Check_RunTwice_ChangesNothingTheSecondTime()
    {
        await _factory.SeedAsync(25);
        _factory.MoveClockTo(2025, 3, 10, 10, 0);
        var job = _factory.Job<SlaCheckJob>();

        var first = await job.RunAsync(CancellationToken.None);
        var events = await _factory.WithDbAsync(db => db.DossierEvents.CountAsync());
        var outbox = await _factory.WithDbAsync(db => db.OutboxMessages.CountAsync());
        var second = await job.RunAsync(CancellationToken.None);

        Assert.Equal(50, first.Transitions);
        Assert.Equal(0, second.Checked);
        Assert.Equal(events, await _factory.WithDbAsync(db => db.DossierEvents.CountAsync()));
        Assert.Equal(outbox, await _factory.WithDbAsync(db => db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task Check_KilledAfterTheFirstBatch_RerunEndsLikeOneRun()
    {
        var codes = await _factory.SeedAsync(30);
        _factory.MoveClockTo(2025, 3, 10, 10, 0);
        var job = _factory.Job<SlaCheckJob>();
        using var kill = new CancellationTokenSource();
        _factory.Commits.OnCommitted = n =>
        {
            if (n == 1)
            {
                kill.Cancel();
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => job.RunAsync(kill.Token));
        _factory.Commits.OnCommitted = null;
        var halfway = await _factory.WithDbAsync(db => db.Dossiers.CountAsync(d => d.SlaState == SlaState.Overdue));
        Assert.Equal(10, halfway);

        await job.RunAsync(CancellationToken.None);
        await job.RunAsync(CancellationToken.None);

        foreach (var code in codes)
        {
            var moves = await _factory.EventsAsync(code, DossierEventKind.SlaStateChanged);
            Assert.Equal(["DueSoon", "Overdue"], moves.Select(e => EventDetails.Read(e.Details)["to"]));
        }

        var perDossier = await _factory.WithDbAsync(db => db.OutboxMessages.GroupBy(m => m.DossierId).Select(g => g.Count()).ToListAsync());
        Assert.Equal(30, perDossier.Count);
        Assert.Single(perDossier.Distinct());
    }

    [Fact]
    public async Task Check_PoisonedDossier_IsReportedByCodeAndTheBatchGoesOn()
    {
        var codes = await _factory.SeedAsync(5);
        var poisoned = codes[2];
        var farAway = NodaTime.Instant.FromUtc(2300, 1, 1, 0, 0);
        await _factory.WithDbAsync(db => db.Dossiers.Where(d => d.Code == poisoned).ExecuteUpdateAsync(s => s.SetProperty(d => d.StatutoryDueAt, farAway)));
        _factory.MoveClockTo(2025, 3, 7, 10, 0);

        var result = await _factory.Job<SlaCheckJob>().RunAsync(CancellationToken.None);

        Assert.Equal([poisoned], result.Failed);
        foreach (var code in codes.Where(c => c != poisoned))
        {
            Assert.Equal(SlaState.DueSoon, (await _factory.DossierAsync(code)).SlaState);
        }

        var retryAt = (await _factory.DossierAsync(poisoned)).NextSlaCheckAt;
        Assert.Equal(_factory.Clock.GetCurrentInstant() + NodaTime.Duration.FromMinutes(60), retryAt);
    }

    [Fact]
    public async Task Check_ResultWaitingTooLong_BecomesNotCollectedAndTheCitizenIsReminded()
    {
        var code = (await _factory.SeedAsync(1, email: "nhung@example.vn"))[0];
        _factory.MoveClockTo(2025, 3, 4, 9, 0);
        await _factory.MarkResultReadyAsync(code);
        var job = _factory.Job<SlaCheckJob>();

        await job.RunAsync(CancellationToken.None);
        var id = (await _factory.DossierAsync(code)).Id;
        Assert.Contains(("ResultReady", "2"), await NoticesAsync(id));
        Assert.Equal(DossierStatus.ResultReady, (await _factory.DossierAsync(code)).Status);

        _factory.MoveClockTo(2025, 3, 19, 9, 0);
        await job.RunAsync(CancellationToken.None);
        await job.RunAsync(CancellationToken.None);

        Assert.Equal(DossierStatus.NotCollected, (await _factory.DossierAsync(code)).Status);
        Assert.Single(await _factory.EventsAsync(code, DossierEventKind.NotCollected));
        Assert.Single(await NoticesAsync(id), n => n.Kind == "NotCollected");
    }

    [Fact]
    public async Task Check_OutsideOfficeHours_HoldsStaffNoticesUntilTheNextSession()
    {
        await _factory.SeedAsync(1);
        _factory.MoveClockTo(2025, 3, 7, 20, 0);

        await _factory.Job<SlaCheckJob>().RunAsync(CancellationToken.None);

        var held = await _factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.Audience != NoticeAudience.Citizen).Select(m => m.NotBefore).Distinct().ToListAsync());
        Assert.Equal(["2025-03-10T07:30:00+07:00"], held.Select(Calendar.OfficeTime.FormatIso));
    }

    public void Dispose() => _factory.Dispose();

    private Task<List<(string Kind, string Threshold)>> NoticesAsync(Guid id) => _factory.WithDbAsync(async db =>
        (await db.OutboxMessages.Where(m => m.DossierId == id).Select(m => new { m.Kind, m.Threshold }).ToListAsync())
            .Select(m => (m.Kind, m.Threshold)).ToList());
}
