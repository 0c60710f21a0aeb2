using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using OneStop.Calendar;
using OneStop.Jobs.Notifications;
using OneStop.Jobs.Sla;
using OneStop.Notifications;
using OneStop.Tests.Persistence;
using static OneStop.Tests.Api.Dossiers.DossierApi;

namespace OneStop.Tests.Worker;

/// <summary>
/// The citizen's notice on every change of status (Decree 224/2026 art. 15(1)(g)), through the outbox, by e-mail
/// (the SMTP test listener) and by SMS/Zalo (a fake provider gateway on loopback).
/// </summary>
public sealed partial class CitizenNoticeTests : IAsyncLifetime
{
    private const string PublicSite = "https://motcua.example.vn";
    private const string Credential = "Bearer gateway-test-key";
    private const string Email = "nhung@example.vn";
    private const string Phone = "0912345678";
    private readonly SmtpListener _smtp = new();
    private GatewayListener _gateway = null!;
    private WorkerApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _gateway = await GatewayListener.StartAsync();
        _factory = new WorkerApiFactory(Settings(_smtp, _gateway));
    }

    public async Task DisposeAsync()
    {
        _factory.Dispose();
        await _gateway.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task StatusChanges_CitizenConsented_EachReachesTheGatewayAndTheMailboxOnce()
    {
        var clerk = await _factory.ClientForAsync("motcua");
        var officer = await _factory.ClientForAsync("chuyenvien");
        var code = await RegisterAsync(clerk, Consenting(consent: true));
        await DispatchTwiceAsync();
        _factory.Clock.AdvanceHours(1);
        (await PostAsync(clerk, code, "handovers", new { toUnit = "Công chức Tư pháp - Hộ tịch" })).EnsureSuccessStatusCode();
        (await PostAsync(officer, code, "handovers", new { toUnit = "Công chức Văn hóa - Xã hội" })).EnsureSuccessStatusCode(); // no status change
        await DispatchTwiceAsync();
        _factory.Clock.AdvanceHours(1);
        (await PostAsync(officer, code, "supplement-requests", new { reason = "Thiếu giấy tờ", missingDocuments = "Giấy xác nhận tình trạng hôn nhân" })).EnsureSuccessStatusCode();
        await DispatchTwiceAsync();
        _factory.Clock.AdvanceHours(2);
        (await PostAsync(clerk, code, "supplements")).EnsureSuccessStatusCode();
        _factory.Clock.AdvanceHours(2);
        (await PostAsync(officer, code, "result", new { note = "Đã ký" })).EnsureSuccessStatusCode();
        await DispatchTwiceAsync();
        _factory.Clock.AdvanceHours(1);
        (await PostAsync(clerk, code, "return", new { receivedBy = "Nguyễn Thị Hồng Nhung" })).EnsureSuccessStatusCode();
        await DispatchTwiceAsync();

        string[] kinds = ["Received", "AtDepartment", "SupplementRequested", "SupplementReceived", "ResultReady", "Returned"];
        var delivered = _gateway.Delivered;
        Assert.Equal(kinds, delivered.Select(r => r.Reference.Split('/')[1]));
        Assert.Equal(delivered.Count, delivered.Select(r => r.Reference).Distinct().Count());
        Assert.All(delivered, r =>
        {
            Assert.Equal(Phone, r.To);
            Assert.Equal(Credential, r.Authorization);
            Assert.StartsWith("Kính gửi Nguyễn Thị Hồng Nhung: ", r.Text, StringComparison.Ordinal);
            Assert.Contains(code, r.Text, StringComparison.Ordinal);
            Assert.Contains($"{PublicSite}/tra-cuu/{code}", r.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("001190012345", r.Text, StringComparison.Ordinal); // id number
            Assert.DoesNotContain("Đống Đa, Hà Nội", r.Text, StringComparison.Ordinal); // address
            Assert.DoesNotContain(Email, r.Text, StringComparison.Ordinal);
        });
        Assert.Matches(@"hẹn trả kết quả \d\d:\d\d ngày \d\d/\d\d/2025\.", delivered[3].Text);

        var mails = _smtp.Messages;
        Assert.Equal(kinds, mails.Select(m => NoticeHeader().Match(m).Groups[1].Value.Trim().Split('/')[1]));
        Assert.All(mails, m => Assert.Matches($"(?m)^To: {Regex.Escape(Email)}", m));
        Assert.All(mails, m => Assert.Contains($"{PublicSite}/tra-cuu/{code}", MailText.Body(m), StringComparison.Ordinal));
        Assert.All(mails, m => Assert.DoesNotContain(Phone, MailText.Body(m), StringComparison.Ordinal));
    }

    [Fact]
    public async Task StatusChanges_NoConsent_NothingIsSent()
    {
        var clerk = await _factory.ClientForAsync("motcua");
        var officer = await _factory.ClientForAsync("chuyenvien");
        var code = await RegisterAsync(clerk, Consenting(consent: false));
        (await PostAsync(clerk, code, "handovers", new { toUnit = "Công chức Tư pháp - Hộ tịch" })).EnsureSuccessStatusCode();
        (await PostAsync(officer, code, "result", new { note = "Đã ký" })).EnsureSuccessStatusCode();
        await DispatchTwiceAsync();

        Assert.Empty(_gateway.Requests);
        Assert.Empty(_smtp.Messages);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Audience == NoticeAudience.Citizen)));
    }

    [Fact]
    public async Task Register_ConsentWithoutAnyContact_400NamingNoticeConsentAndNothingWritten()
    {
        var clerk = await _factory.ClientForAsync("motcua");
        var before = await _factory.WithDbAsync(db => db.Dossiers.CountAsync());
        using var response = await clerk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "1.000894.H99",
            applicant = new { fullName = "Nguyễn Thị Hồng Nhung", address = "Hà Nội" },
            noticeConsent = true,
        });

        await AssertInvalidAsync(response, "noticeConsent");
        Assert.Equal(before, await _factory.WithDbAsync(db => db.Dossiers.CountAsync()));
    }

    [Fact]
    public async Task Dispatch_ChangeAtNight_HeldUntilTheMorningSession()
    {
        var code = (await _factory.SeedAsync(1, email: Email, phone: Phone))[0];
        await DispatchTwiceAsync();
        Assert.Single(_gateway.Delivered); // Received, in office hours
        _factory.MoveClockTo(2025, 3, 7, 21, 0); // Friday night
        await _factory.MarkResultReadyAsync(code);

        await DispatchTwiceAsync();
        Assert.Single(_gateway.Delivered);
        Assert.Single(_smtp.Messages);
        var held = await _factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind == CitizenNoticeRule.ResultReady).ToListAsync());
        Assert.Equal(2, held.Count);
        Assert.All(held, m => Assert.Equal("2025-03-10T07:30:00+07:00", OfficeTime.FormatIso(m.NextAttemptAt!.Value)));
        Assert.All(held, m => Assert.Equal(0, m.Attempts));

        _factory.MoveClockTo(2025, 3, 10, 7, 30); // Monday morning
        await DispatchTwiceAsync();
        Assert.Equal(2, _gateway.Delivered.Count);
        Assert.Equal(2, _smtp.Messages.Count);
    }

    [Fact]
    public async Task Dispatch_GatewayAnswers503_RetriedAfterTheBackoffAndDeliveredOnce()
    {
        await _factory.SeedAsync(1, phone: Phone);
        _gateway.Failing = true;
        var dispatcher = _factory.Job<OutboxDispatchJob>();

        await dispatcher.RunAsync(CancellationToken.None);
        await dispatcher.RunAsync(CancellationToken.None);
        var failed = Assert.Single(_gateway.Requests);
        Assert.Equal(503, failed.Status);
        var row = await _factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Channel == NoticeChannel.Gateway));
        Assert.Equal(1, row.Attempts);
        Assert.Null(row.SentAt);
        Assert.Equal(_factory.Clock.GetCurrentInstant() + Duration.FromSeconds(60), row.NextAttemptAt);

        _gateway.Failing = false;
        _factory.Clock.Advance(Duration.FromSeconds(61));
        await dispatcher.RunAsync(CancellationToken.None);
        await dispatcher.RunAsync(CancellationToken.None);

        var delivered = Assert.Single(_gateway.Delivered);
        Assert.Equal(failed.Reference, delivered.Reference);
        Assert.Equal(failed.IdempotencyKey, delivered.IdempotencyKey);
        Assert.Equal(row.Id.ToString(), delivered.IdempotencyKey);
        Assert.Empty(_smtp.Messages); // consented by phone only
        var sent = await _factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Channel == NoticeChannel.Gateway));
        Assert.Equal(2, sent.Attempts);
        Assert.NotNull(sent.SentAt);
    }

    [Fact]
    public async Task ResultWaitingTooLong_NotCollectedFromTheWorker_ToldOncePerChannel()
    {
        var code = (await _factory.SeedAsync(1, email: Email, phone: Phone))[0];
        _factory.MoveClockTo(2025, 3, 4, 9, 0);
        await _factory.MarkResultReadyAsync(code);
        _factory.MoveClockTo(2025, 3, 19, 9, 0);
        await _factory.Job<SlaCheckJob>().RunAsync(CancellationToken.None);
        await _factory.Job<SlaCheckJob>().RunAsync(CancellationToken.None);
        await DispatchTwiceAsync();

        Assert.Equal(["Received", "ResultReady", "NotCollected"], _gateway.Delivered.Select(r => r.Reference.Split('/')[1]));
        Assert.Equal(3, _smtp.Messages.Count);
    }

    [Fact]
    public void Options_TemplateWithAnUnknownPlaceholderOrWithoutTheLink_RefusedAtStart()
    {
        var options = new CitizenNoticeOptions { PublicBaseUrl = PublicSite };
        Assert.Null(options.Problem());
        options.Templates["ResultReady"] = "Hồ sơ {code} của {idNumber}: {link}";
        Assert.Contains("{idNumber}", options.Problem(), StringComparison.Ordinal);
        options.Templates["ResultReady"] = "Hồ sơ {code} đã có kết quả.";
        Assert.Contains("{link}", options.Problem(), StringComparison.Ordinal);
        options.Templates.Clear();
        options.Templates["Overdue"] = "Hồ sơ {code}: {link}";
        Assert.Contains("not a kind", options.Problem(), StringComparison.Ordinal);
        options.Templates.Clear();
        options.Gateway.Url = "ftp://gateway";
        Assert.Contains("Gateway:Url", options.Problem(), StringComparison.Ordinal);
    }

    [Fact]
    public void Host_BadTemplate_DoesNotStart()
    {
        var settings = Settings(_smtp, _gateway);
        settings["CitizenNotices:Templates:Refused"] = "Hồ sơ {code} bị từ chối.";
        using var factory = new WorkerApiFactory(settings);
        var e = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("CitizenNotices:Templates:Refused", e.ToString(), StringComparison.Ordinal);
    }

    internal static Dictionary<string, string?> Settings(SmtpListener smtp, GatewayListener gateway) => new()
    {
        ["Notifications:Channel"] = "Smtp",
        ["Notifications:Smtp:Host"] = "127.0.0.1",
        ["Notifications:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Documents:PublicBaseUrl"] = PublicSite,
        ["CitizenNotices:Gateway:Url"] = gateway.Url,
        ["CitizenNotices:Gateway:HeaderValue"] = Credential,
    };

    private static object Consenting(bool consent) => new
    {
        procedureCode = "1.000894.H99",
        applicant = new { fullName = "Nguyễn Thị Hồng Nhung", idNumber = "001190012345", phone = Phone, address = "Phường Đống Đa, Hà Nội", email = Email },
        documents = new[] { new { name = "Tờ khai đăng ký kết hôn", originals = 1, copies = 0 } },
        channel = "Counter",
        noticeConsent = consent,
    };

    private async Task DispatchTwiceAsync()
    {
        await _factory.Job<OutboxDispatchJob>().RunAsync(CancellationToken.None);
        await _factory.Job<OutboxDispatchJob>().RunAsync(CancellationToken.None);
    }

    [GeneratedRegex(@"^X-OneStop-Notice:(.*)$", RegexOptions.Multiline)]
    private static partial Regex NoticeHeader();
}

