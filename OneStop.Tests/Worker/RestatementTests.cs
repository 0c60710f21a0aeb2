using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using OneStop.Calendar;
using OneStop.Dossiers;
using OneStop.Jobs.Calendar;
using OneStop.Jobs.Sla;
using OneStop.Sla;

namespace OneStop.Tests.Worker;

/// <summary>
/// Calendar restatement: a dossier of 5 working days accepted Friday 20 November 2026 09:00 is due Friday 27
/// November 09:00; a notice making Tuesday 24 November a day off moves it to Monday 30 November 09:00.
/// </summary>
public sealed class RestatementTests : IDisposable
{
    private readonly WorkerApiFactory _factory = new();

    [Fact]
    public async Task Restate_NoticeAddsADayOff_MovesTheDueOnceAndReportsIt()
    {
        _factory.MoveClockTo(2026, 11, 20, 9, 0);
        var code = (await _factory.SeedAsync(1))[0];
        Assert.Equal("2026-11-27T09:00:00+07:00", OfficeTime.FormatIso((await _factory.DossierAsync(code)).StatutoryDueAt));
        _factory.MoveClockTo(2026, 11, 23, 8, 0);
        await AddDayOffAsync(new LocalDate(2026, 11, 24));
        var job = _factory.Job<RestatementJob>();

        Assert.Equal(1, await job.RunAsync(CancellationToken.None));
        Assert.Equal(0, await job.RunAsync(CancellationToken.None));

        var dossier = await _factory.DossierAsync(code);
        Assert.Equal("2026-11-30T09:00:00+07:00", OfficeTime.FormatIso(dossier.StatutoryDueAt));
        var restated = Assert.Single(await _factory.EventsAsync(code, DossierEventKind.DeadlineRestated));
        Assert.Equal("2026-11-27T09:00:00+07:00", EventDetails.Read(restated.Details)["statutoryDueBefore"]);

        using var supervisor = await _factory.ClientForAsync("giamsat");
        using var report = JsonDocument.Parse(await supervisor.GetStringAsync(new Uri("/api/restatements", UriKind.Relative)));
        var line = Assert.Single(report.RootElement.EnumerateArray());
        Assert.Equal(code, line.GetProperty("code").GetString());
        Assert.Equal("2026-11-27T09:00:00+07:00", line.GetProperty("statutoryDueBefore").GetString());
        Assert.Equal("2026-11-30T09:00:00+07:00", line.GetProperty("statutoryDueAfter").GetString());

        using var clerk = await _factory.ClientForAsync("motcua");
        using var forbidden = await clerk.GetAsync(new Uri("/api/restatements", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task Restate_ThenCheck_DueSoonFollowsTheNewDue()
    {
        _factory.MoveClockTo(2026, 11, 20, 9, 0);
        var code = (await _factory.SeedAsync(1))[0];
        await AddDayOffAsync(new LocalDate(2026, 11, 24));
        await _factory.Job<RestatementJob>().RunAsync(CancellationToken.None);

        // Old due-soon point (Thursday 26 November 09:00) passed; the new one is Friday 27 November 09:00.
        _factory.MoveClockTo(2026, 11, 26, 10, 0);
        await _factory.Job<SlaCheckJob>().RunAsync(CancellationToken.None);
        Assert.Equal(SlaState.OnTrack, (await _factory.DossierAsync(code)).SlaState);

        _factory.MoveClockTo(2026, 11, 27, 10, 0);
        await _factory.Job<SlaCheckJob>().RunAsync(CancellationToken.None);
        Assert.Equal(SlaState.DueSoon, (await _factory.DossierAsync(code)).SlaState);
    }

    public void Dispose() => _factory.Dispose();

    private async Task AddDayOffAsync(LocalDate day)
    {
        var stored = await _factory.WithDbAsync(db => db.CalendarNotices.AsNoTracking().ToListAsync());
        var notices = CalendarNoticeRecord.InForce(stored).ToList();
        notices.Add(new CalendarNotice("2026-test-day-off", 2026, [], "Test notice", "Ngày nghỉ thử nghiệm", [day], []));
        _factory.Services.GetRequiredService<WorkingCalendarProvider>().Rebuild(notices);
    }
}
