using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using OneStop.Calendar;
using OneStop.Dossiers;
using OneStop.Jobs.Calendar;
using OneStop.Jobs.Ledger;
using OneStop.Jobs.Sla;
using OneStop.Persistence;
using OneStop.Tests.Api.Dossiers;
using static OneStop.Tests.Api.Lateness.AuditJson;

namespace OneStop.Tests.Api.Lateness;

/// <summary>
/// Issue 12: each way the people who run the system could make a late dossier look on time, tried through the API
/// under a moved clock, with its clean twin (a false alarm is a defect just as a miss is). Shared by the SQLite and
/// PostgreSQL suites.
/// </summary>
/// <remarks>
/// Unless a scenario says otherwise a dossier is "Đăng ký kết hôn" (5 working days) received at Đống Đa and handed to a
/// department an hour later; each scenario uses its own dates (and the calendar scenarios their own years), so that
/// the scenarios can share one host.
/// </remarks>
public abstract class LaunderingScenarios<TFactory>(TFactory factory)
    where TFactory : OneStopApiFactory
{
    private const string Department = "Công chức tư pháp - hộ tịch";

    protected TFactory Factory { get; } = factory;

    // Point 1: a keyed chain, anchored outside the database.

    protected async Task RehashedWithThePublishedRecipeAsync()
    {
        // The late result (11/03 09:00, due 10/03 09:00) is moved to 07/03 and every hash recomputed as README's
        // recipe says, with the only keys an intruder has: none (plain SHA-256) or a guessed one.
        var code = await ReceivedAsync("2025-03-03 09:00");
        await ActAsync("chuyenvien", code, "result", "2025-03-11 09:00");
        Assert.True((await VerifyAsync(code)).GetProperty("valid").GetBoolean());

        var moved = T("2025-03-07 09:00");
        await RewriteAsync(code, 3, moved, canonical => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("guessed-key-of-32-bytes-at-least!"), Encoding.UTF8.GetBytes(canonical))));

        var verify = await VerifyAsync(code);
        Assert.False(verify.GetProperty("valid").GetBoolean());
        Assert.Equal(1, verify.GetProperty("firstBrokenSequence").GetInt32());
        var audit = await AuditAsync(code);
        Assert.Contains("LedgerTampered", Kinds(audit));

        await RewriteAsync(code, 3, moved, canonical => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))));
        Assert.False((await VerifyAsync(code)).GetProperty("valid").GetBoolean());
    }

    protected async Task RewrittenWithTheKeyBeforeTheCheckpointAsync()
    {
        // Someone who also holds the key rewrites history older than the checkpoint and re-seals it properly: the
        // chain and the row verify, the checkpoint's head does not.
        var code = await ReceivedAsync("2025-03-17 09:00");
        await ActAsync("chuyenvien", code, "result", "2025-03-25 09:00");
        await CheckpointAsync();
        var clean = await VerifyAsync(code);
        Assert.True(clean.GetProperty("valid").GetBoolean());
        Assert.True(clean.GetProperty("checkpoint").GetProperty("reached").GetBoolean());
        Assert.Equal(3, clean.GetProperty("checkpoint").GetProperty("count").GetInt32());

        await RewriteAsync(code, 3, T("2025-03-21 09:00"), canonical => TestLedgerKeys.Ring.Mac("test", canonical));

        var verify = await VerifyAsync(code);
        Assert.False(verify.GetProperty("valid").GetBoolean());
        Assert.Equal(JsonValueKind.Null, verify.GetProperty("firstBrokenSequence").ValueKind);
        Assert.Empty(verify.GetProperty("rowDifferences").EnumerateArray());
        Assert.False(verify.GetProperty("checkpoint").GetProperty("reached").GetBoolean());
        var tampered = Finding(await AuditAsync(code), "LedgerTampered");
        Assert.Equal(("ResultReady", 3), Cited(tampered).Single());
        Assert.Contains(tampered.GetProperty("rows").EnumerateArray(), r => r.GetProperty("table").GetString() == "checkpoint");
    }

    protected async Task CheckpointServedAndUntouchedLedgerValidAsync()
    {
        var code = await ReceivedAsync("2025-03-31 09:00");
        await ActAsync("chuyenvien", code, "result", "2025-04-03 09:00");
        await CheckpointAsync();
        await ActAsync("motcua", code, "return", "2025-04-03 10:00");

        var verify = await VerifyAsync(code);
        Assert.True(verify.GetProperty("valid").GetBoolean());
        Assert.True(verify.GetProperty("checkpoint").GetProperty("reached").GetBoolean());
        Assert.DoesNotContain("LedgerTampered", Kinds(await AuditAsync(code)));

        var supervisor = await Factory.ClientForAsync("giamsat");
        using var response = await supervisor.GetAsync(new Uri("/api/ledger/checkpoints/latest", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checkpoint = LedgerCheckpoint.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(checkpoint.SignatureHolds(TestLedgerKeys.Ring));
        var id = await IdOfAsync(code);
        Assert.Equal(3, checkpoint.HeadOf(id)!.Count);
        var clerk = await Factory.ClientForAsync("motcua");
        using var forbidden = await clerk.GetAsync(new Uri("/api/ledger/checkpoints/latest", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    protected async Task LegacyLedgerRechainedOnceAsync()
    {
        // A ledger written by the first version (plain SHA-256, no key id) is re-chained once, and says so.
        var code = await ReceivedAsync("2025-04-07 09:00");
        var id = await IdOfAsync(code);
        await WithDbAsync(async db =>
        {
            var events = await db.DossierEvents.Where(e => e.DossierId == id).OrderBy(e => e.Sequence).ToListAsync();
            var previous = LedgerHash.Genesis(id);
            foreach (var e in events)
            {
                db.Entry(e).Property(x => x.KeyId).CurrentValue = null;
                db.Entry(e).Property(x => x.PreviousHash).CurrentValue = previous;
                db.Entry(e).Property(x => x.Hash).CurrentValue = LedgerHash.Unkeyed(e);
                previous = e.Hash;
            }

            var dossier = await db.Dossiers.SingleAsync(d => d.Id == id);
            db.Entry(dossier).Property(x => x.LastEventHash).CurrentValue = previous;
            await db.SaveChangesAsync();
        });
        Assert.False((await VerifyAsync(code)).GetProperty("valid").GetBoolean());

        Assert.Equal(1, await MigrateLedgersAsync());
        Assert.Equal(0, await MigrateLedgersAsync());

        var verify = await VerifyAsync(code);
        Assert.True(verify.GetProperty("valid").GetBoolean());
        Assert.Equal(3, verify.GetProperty("events").GetInt32());
        var clerk = await Factory.ClientForAsync("motcua");
        using var events = await DossierApi.GetAsync(clerk, $"/api/dossiers/{code}/events");
        Assert.Equal("LedgerRechained", events.RootElement[2].GetProperty("kind").GetString());
    }

    // Point 2: the row against the replay of its events.

    protected async Task RowEditedAsync()
    {
        var code = await ReceivedAsync("2025-04-14 09:00");
        await ActAsync("chuyenvien", code, "result", "2025-04-22 09:00");
        var id = await IdOfAsync(code);
        await WithDbAsync(async db =>
        {
            var dossier = await db.Dossiers.SingleAsync(d => d.Id == id);
            db.Entry(dossier).Property(x => x.StatutoryDueAt).CurrentValue = T("2025-04-25 09:00");
            db.Entry(dossier).Property(x => x.AppointmentAt).CurrentValue = T("2025-04-25 09:00");
            db.Entry(dossier).Property(x => x.Status).CurrentValue = DossierStatus.Returned;
            await db.SaveChangesAsync();
        });

        var verify = await VerifyAsync(code);
        Assert.False(verify.GetProperty("valid").GetBoolean());
        Assert.Equal(["AppointmentAt", "Status", "StatutoryDueAt"], verify.GetProperty("rowDifferences").EnumerateArray().Select(d => d.GetProperty("column").GetString()!).ToArray());
        var status = verify.GetProperty("rowDifferences").EnumerateArray().Single(d => d.GetProperty("column").GetString() == "Status");
        Assert.Equal("Returned", status.GetProperty("row").GetString());
        Assert.Equal("ResultReady", status.GetProperty("ledger").GetString());
        var audit = await AuditAsync(code);
        var tampered = Finding(audit, "LedgerTampered");
        Assert.Equal(3, tampered.GetProperty("rows").GetArrayLength());
        Assert.Contains("StatutoryDueAt", tampered.GetProperty("explanationEn").GetString(), StringComparison.Ordinal);
        Assert.Contains("LateAgainstStatute", Kinds(audit));
    }

    // Point 3: the past judged by the rules of its time.

    protected async Task PastDayMadeDayOffAfterCloseAsync()
    {
        // Accepted Monday 12/05/2025 09:00, due 19/05 09:00, result 20/05 09:00: a day late. Afterwards an
        // administrator makes Wednesday 14/05 a day off, which would move the due to 20/05 09:00.
        var code = await ReceivedAsync("2025-05-12 09:00");
        await ActAsync("chuyenvien", code, "result", "2025-05-20 09:00");
        await NoticeAsync("2025-retro-day-off", 2025, [], ["2025-05-14"]);

        var audit = await AuditAsync(code);

        Assert.Equal(["ApologyMissing", "DueRestated", "LateAgainstStatute"], Kinds(audit));
        Assert.Equal(Iso("2025-05-19 09:00"), audit.GetProperty("statutoryDueAt").GetString());
        var restated = Finding(audit, "DueRestated");
        Assert.Equal(("Registered", 1), Cited(restated).Single());
        Assert.Equal([Iso("2025-05-19 09:00"), Iso("2025-05-20 09:00")], restated.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("row").GetString()!).ToArray());
    }

    protected async Task CutOffChangedAfterCloseAsync()
    {
        // Hòa Bình accepts at 14:30, before its 15:00 cut-off: due Monday 26/05 14:30; the result at 15:30 is an hour
        // late. Then the commune moves its cut-off to 14:00, which would have started the clock the next morning.
        Factory.Clock.Reset(T("2025-05-19 14:30"));
        var clerk = await Factory.ClientForAsync("motcua2");
        var code = await DossierApi.RegisterAsync(clerk);
        await ActAsync("motcua2", code, "handovers", "2025-05-19 15:00", new { toUnit = Department });
        await ActAsync("motcua2", code, "result", "2025-05-26 15:30");
        var admin = await Factory.ClientForAsync("admin");
        using (var response = await admin.PutAsJsonAsync("/api/admin/agencies/000.00.13.H99", new { cutOff = "14:00" }))
        {
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        var audit = await AuditAsync(code);

        Assert.Equal(["ApologyMissing", "DueRestated", "LateAgainstStatute"], Kinds(audit));
        Assert.Equal(Iso("2025-05-26 14:30"), audit.GetProperty("statutoryDueAt").GetString());
        Assert.Equal(60, audit.GetProperty("lateMinutes").GetInt64());
    }

    protected async Task ProvisionalYearMadeOfficialAfterCloseAsync()
    {
        // 2027 has no notice yet: accepted Monday 01/03/2027 09:00, provisional due 08/03 09:00; the result at 10:00
        // is an hour late on the provisional calendar. The official notice then makes Wednesday 03/03 a day off: the
        // calendar became true, so the official due 09/03 09:00 applies, and the restatement is shown.
        var code = await ReceivedAsync("2027-03-01 09:00");
        await ActAsync("chuyenvien", code, "result", "2027-03-08 10:00");
        await NoticeAsync("2027-official", 2027, Enum.GetNames<HolidayPeriod>(), ["2027-03-03"]);

        var audit = await AuditAsync(code);

        Assert.Equal(["DueRestated"], Kinds(audit));
        Assert.Equal(Iso("2027-03-09 09:00"), audit.GetProperty("statutoryDueAt").GetString());
        Assert.True(audit.GetProperty("trueOnTime").GetBoolean());
    }

    protected async Task ProvisionalYearMadeOfficialWhileOpenAsync()
    {
        // The clean twin: the notice for 2028 comes while the dossier is open; the restatement records the new due
        // with an event, and the result on that due is on time with no finding.
        var code = await ReceivedAsync("2028-03-06 09:00");
        await NoticeAsync("2028-official", 2028, Enum.GetNames<HolidayPeriod>(), ["2028-03-08"]);
        Assert.True(await Factory.Services.GetRequiredService<RestatementJob>().RunAsync(CancellationToken.None) >= 1);
        await ActAsync("chuyenvien", code, "result", "2028-03-14 08:00");

        var audit = await AuditAsync(code);

        Assert.Empty(Kinds(audit));
        Assert.Equal(Iso("2028-03-14 09:00"), audit.GetProperty("statutoryDueAt").GetString());
        var clerk = await Factory.ClientForAsync("motcua");
        using var events = await DossierApi.GetAsync(clerk, $"/api/dossiers/{code}/events");
        Assert.Contains(events.RootElement.EnumerateArray(), e => e.GetProperty("kind").GetString() == "DeadlineRestated");
        Assert.True((await VerifyAsync(code)).GetProperty("valid").GetBoolean());
    }

    // Point 4: a supplement request after the due does not restart the true clock.

    protected async Task SupplementRequestedAfterTheDueAsync()
    {
        // Due 09/06 09:00; the request on 10/06 restarts the paper (appointment 18/06 14:00); the result on 13/06 is
        // early on paper and 4 days 5 hours late in truth: listed among the dossiers the paper masks.
        var code = await ReceivedAsync("2025-06-02 09:00");
        await ActAsync("chuyenvien", code, "supplement-requests", "2025-06-10 14:00", new { reason = "Thiếu giấy", missingDocuments = "Giấy xác nhận" });
        await ActAsync("motcua", code, "supplements", "2025-06-11 14:00");
        await ActAsync("chuyenvien", code, "result", "2025-06-13 14:00");

        var audit = await AuditAsync(code);

        Assert.Equal(["ApologyMissing", "LateAgainstStatute", "SupplementOutOfTime"], Kinds(audit));
        Assert.Equal(Iso("2025-06-09 09:00"), audit.GetProperty("statutoryDueAt").GetString());
        Assert.True(audit.GetProperty("paperOnTime").GetBoolean());
        Assert.False(audit.GetProperty("trueOnTime").GetBoolean());
        var summary = await SummaryAsync("2025-06-01", "2025-06-30");
        Assert.Contains(summary.GetProperty("paperDiffers").EnumerateArray(), d => d.GetProperty("code").GetString() == code);
        Assert.Contains(summary.GetProperty("late").EnumerateArray(), d => d.GetProperty("code").GetString() == code);
    }

    // Point 5: visits judged at their believed time.

    protected async Task BackdatedVisitAsync()
    {
        // The citizen came on 08/07 10:00, after the 07/07 09:00 appointment, and found nothing; the visit is logged
        // declaring 04/07 (before the appointment). The result follows on 09/07.
        var code = await ReceivedAsync("2025-06-30 09:00");
        await ActAsync("motcua", code, "visits", "2025-07-08 10:00", new { note = "Công dân đến nhận", occurredAt = Iso("2025-07-04 10:00") });
        await ActAsync("chuyenvien", code, "result", "2025-07-09 09:00");

        var audit = await AuditAsync(code);

        Assert.Equal(["ApologyMissing", "Backdated", "LateAgainstStatute", "ResultNotThere"], Kinds(audit));
        Assert.Equal(("VisitLogged", 3), Cited(Finding(audit, "ResultNotThere")).Single());
        Assert.Equal(("VisitLogged", 3), Cited(Finding(audit, "Backdated")).Single());
    }

    protected async Task CitizenLeftWithoutTheReadyResultAsync()
    {
        // The ledger says ready since 10/07, but the citizen who came at the appointment (14/07 09:30) left without
        // it: the return is only recorded on 16/07.
        var code = await ReceivedAsync("2025-07-07 09:00");
        await ActAsync("chuyenvien", code, "result", "2025-07-10 09:00");
        await ActAsync("motcua", code, "visits", "2025-07-14 09:30", new { note = "Công dân đến nhận" });
        await ActAsync("motcua", code, "return", "2025-07-16 10:00");

        var audit = await AuditAsync(code);

        Assert.Equal(["ResultNotThere"], Kinds(audit));
        Assert.Equal([("VisitLogged", 4), ("ResultReady", 3)], Cited(Finding(audit, "ResultNotThere")));
    }

    protected async Task VisitBeforeTheAppointmentAsync()
    {
        // The clean twin: the citizen asks on 17/07 (appointment 21/07 09:00), comes back at the appointment and
        // leaves with the result.
        var code = await ReceivedAsync("2025-07-14 09:00");
        await ActAsync("motcua", code, "visits", "2025-07-17 10:00", new { note = "Công dân hỏi tiến độ" });
        await ActAsync("chuyenvien", code, "result", "2025-07-18 10:00");
        await ActAsync("motcua", code, "visits", "2025-07-21 09:10", new { note = "Công dân đến nhận" });
        await ActAsync("motcua", code, "return", "2025-07-21 09:20");

        Assert.Empty(Kinds(await AuditAsync(code)));
    }

    // Point 6: a late dossier stopped.

    protected async Task StoppedAfterTheDueAsync()
    {
        var code = await ReceivedAsync("2025-07-21 09:00");
        await ActAsync("motcua", code, "stop", "2025-07-30 09:00", new { reason = "Công dân xin dừng" });

        var audit = await AuditAsync(code);

        Assert.Equal(["StoppedAfterDue"], Kinds(audit));
        Assert.Equal(16 * 60, Finding(audit, "StoppedAfterDue").GetProperty("lateMinutes").GetInt64()); // due 28/07 09:00
        Assert.Equal([("Registered", 1), ("Stopped", 3)], Cited(Finding(audit, "StoppedAfterDue")));
        Assert.Equal("Stopped", audit.GetProperty("outcome").GetString());
    }

    protected async Task StoppedBeforeTheDueAsync()
    {
        var code = await ReceivedAsync("2025-08-04 09:00");
        await ActAsync("motcua", code, "stop", "2025-08-06 09:00", new { reason = "Công dân xin dừng" });

        Assert.Empty(Kinds(await AuditAsync(code)));
    }

    // Point 7: evidence.

    protected async Task OpenPastTheDueCitesRegistrationAndSlaAsync()
    {
        var code = await ReceivedAsync("2025-08-11 09:00");
        Factory.Clock.Reset(T("2025-08-18 10:00"));
        await Factory.Services.GetRequiredService<SlaCheckJob>().RunAsync(CancellationToken.None);

        var audit = await AuditAsync(code);

        var missing = Finding(audit, "ApologyMissing");
        var cited = Cited(missing);
        Assert.Equal(("Registered", 1), cited[0]);
        Assert.Contains(cited, c => c.Kind == "SlaStateChanged");
        Assert.Equal("Overdue", audit.GetProperty("standing").GetString());
    }

    protected async Task DeletedEventCitesTheNextAsync()
    {
        // The late result (event 3) is deleted outside the system; the return after it no longer chains.
        var code = await ReceivedAsync("2025-08-18 09:00");
        await ActAsync("chuyenvien", code, "result", "2025-08-26 09:00");
        await ActAsync("motcua", code, "return", "2025-08-26 10:00");
        var id = await IdOfAsync(code);
        await WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"DossierEvents\" WHERE \"DossierId\" = {0} AND \"Sequence\" = 3", id));

        var tampered = Finding(await AuditAsync(code), "LedgerTampered");

        Assert.Equal(("Returned", 4), Cited(tampered).Single());
        Assert.Contains(tampered.GetProperty("rows").EnumerateArray(), r => r.GetProperty("column").GetString() == "EventCount");
    }

    // Point 8: the dashboard judges open dossiers as the audit does.

    protected async Task DashboardAgreesWithTheAuditsAsync()
    {
        // At Monday 15/09 10:00: one dossier due later today (13:00), one whose clock stopped for a supplement asked
        // in time, one overdue since this morning. The dashboard must count them as their audits judge them.
        var dueLaterToday = await ReceivedAsync("2025-09-08 13:00");
        var stopped = await ReceivedAsync("2025-09-08 09:30");
        await ActAsync("chuyenvien", stopped, "supplement-requests", "2025-09-09 09:00", new { reason = "Thiếu giấy", missingDocuments = "Giấy xác nhận" });
        var overdue = await ReceivedAsync("2025-09-08 08:00");
        Factory.Clock.Reset(T("2025-09-15 10:00"));

        var summary = await SummaryAsync("2025-09-01", "2025-09-30");
        var late = summary.GetProperty("late").EnumerateArray().Select(d => d.GetProperty("code").GetString()).ToList();
        Assert.DoesNotContain(dueLaterToday, late);
        Assert.DoesNotContain(stopped, late);
        Assert.Contains(overdue, late);
        Assert.Equal("DueSoon", (await AuditAsync(dueLaterToday)).GetProperty("standing").GetString());
        Assert.Equal("ClockStopped", (await AuditAsync(stopped)).GetProperty("standing").GetString());
        Assert.Equal("Overdue", (await AuditAsync(overdue)).GetProperty("standing").GetString());

        // Every dossier of Đống Đa, audited one by one at the same instant: the open ones are in the period (received in
        // it or carried over), and the dashboard's in-progress counts must be the sum of their standings.
        var clerk = await Factory.ClientForAsync("motcua");
        var codes = new List<string>();
        for (var page = 1; ; page++)
        {
            using var list = await DossierApi.GetAsync(clerk, $"/api/dossiers?agency=000.00.12.H99&page={page}");
            if (list.RootElement.GetArrayLength() == 0)
            {
                break;
            }

            codes.AddRange(list.RootElement.EnumerateArray().Select(d => d.GetProperty("code").GetString()!));
        }

        var standings = new List<string?>();
        foreach (var code in codes)
        {
            var audit = await AuditAsync(code);
            standings.Add(audit.TryGetProperty("standing", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null);
        }

        var period = await SummaryAsync("2025-09-01", "2025-09-30", "000.00.12.H99");
        var totals = period.GetProperty("totals");
        Assert.Equal(codes.Count(c => c.Contains("-2509", StringComparison.Ordinal)), totals.GetProperty("received").GetInt32());
        Assert.True(standings.Count(s => s is not null) >= 3);
        Assert.Equal(standings.Count(s => s == "Overdue"), totals.GetProperty("inProgressOverdue").GetInt32());
        Assert.Equal(standings.Count(s => s == "DueSoon"), totals.GetProperty("inProgressDueSoon").GetInt32());
        Assert.Equal(standings.Count(s => s is "OnTrack" or "ClockStopped"), totals.GetProperty("inProgressOnTime").GetInt32());
    }

    // Helpers.

    /// <summary>A dossier received at Đống Đa at <paramref name="at"/> and handed to the department an hour later.</summary>
    protected async Task<string> ReceivedAsync(string at)
    {
        Factory.Clock.Reset(T(at));
        var clerk = await Factory.ClientForAsync("motcua");
        var code = await DossierApi.RegisterAsync(clerk);
        var handover = Pattern.Format(Pattern.Parse(at).Value.PlusHours(1));
        await ActAsync("motcua", code, "handovers", handover, new { toUnit = Department, stepBudgetHours = 24 });
        return code;
    }

    protected async Task ActAsync(string user, string code, string action, string at, object? body = null)
    {
        Factory.Clock.Reset(T(at));
        var client = await Factory.ClientForAsync(user);
        using var response = await DossierApi.PostAsync(client, code, action, body);
        Assert.True(response.IsSuccessStatusCode, $"{action} at {at}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task NoticeAsync(string key, int year, string[] covers, string[] daysOff)
    {
        var admin = await Factory.ClientForAsync("admin");
        using var response = await admin.PostAsJsonAsync("/api/admin/calendar/notices", new
        {
            key, year, covers, documentNumber = "Thông báo thử nghiệm " + key, name = "Thông báo " + key, daysOff, makeUpWorkingDays = Array.Empty<string>(),
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Moves event <paramref name="sequence"/> to <paramref name="at"/> (declared and recorded), then re-hashes every
    /// event with <paramref name="mac"/> over the published canonical text, and fixes the row: what someone with write
    /// access to the database can do.
    /// </summary>
    private Task RewriteAsync(string code, int sequence, Instant at, Func<string, string> mac) => WithDbAsync(async db =>
    {
        var id = await db.Dossiers.Where(d => d.Code == code).Select(d => d.Id).SingleAsync();
        var events = await db.DossierEvents.Where(e => e.DossierId == id).OrderBy(e => e.Sequence).ToListAsync();
        var target = events.Single(e => e.Sequence == sequence);
        db.Entry(target).Property(x => x.OccurredAt).CurrentValue = at;
        db.Entry(target).Property(x => x.RecordedAt).CurrentValue = at;
        var previous = LedgerHash.Genesis(id);
        foreach (var e in events)
        {
            db.Entry(e).Property(x => x.PreviousHash).CurrentValue = previous;
            db.Entry(e).Property(x => x.Hash).CurrentValue = mac(LedgerHash.Canonical(e));
            previous = e.Hash;
        }

        var dossier = await db.Dossiers.SingleAsync(d => d.Id == id);
        db.Entry(dossier).Property(x => x.LastEventHash).CurrentValue = previous;
        if (target.Kind == DossierEventKind.ResultReady)
        {
            db.Entry(dossier).Property(x => x.ResultReadyAt).CurrentValue = at;
        }

        await db.SaveChangesAsync();
    });

    private async Task<int> MigrateLedgersAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LedgerMigration>().RunAsync(CancellationToken.None);
    }

    private Task<string> CheckpointAsync() => Factory.Services.GetRequiredService<LedgerCheckpointJob>().RunAsync(CancellationToken.None);

    private Task<Guid> IdOfAsync(string code) => WithDbAsync(db => db.Dossiers.Where(d => d.Code == code).Select(d => d.Id).SingleAsync());

    private async Task<T> WithDbAsync<T>(Func<OneStopDbContext, Task<T>> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<OneStopDbContext>());
    }

    private Task WithDbAsync(Func<OneStopDbContext, Task> action) => WithDbAsync(async db =>
    {
        await action(db);
        return 0;
    });

    private async Task<JsonElement> VerifyAsync(string code)
    {
        var clerk = await Factory.ClientForAsync("motcua");
        using var document = await DossierApi.GetAsync(clerk, $"/api/dossiers/{code}/verify");
        return document.RootElement.Clone();
    }

    private async Task<JsonElement> AuditAsync(string code)
    {
        var supervisor = await Factory.ClientForAsync("giamsat");
        using var response = await supervisor.GetAsync(new Uri($"/api/dossiers/{code}/lateness", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<JsonElement> SummaryAsync(string from, string to, string agency = "000.00.00.H99")
    {
        var supervisor = await Factory.ClientForAsync("giamsat");
        using var response = await supervisor.GetAsync(new Uri($"/api/dashboard/summary?agency={agency}&from={from}&to={to}", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
