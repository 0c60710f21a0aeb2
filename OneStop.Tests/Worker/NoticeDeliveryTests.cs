using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using OneStop.Calendar;
using OneStop.Dossiers;
using OneStop.Jobs.Calendar;
using OneStop.Jobs.Notifications;
using OneStop.Jobs.Sla;
using OneStop.Notifications;
using OneStop.Tests.Api.Pages;

namespace OneStop.Tests.Worker;

/// <summary>
/// The worker's notices through the jobs, with a fake clock and the SMTP test listener, on the embedded default
/// with the demo users (who have addresses on the demo domain). A dossier of 5 working days accepted Monday 3
/// March 2025 09:00 is due Monday 10 March 09:00: Form 04 is due Friday 7 March 09:00 and its warning comes half a
/// working day before (Thursday 6 March 14:30); due soon from Friday 09:00; overdue from Monday 10 March 09:00;
/// 8 working hours over on Tuesday 11 March, 24 on Thursday 13 March.
/// </summary>
public sealed partial class NoticeDeliveryTests : IAsyncDisposable
{
    private const string Officer = "chuyenvien@demo.onestop.invalid";
    private const string Head = "lanhdao@demo.onestop.invalid";
    private const string Supervisor = "giamsat@demo.onestop.invalid";

    private readonly SmtpListener _smtp = new();
    private readonly WorkerApiFactory _factory;

    public NoticeDeliveryTests() => _factory = new WorkerApiFactory(new Dictionary<string, string?>
    {
        ["Notifications:Channel"] = "Smtp",
        ["Notifications:Smtp:Host"] = "127.0.0.1",
        ["Notifications:Smtp:Port"] = _smtp.Port.ToString(CultureInfo.InvariantCulture),
    });

