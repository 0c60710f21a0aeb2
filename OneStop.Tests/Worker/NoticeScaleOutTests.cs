using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OneStop.Jobs.Notifications;
using OneStop.Jobs.Sla;
using OneStop.Tests.Persistence;

namespace OneStop.Tests.Worker;

/// <summary>
/// Two dispatchers (two hosts) on one PostgreSQL database send one outbox at the same time through the SMTP test
/// listener: every notice is claimed by one of them and mailed exactly once.
/// </summary>
[Collection("postgres")]
public sealed partial class NoticeScaleOutTests(PostgresCluster cluster)
{
    private const int Dossiers = 100;

    [PostgresFact]
    public async Task TwoDispatchers_OneOutbox_MailEachNoticeExactlyOnce()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        await using var smtp = new SmtpListener();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["Database:MigrateAtStart"] = "true",
            ["ConnectionStrings:OneStop"] = connectionString,
            ["Notifications:Channel"] = "Smtp",
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Notifications:BatchSize"] = "20",
        };
        using var first = new WorkerApiFactory(settings);
        await first.SeedAsync(Dossiers);
        using var second = new WorkerApiFactory(settings);
        first.MoveClockTo(2025, 3, 10, 10, 0);
        second.MoveClockTo(2025, 3, 10, 10, 0);
        await first.Job<SlaCheckJob>().RunAsync(CancellationToken.None);
        var queued = await first.WithDbAsync(db => db.OutboxMessages.CountAsync());
        Assert.Equal(2 * Dossiers, queued);

        var runs = await Task.WhenAll(
            Task.Run(() => first.Job<OutboxDispatchJob>().RunAsync(CancellationToken.None)),
            Task.Run(() => second.Job<OutboxDispatchJob>().RunAsync(CancellationToken.None)),
            Task.Run(() => first.Job<OutboxDispatchJob>().RunAsync(CancellationToken.None)),
            Task.Run(() => second.Job<OutboxDispatchJob>().RunAsync(CancellationToken.None)));

        Assert.Equal(queued, runs.Sum());
        var headers = smtp.Messages.Select(m => NoticeHeader().Match(m).Groups[1].Value.Trim()).ToList();
        Assert.Equal(queued, headers.Count);
        Assert.Equal(queued, headers.Distinct().Count());
        var rows = await first.WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());
        Assert.All(rows, r => Assert.NotNull(r.SentAt));
        Assert.All(rows, r => Assert.Equal(1, r.Attempts));
    }

    [GeneratedRegex(@"^X-OneStop-Notice:(.*)$", RegexOptions.Multiline)]
    private static partial Regex NoticeHeader();
}
