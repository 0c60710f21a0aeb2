using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Api.Demo;
using OneStop.Jobs.Notifications;
using OneStop.Jobs.Sla;
using OneStop.Persistence;
using OneStop.Users;

namespace OneStop.Tests.Worker;

/// <summary>The outbox dispatcher with the SMTP channel, against a listener on loopback.</summary>
public sealed class OutboxDispatchTests : IAsyncDisposable
{
    private readonly SmtpListener _smtp = new();
    private readonly WorkerApiFactory _factory;

    public OutboxDispatchTests() => _factory = new WorkerApiFactory(new Dictionary<string, string?>
    {
        ["Notifications:Channel"] = "Smtp",
        ["Notifications:Smtp:Host"] = "127.0.0.1",
        ["Notifications:Smtp:Port"] = _smtp.Port.ToString(CultureInfo.InvariantCulture),
    });

    [Fact]
    public async Task Dispatch_RunTwice_SendsEachCitizenNoticeExactlyOnce()
    {
        var code = await ResultReadyAsync();
        var dispatcher = _factory.Job<OutboxDispatchJob>();

        await dispatcher.RunAsync(CancellationToken.None);
        await dispatcher.RunAsync(CancellationToken.None);
        await _factory.Job<SlaCheckJob>().RunAsync(CancellationToken.None);
        await dispatcher.RunAsync(CancellationToken.None);

        // Registration, then the result: one mail each.
        Assert.Equal(2, _smtp.Messages.Count);
        var message = Assert.Single(_smtp.Messages, m => m.Contains($"{code}/ResultReady/", StringComparison.Ordinal));
        Assert.Contains("nhung@example.vn", message, StringComparison.Ordinal);
        var row = await _factory.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.Kind == "ResultReady"));
        Assert.NotNull(row.SentAt);
        Assert.Equal(1, row.Attempts);
    }

    [Fact]
    public async Task Dispatch_RelayRefuses_RetriesAfterTheBackoffAndSendsOnce()
    {
        await ResultReadyAsync();
        var dispatcher = _factory.Job<OutboxDispatchJob>();
        _smtp.Failing = true;

        await dispatcher.RunAsync(CancellationToken.None);
        var failed = await _factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Kind == "ResultReady"));
        Assert.Null(failed.SentAt);
        Assert.Equal(1, failed.Attempts);
        Assert.Equal(_factory.Clock.GetCurrentInstant() + NodaTime.Duration.FromSeconds(60), failed.NextAttemptAt);

        _smtp.Failing = false;
        await dispatcher.RunAsync(CancellationToken.None);
        Assert.Empty(_smtp.Messages);

        _factory.Clock.Advance(NodaTime.Duration.FromSeconds(61));
        await dispatcher.RunAsync(CancellationToken.None);
        await dispatcher.RunAsync(CancellationToken.None);
        Assert.Single(_smtp.Messages, m => m.Contains("/ResultReady/", StringComparison.Ordinal));
        var sent = await _factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Kind == "ResultReady"));
        Assert.Equal(2, sent.Attempts);
        Assert.NotNull(sent.SentAt);
    }

    [Fact]
    public async Task Dispatch_StepOverdue_GoesToTheOfficersOfTheUnitHoldingTheDossierElseToAll()
    {
        await AddOfficerAsync("tuphap@example.vn", "Phòng Tư pháp");
        await AddOfficerAsync("dat@example.vn", "Phòng Tài nguyên");
        var codes = await _factory.SeedAsync(2);
        await _factory.HandOverAsync(codes[0], "Phòng Tư pháp", 16);
        await _factory.HandOverAsync(codes[1], "Phòng Xây dựng", 16); // nobody is assigned to it

        _factory.MoveClockTo(2025, 3, 5, 10, 0);
        await _factory.Job<SlaCheckJob>().RunAsync(CancellationToken.None);
        await _factory.Job<OutboxDispatchJob>().RunAsync(CancellationToken.None);

        var sent = await _factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind == "StepOverdue").ToDictionaryAsync(m => m.DossierCode));
        Assert.Equal("Phòng Tư pháp", sent[codes[0]].Unit);
        Assert.Equal("tuphap@example.vn", sent[codes[0]].SentTo);
        Assert.Equal("Phòng Xây dựng", sent[codes[1]].Unit);
        Assert.Contains("tuphap@example.vn", sent[codes[1]].SentTo, StringComparison.Ordinal);
        Assert.Contains("dat@example.vn", sent[codes[1]].SentTo, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        _factory.Dispose();
        await _smtp.DisposeAsync();
    }

    // An officer of the seeded dossiers' agency, with an email, working in a unit.
    private async Task AddOfficerAsync(string email, string unit)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var agency = await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().Agencies.SingleAsync(a => a.ElectronicId == "000.00.12.H99");
        var user = new StaffUser { UserName = email.Split('@')[0], Email = email, FullName = email, AgencyId = agency.Id, Unit = unit };
        Assert.True((await users.CreateAsync(user, DemoData.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Officer)).Succeeded);
    }

    // A dossier with the citizen's email whose result is ready a day after acceptance, checked once.
    private async Task<string> ResultReadyAsync()
    {
        var code = (await _factory.SeedAsync(1, email: "nhung@example.vn"))[0];
        _factory.MoveClockTo(2025, 3, 4, 9, 0);
        await _factory.MarkResultReadyAsync(code);
        await _factory.Job<SlaCheckJob>().RunAsync(CancellationToken.None);
        return code;
    }
}