    [Fact]
    public async Task Ladder_WholeLifeInOfficeHours_ReachesEachPersonOnceWithDistinctVietnameseTexts()
    {
        var code = (await _factory.SeedAsync(1))[0];
        await _factory.HandOverAsync(code, "Công chức tư pháp - hộ tịch", null);

        foreach (var (day, expected) in new[] { (6, 2), (7, 4), (10, 5), (11, 6), (13, 7), (14, 7) })
        {
            _factory.MoveClockTo(2025, 3, day, 15, 0);
            await CheckAndDispatchAsync();
            Assert.Equal(expected, _smtp.Messages.Count);
        }

        Assert.Equal(
            new List<(string, string)>
            {
                ($"{code}/ApologyWindowOpen/Officer", Officer),
                ($"{code}/ApologyWindowOpen/HeadOfDepartment", Head),
                ($"{code}/Escalation/DueSoon+0h:Officer", Officer),
                ($"{code}/ApologyWindowClosed/2025-03-10T09:00:00+07:00", Head),
                ($"{code}/Escalation/Overdue+0h:HeadOfDepartment", Head),
                ($"{code}/Escalation/Overdue+8h:HeadOfAgency", Head),
                ($"{code}/Escalation/Overdue+24h:Supervisor", Supervisor),
            }.Order(),
            Sent().Order());

        var rows = await _factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());
        Assert.All(rows, r => Assert.NotNull(r.SentAt));
        Assert.All(rows, r => Assert.Null(r.UndeliveredAt));
        Assert.Equal(7, rows.Select(r => r.Subject).Distinct().Count());
        Assert.Equal(7, rows.Select(r => r.Body).Distinct().Count());
        Assert.All(rows, r => Assert.DoesNotMatch(IsoInstant(), r.Subject + r.Body));
        var ladder = rows.Where(r => r.Kind == "Escalation").OrderBy(r => r.CreatedAt).ToList();
        Assert.Equal(["cấp 1/4", "cấp 2/4", "cấp 3/4", "cấp 4/4"], ladder.Select(r => Rung().Match(r.Subject).Value));
        Assert.Contains("sắp đến hạn 09:00 ngày 10/03/2025", ladder[0].Subject, StringComparison.Ordinal);
        Assert.Contains("quá hạn từ 09:00 ngày 10/03/2025", ladder[1].Subject, StringComparison.Ordinal);
        Assert.Contains("đã 8 giờ làm việc (đến 09:00 ngày 11/03/2025)", ladder[2].Body, StringComparison.Ordinal);
        Assert.Contains("đã 24 giờ làm việc (đến 09:00 ngày 13/03/2025)", ladder[3].Body, StringComparison.Ordinal);
        var warning = rows.Single(r => r.Kind == "ApologyWindowOpen" && r.Audience == NoticeAudience.Officer);
        Assert.Contains("chậm nhất 09:00 ngày 07/03/2025", warning.Body, StringComparison.Ordinal);
        Assert.True(warning.SentAt < OfficeTime.ToInstant(new LocalDateTime(2025, 3, 7, 9, 0)), "The Form 04 warning comes before the Form 04 deadline.");
    }

    [Fact]
    public async Task Ladder_DossierFoundFarOverdue_SendsTheHighestRungOnlyAndNoStaleWarning()
    {
        var code = (await _factory.SeedAsync(1))[0];
        _factory.MoveClockTo(2025, 3, 13, 10, 0);

        await CheckAndDispatchAsync();

        Assert.Equal(
            [($"{code}/ApologyWindowClosed/2025-03-10T09:00:00+07:00", Head), ($"{code}/Escalation/Overdue+24h:Supervisor", Supervisor)],
            Sent().Order().ToList());
    }

    [Fact]
    public async Task Dispatch_NobodyInTheRoleHasAnAddress_StaysUndeliveredCountedAndShownUntilResent()
    {
        var code = (await _factory.SeedAsync(1))[0];
        using var admin = await _factory.ClientForAsync("admin");
        using (var cleared = await admin.PutAsJsonAsync("/api/admin/users/giamsat/contact", new { email = "" }))
        {
            Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        }

        Assert.Equal("Healthy", await HealthAsync());
        _factory.MoveClockTo(2025, 3, 13, 10, 0);
        await CheckAndDispatchAsync();
        await CheckAndDispatchAsync();

        Assert.DoesNotContain(Sent(), s => s.Notice.EndsWith("Supervisor", StringComparison.Ordinal));
        var row = await _factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Audience == NoticeAudience.Supervisor));
        Assert.Null(row.SentAt);
        Assert.Null(row.SentTo);
        Assert.Equal(_factory.Clock.GetCurrentInstant(), row.UndeliveredAt);
        Assert.Contains("giamsat", row.LastError, StringComparison.Ordinal);
        Assert.Equal(1, row.Attempts);
        Assert.Equal("Degraded", await HealthAsync());

        using (var listed = JsonDocument.Parse(await admin.GetStringAsync(new Uri("/api/admin/notices/undelivered", UriKind.Relative))))
        {
            var notice = Assert.Single(listed.RootElement.EnumerateArray());
            Assert.Equal(code, notice.GetProperty("dossierCode").GetString());
            Assert.Equal("Supervisor", notice.GetProperty("audience").GetString());
        }

        using var page = await SignedInAsync("admin");
        Assert.Contains(code, await page.GetStringAsync(new Uri("/quan-tri/thong-bao", UriKind.Relative)), StringComparison.Ordinal);

        using (var set = await admin.PutAsJsonAsync("/api/admin/users/giamsat/contact", new { email = "giamsat@tinh.gov.vn" }))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }

        using (var resent = await admin.PostAsync(new Uri($"/api/admin/notices/{row.Id}/resend", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.Accepted, resent.StatusCode);
        }

        using (var again = await admin.PostAsync(new Uri($"/api/admin/notices/{row.Id}/resend", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        await _factory.Job<OutboxDispatchJob>().RunAsync(CancellationToken.None);
        Assert.Contains(($"{code}/Escalation/Overdue+24h:Supervisor", "giamsat@tinh.gov.vn"), Sent());
        Assert.Equal("Healthy", await HealthAsync());
    }

    [Fact]
    public async Task Dispatch_AtNightAndOnSunday_HoldsStaffNoticesUntilMondayMorning()
    {
        await _factory.SeedAsync(1);
        _factory.MoveClockTo(2025, 3, 7, 10, 0);
        await _factory.Job<SlaCheckJob>().RunAsync(CancellationToken.None);
        var dispatcher = _factory.Job<OutboxDispatchJob>();

        _factory.MoveClockTo(2025, 3, 7, 20, 0);
        Assert.Equal(0, await dispatcher.RunAsync(CancellationToken.None));
        var held = await _factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());
        Assert.All(held, m => Assert.Equal("2025-03-10T07:30:00+07:00", OfficeTime.FormatIso(m.NextAttemptAt!.Value)));
        Assert.All(held, m => Assert.Equal(0, m.Attempts));

        _factory.MoveClockTo(2025, 3, 9, 10, 0);
        Assert.Equal(0, await dispatcher.RunAsync(CancellationToken.None));
        Assert.Empty(_smtp.Messages);

        _factory.MoveClockTo(2025, 3, 10, 7, 30);
        Assert.Equal(held.Count, await dispatcher.RunAsync(CancellationToken.None));
        Assert.Equal(held.Count, _smtp.Messages.Count);
    }

    [Fact]
    public async Task Dispatch_RecipientAgencyOpensLater_HoldsItsNoticeToItsOwnHours()
    {
        var code = (await _factory.SeedAsync(1))[0];
        await _factory.WithDbAsync(async db =>
        {
            var province = await db.Agencies.SingleAsync(a => a.ElectronicId == "000.00.00.H99");
            province.SetOfficeHours([WorkSession.Parse("08:00-11:30"), WorkSession.Parse("13:00-17:00")], new LocalTime(15, 0), [], Deadlines.CountingMode.WorkingHours);
            return await db.SaveChangesAsync();
        });
        _factory.MoveClockTo(2025, 3, 13, 10, 0);
        await _factory.Job<SlaCheckJob>().RunAsync(CancellationToken.None);

        _factory.MoveClockTo(2025, 3, 14, 7, 45);
        await _factory.Job<OutboxDispatchJob>().RunAsync(CancellationToken.None);
        Assert.Equal([($"{code}/ApologyWindowClosed/2025-03-10T09:00:00+07:00", Head)], Sent());
        var supervisor = await _factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Audience == NoticeAudience.Supervisor));
        Assert.Equal("2025-03-14T08:00:00+07:00", OfficeTime.FormatIso(supervisor.NextAttemptAt!.Value));

        _factory.MoveClockTo(2025, 3, 14, 8, 0);
        await _factory.Job<OutboxDispatchJob>().RunAsync(CancellationToken.None);
        Assert.Contains(($"{code}/Escalation/Overdue+24h:Supervisor", Supervisor), Sent());
    }

    [Fact]
    public async Task Dispatch_CrashBetweenClaimAndSend_DelaysOnlyTheNoticeInFlight()
    {
        var codes = await _factory.SeedAsync(3, email: "nhung@example.vn");
        _factory.MoveClockTo(2025, 3, 4, 9, 0);
        Assert.Equal(3, await _factory.Job<OutboxDispatchJob>().RunAsync(CancellationToken.None)); // the three registrations
        foreach (var code in codes)
        {
            await _factory.MarkResultReadyAsync(code);
        }

        await _factory.Job<SlaCheckJob>().RunAsync(CancellationToken.None);
        var dying = ActivatorUtilities.CreateInstance<OutboxDispatchJob>(_factory.Services, new DyingChannel());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dying.RunAsync(CancellationToken.None));
        var claimed = await _factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.ClaimedUntil != null).ToListAsync());
        var inFlight = Assert.Single(claimed);

        var dispatcher = _factory.Job<OutboxDispatchJob>();
        Assert.Equal(2, await dispatcher.RunAsync(CancellationToken.None));
        Assert.DoesNotContain(Sent(), s => s.Notice == $"{inFlight.DossierCode}/{inFlight.Kind}/{inFlight.Threshold}");

        _factory.Clock.Advance(OutboxDispatchJob.ClaimFor + Duration.FromSeconds(1));
        Assert.Equal(1, await dispatcher.RunAsync(CancellationToken.None));
        Assert.Equal(6, Sent().Select(s => s.Notice).Distinct().Count());
        Assert.Equal(6, _smtp.Messages.Count);
    }

    [Fact]
    public async Task Restatement_MovesTheAppointment_TellsTheCitizenOnce()
    {
        _factory.MoveClockTo(2026, 11, 20, 9, 0);
        var code = (await _factory.SeedAsync(1, email: "nhung@example.vn"))[0];
        _factory.MoveClockTo(2026, 11, 23, 8, 0);
        await AddDayOffAsync(new LocalDate(2026, 11, 24));

        await _factory.Job<RestatementJob>().RunAsync(CancellationToken.None);
        await _factory.Job<RestatementJob>().RunAsync(CancellationToken.None);
        await CheckAndDispatchAsync();

        var moved = Assert.Single(Sent(), s => s.To == "nhung@example.vn" && s.Notice.StartsWith($"{code}/AppointmentMoved/", StringComparison.Ordinal));
        Assert.Contains(_smtp.Messages, m => m.Contains(moved.Notice, StringComparison.Ordinal) && MailText.Body(m).Contains("đổi sang 09:00 ngày 30/11/2026", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Apology_MovesTheAppointment_TellsTheCitizenWithAnApology()
    {
        var code = (await _factory.SeedAsync(1, email: "nhung@example.vn"))[0];
        _factory.MoveClockTo(2025, 3, 5, 10, 0);
        var moved = OfficeTime.ToInstant(new LocalDateTime(2025, 3, 14, 9, 0));
        await _factory.WithDbAsync(async db =>
        {
            var dossier = await db.Dossiers.Include(d => d.Apologies).SingleAsync(d => d.Code == code);
            var now = _factory.Clock.GetCurrentInstant();
            var apology = dossier.RequestApology("Cần xác minh thêm", moved, DossierAction.Now("chuyenvien", now));
            dossier.ApproveApology(apology.Id, approverIsHead: true, DossierAction.Now("lanhdao", now));
            return await db.SaveChangesAsync();
        });

        await CheckAndDispatchAsync();

        var told = Assert.Single(Sent(), s => s.To == "nhung@example.vn" && s.Notice.StartsWith($"{code}/AppointmentMoved/", StringComparison.Ordinal));
        Assert.Contains(_smtp.Messages, m => m.Contains(told.Notice, StringComparison.Ordinal) && MailText.Body(m).Contains("đổi sang 09:00 ngày 14/03/2025", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Thresholds:ApologyWarningWorkingDays", "0")]
    [InlineData("Thresholds:DueSoonWorkingDays", "-1")]
    [InlineData("Sla:Escalation:0:WorkingHoursAfter", "8")]
    public void Start_WarningAfterItsDeadline_IsRefused(string key, string value)
    {
        var settings = new Dictionary<string, string?> { [key] = value };
        if (key.StartsWith("Sla:", StringComparison.Ordinal))
        {
            settings["Sla:Escalation:0:Audience"] = "Officer";
            settings["Sla:Escalation:0:At"] = "DueSoon";
        }

        using var factory = new WorkerApiFactory(settings);
        var error = Assert.ThrowsAny<Exception>(() => factory.Services);
        Assert.Contains(key.Split(':')[0], error.ToString(), StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        _factory.Dispose();
        await _smtp.DisposeAsync();
    }

    private async Task CheckAndDispatchAsync()
    {
        await _factory.Job<SlaCheckJob>().RunAsync(CancellationToken.None);
        await _factory.Job<OutboxDispatchJob>().RunAsync(CancellationToken.None);
    }

    // (X-OneStop-Notice, To) of every message the listener got, in order.
    private List<(string Notice, string To)> Sent() => _smtp.Messages
        .Select(m => (NoticeHeader().Match(m).Groups[1].Value.Trim(), ToHeader().Match(m).Groups[1].Value.Trim()))
        .ToList();

    private async Task<string> HealthAsync()
    {
        using var client = _factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        return await response.Content.ReadAsStringAsync();
    }

    private async Task AddDayOffAsync(LocalDate day)
    {
        var stored = await _factory.WithDbAsync(db => db.CalendarNotices.AsNoTracking().ToListAsync());
        var notices = CalendarNoticeRecord.InForce(stored).ToList();
        notices.Add(new CalendarNotice("2026-test-day-off", 2026, [], "Test notice", "Ngày nghỉ thử nghiệm", [day], []));
        _factory.Services.GetRequiredService<WorkingCalendarProvider>().Rebuild(notices);
    }

    private async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = _factory.CreateClient();
        using var response = await PageForm.PostAsync(client, "/dang-nhap", "/dang-nhap", new() { ["userName"] = userName, ["password"] = OneStop.Api.Demo.DemoData.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    [GeneratedRegex(@"^X-OneStop-Notice:(.*)$", RegexOptions.Multiline)]
    private static partial Regex NoticeHeader();

    [GeneratedRegex(@"^To:(.*)$", RegexOptions.Multiline)]
    private static partial Regex ToHeader();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")]
    private static partial Regex IsoInstant();

    [GeneratedRegex(@"cấp \d/\d")]
    private static partial Regex Rung();

    // The process dies after claiming a notice, before the relay answers.
    private sealed class DyingChannel : INoticeChannel
    {
        public Task<string> SendAsync(OutboxMessage message, IReadOnlyList<string> addresses, CancellationToken cancellationToken) =>
            throw new OperationCanceledException("killed");
    }
}
