using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Calendar;
using OneStop.Dossiers;
using OneStop.Jobs.Sla;
using OneStop.Sla;

namespace OneStop.Tests.Worker;

/// <summary>
/// The step-level SLA check. A dossier accepted Monday 3 March 2025 09:00 is handed over at once to the justice
/// section with a 16 working-hour step budget: the step is due Wednesday 5 March 09:00, and with 1 working day
/// (the larger margin) left it turns DueSoon Tuesday 4 March 09:00. The dossier itself is due 10 March.
/// </summary>
public sealed class StepSlaTests : IDisposable
{
    private const string Unit = "Phòng Tư pháp";

    private readonly WorkerApiFactory _factory = new(new Dictionary<string, string?> { ["Sla:BatchSize"] = "10" });

    [Fact]
    public async Task Check_StepBudgetRunsOut_MovesTheStepDueSoonThenOverdueOnceEachAndTellsTheOfficerOnce()
    {
        var code = (await _factory.SeedAsync(1))[0];
        await _factory.HandOverAsync(code, Unit, 16);
        var job = _factory.Job<SlaCheckJob>();

        _factory.MoveClockTo(2025, 3, 4, 8, 59);
        await job.RunAsync(CancellationToken.None);
        Assert.Equal(SlaState.OnTrack, (await _factory.DossierAsync(code)).StepSlaState);

        _factory.MoveClockTo(2025, 3, 4, 10, 0);
        await job.RunAsync(CancellationToken.None);
        Assert.Equal(SlaState.DueSoon, (await _factory.DossierAsync(code)).StepSlaState);

        _factory.MoveClockTo(2025, 3, 5, 10, 0);
        await job.RunAsync(CancellationToken.None);
        await job.RunAsync(CancellationToken.None);

        var dossier = await _factory.DossierAsync(code);
        Assert.Equal(SlaState.Overdue, dossier.StepSlaState);
        Assert.Equal(SlaState.OnTrack, dossier.SlaState);
        var moves = await _factory.EventsAsync(code, DossierEventKind.StepSlaStateChanged);
        Assert.Equal(["DueSoon", "Overdue"], moves.Select(e => EventDetails.Read(e.Details)["to"]));
        Assert.Equal(["2025-03-04T09:00:01+07:00", "2025-03-05T09:00:01+07:00"], moves.Select(e => OfficeTime.FormatIso(e.OccurredAt)));
        Assert.All(moves, e => Assert.Equal(Unit, EventDetails.Read(e.Details)["unit"]));
        Assert.Empty(await _factory.EventsAsync(code, DossierEventKind.SlaStateChanged));
        var overdueNotices = await StepNoticesAsync(dossier.Id);
        Assert.Equal(["2025-03-03T09:00:00+07:00/2025-03-05T09:00:00+07:00"], overdueNotices);
        await AssertChainHoldsAsync(dossier.Id);
    }

    [Fact]
    public async Task Check_HandOverAfterAnOverdueStep_StartsTheNewStepOnTrack()
    {
        var code = (await _factory.SeedAsync(1))[0];
        await _factory.HandOverAsync(code, Unit, 16);
        var job = _factory.Job<SlaCheckJob>();
        _factory.MoveClockTo(2025, 3, 5, 10, 0);
        await job.RunAsync(CancellationToken.None);
        Assert.Equal(SlaState.Overdue, (await _factory.DossierAsync(code)).StepSlaState);

        _factory.MoveClockTo(2025, 3, 5, 10, 30);
        await _factory.HandOverAsync(code, "Lãnh đạo UBND", 16);
        _factory.MoveClockTo(2025, 3, 5, 11, 0);
        await job.RunAsync(CancellationToken.None);
        await job.RunAsync(CancellationToken.None);

        var dossier = await _factory.DossierAsync(code);
        Assert.Equal(SlaState.OnTrack, dossier.StepSlaState);
        Assert.Equal(2, (await _factory.EventsAsync(code, DossierEventKind.StepSlaStateChanged)).Count);

        // The new step runs out on its own budget and is told about once, under its own key.
        _factory.MoveClockTo(2025, 3, 7, 11, 0);
        await job.RunAsync(CancellationToken.None);
        await job.RunAsync(CancellationToken.None);
        var moves = await _factory.EventsAsync(code, DossierEventKind.StepSlaStateChanged);
        Assert.Equal(["DueSoon", "Overdue", "DueSoon", "Overdue"], moves.Select(e => EventDetails.Read(e.Details)["to"]));
        Assert.Equal(["Lãnh đạo UBND", "Lãnh đạo UBND"], moves.Skip(2).Select(e => EventDetails.Read(e.Details)["unit"]));
        Assert.Equal(2, (await StepNoticesAsync(dossier.Id)).Count);
        await AssertChainHoldsAsync(dossier.Id);
    }

    [Fact]
    public async Task Check_NoStepBudget_MovesNoStep()
    {
        var code = (await _factory.SeedAsync(1))[0];
        await _factory.HandOverAsync(code, Unit, null);
        _factory.MoveClockTo(2025, 3, 20, 10, 0);

        await _factory.Job<SlaCheckJob>().RunAsync(CancellationToken.None);

        Assert.Equal(SlaState.OnTrack, (await _factory.DossierAsync(code)).StepSlaState);
        Assert.Empty(await _factory.EventsAsync(code, DossierEventKind.StepSlaStateChanged));
        Assert.Equal(SlaState.Overdue, (await _factory.DossierAsync(code)).SlaState);
    }

    public void Dispose() => _factory.Dispose();

    private Task<List<string>> StepNoticesAsync(Guid id) =>
        _factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.DossierId == id && m.Kind == "StepOverdue").OrderBy(m => m.Threshold).Select(m => m.Threshold).ToListAsync());

    private async Task AssertChainHoldsAsync(Guid id)
    {
        var events = await _factory.WithDbAsync(db => db.DossierEvents.AsNoTracking().Where(e => e.DossierId == id).OrderBy(e => e.Sequence).ToListAsync());
        Assert.Null(LedgerHash.FirstBroken(id, events, TestLedgerKeys.Ring));
        var dossier = await _factory.WithDbAsync(db => db.Dossiers.AsNoTracking().SingleAsync(d => d.Id == id));
        Assert.Equal(events.Count, dossier.EventCount);
        Assert.Equal(events[^1].Hash, dossier.LastEventHash);
    }
}