/// <summary>Two dispatchers on one PostgreSQL database: each citizen's message reaches the gateway and the mailbox once.</summary>
[Collection("postgres")]
public sealed class CitizenNoticeScaleOutTests(PostgresCluster cluster)
{
    private const int Dossiers = 40;

    [PostgresFact]
    public async Task TwoDispatchers_CitizenMessages_EachDeliveredExactlyOnce()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        await using var smtp = new SmtpListener();
        await using var gateway = await GatewayListener.StartAsync();
        var settings = CitizenNoticeTests.Settings(smtp, gateway);
        settings["Database:Provider"] = "PostgreSql";
        settings["Database:MigrateAtStart"] = "true";
        settings["ConnectionStrings:OneStop"] = connectionString;
        settings["Notifications:BatchSize"] = "10";
        using var first = new WorkerApiFactory(settings);
        await first.SeedAsync(Dossiers, email: "nhung@example.vn", phone: "0912345678");
        using var second = new WorkerApiFactory(settings);
        Assert.Equal(2 * Dossiers, await first.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Audience == NoticeAudience.Citizen)));

        var runs = await Task.WhenAll(
            Task.Run(() => first.Job<OutboxDispatchJob>().RunAsync(CancellationToken.None)),
            Task.Run(() => second.Job<OutboxDispatchJob>().RunAsync(CancellationToken.None)),
            Task.Run(() => first.Job<OutboxDispatchJob>().RunAsync(CancellationToken.None)),
            Task.Run(() => second.Job<OutboxDispatchJob>().RunAsync(CancellationToken.None)));

        Assert.Equal(2 * Dossiers, runs.Sum());
        Assert.Equal(Dossiers, gateway.Requests.Count);
        Assert.Equal(Dossiers, gateway.Requests.Select(r => r.Reference).Distinct().Count());
        Assert.Equal(Dossiers, smtp.Messages.Count);
    }
}
