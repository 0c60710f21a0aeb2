using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Api.Demo;
using OneStop.Persistence;
using OneStop.Tests.Api.Dossiers;
using OneStop.Tests.Api.Pages;
using OneStop.Tests.Persistence;
using Xunit.Abstractions;

namespace OneStop.Tests.Api.Hosting;

/// <summary>
/// Two API instances on one database, as a province runs them behind a load balancer: each started from its own
/// folder (so that nothing but the database is shared), each with its own process state. A cookie, an antiforgery
/// token, a bearer token and a refresh token issued by one are accepted by the other, and a day off entered on
/// one moves the other's deadlines within the calendar poll interval (<c>Calendar:PollSeconds</c>, 5 s), a cut-off
/// changed on one within <c>StaffCache:Seconds</c> (5 s).
/// </summary>
public abstract class TwoInstanceScenarios(ITestOutputHelper output) : IDisposable
{
    /// <summary>The poll interval under test: the default.</summary>
    protected const int PollSeconds = 5;

    /// <summary>How long another instance may keep a member of staff and their agency: the default.</summary>
    protected const int StaffCacheSeconds = 5;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "onestop-two-" + Guid.NewGuid().ToString("N"));
    private readonly List<IDisposable> _owned = [];

    /// <summary>The settings that put an instance on the shared database.</summary>
    protected abstract Task<IDictionary<string, string?>> DatabaseAsync();

    protected async Task CookiesAntiforgeryAndTokensCrossInstancesAsync()
    {
        var (a, b) = await StartPairAsync();

        // Pages: the sign-in form and its antiforgery cookie from A, posted to B; B's sign-in cookie read by A;
        // A's sign-out form (its token bound to the signed-in user) posted to B.
        using var router = new Router(a.Server.CreateHandler(), b.Server.CreateHandler());
        using var browser = new HttpClient(new CookieContainerHandler { InnerHandler = router }) { BaseAddress = new Uri("http://localhost") };
        router.ToB = false;
        var signInToken = Token(await browser.GetStringAsync(new Uri("/dang-nhap", UriKind.Relative)));
        router.ToB = true;
        using (var signedIn = await PostFormAsync(browser, "/dang-nhap", new() { ["userName"] = "motcua", ["password"] = DemoData.Password, ["__RequestVerificationToken"] = signInToken }))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            Assert.Equal("/quay", signedIn.Headers.Location?.OriginalString);
        }

        router.ToB = false;
        using (var desk = await browser.GetAsync(new Uri("/quay", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, desk.StatusCode);
        }

        var signOutToken = Token(await browser.GetStringAsync(new Uri("/quay", UriKind.Relative)));
        router.ToB = true;
        using (var signedOut = await PostFormAsync(browser, "/dang-xuat", new() { ["__RequestVerificationToken"] = signOutToken }))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        }

        // API: a bearer token from A used on B; A's refresh token rotated on B; the spent one replayed on A
        // revokes the family for both (the store is the database).
        using var fromA = a.CreateClient();
        using var fromB = b.CreateClient();
        using var login = await fromA.PostAsJsonAsync("/api/auth/login", new { userName = "motcua", password = DemoData.Password });
        var (access, refresh) = await TokensAsync(login);
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/api/dossiers"))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access);
            using var listed = await fromB.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        }

        using var rotated = await fromB.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = refresh });
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var (_, next) = await TokensAsync(rotated);
        using var replayed = await fromA.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = refresh });
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        using var revoked = await fromB.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = next });
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);

        // One key ring, in the database, encrypted there.
        await using var scope = a.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().DataProtectionKeys.AsNoTracking().ToListAsync();
        var key = Assert.Single(keys);
        Assert.Contains("<encryptedKey", key.Xml, StringComparison.Ordinal);
        Assert.DoesNotContain("masterKey", key.Xml, StringComparison.Ordinal);
    }

    protected async Task DayOffReachesTheOtherInstanceAsync()
    {
        var (a, b) = await StartPairAsync();
        var admin = await a.ClientForAsync("admin");
        var clerkOnB = await b.ClientForAsync("motcua");
        using var anonymousA = a.CreateClient();
        using var anonymousB = b.CreateClient();
        var before = await RegisteredDueAsync(clerkOnB);
        var previewBefore = await PreviewDueAsync(anonymousB);

        var figures = new List<double>();
        for (var round = 1; round <= 3; round++)
        {
            // A day off on the date the preview is now due moves it (and the registration's, due later).
            var current = await PreviewDueAsync(anonymousB);
            var dayOff = current[..10];
            using var stored = await admin.PostAsJsonAsync("/api/admin/calendar/notices", new
            {
                key = $"2025-scale-out-{round}",
                year = 2025,
                covers = Array.Empty<string>(),
                documentNumber = "Thông báo thử nghiệm " + round,
                name = "Ngày nghỉ thử nghiệm",
                daysOff = new[] { dayOff },
                makeUpWorkingDays = Array.Empty<string>(),
            });
            Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
            var clock = Stopwatch.StartNew();
            var expected = await PreviewDueAsync(anonymousA);
            Assert.NotEqual(current, expected);
            while (await PreviewDueAsync(anonymousB) != expected)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(PollSeconds + 3), $"Instance B still computes the old due {PollSeconds + 3} s after the notice.");
                await Task.Delay(20);
            }

            figures.Add(clock.Elapsed.TotalMilliseconds);
        }

        // The registration on B after the change counts the three days off too: 5 working days from Monday 3 March
        // 2025 09:00 were due Monday 10 March, now Thursday 13 March.
        Assert.Equal("2025-03-06T09:00:00+07:00", previewBefore);
        Assert.Equal("2025-03-10T09:00:00+07:00", before);
        Assert.Equal("2025-03-13T09:00:00+07:00", await RegisteredDueAsync(clerkOnB));
        output.WriteLine($"{GetType().Name}: a day off entered on instance A was in force on instance B after {string.Join(", ", figures.Select(f => f.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))} ms (poll every {PollSeconds} s).");
        Assert.All(figures, f => Assert.True(f <= (PollSeconds + 2) * 1000, $"{f} ms"));
    }

    protected async Task CutOffReachesTheOtherInstanceAsync()
    {
        var (a, b) = await StartPairAsync();
        var admin = await a.ClientForAsync("admin");
        var clerkOnA = await a.ClientForAsync("motcua");
        var clerkOnB = await b.ClientForAsync("motcua");
        Assert.Equal("2025-03-10T09:00:00+07:00", await RegisteredDueAsync(clerkOnA));
        Assert.Equal("2025-03-10T09:00:00+07:00", await RegisteredDueAsync(clerkOnB));

        // Office hours live on the agency's row, which each instance keeps with the clerk (StaffCache, issue 19): the
        // instance that saves a change applies it at once, another within StaffCache:Seconds (5 s), as it does a
        // day off within the calendar's poll. With a cut-off of 08:30 a dossier accepted at 09:00 starts counting the
        // next working day (Decree 61/2018 art. 18): five whole working days from Tuesday 4 March end with Monday 10 March.
        using var changed = await admin.PutAsJsonAsync("/api/admin/agencies/000.00.12.H99", new { cutOff = "08:30" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var clock = Stopwatch.StartNew();

        Assert.Equal("2025-03-10T17:00:00+07:00", await RegisteredDueAsync(clerkOnA));
        while (await RegisteredDueAsync(clerkOnB) != "2025-03-10T17:00:00+07:00")
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(StaffCacheSeconds + 3), $"Instance B still registers with the old cut-off {StaffCacheSeconds + 3} s after the change.");
            await Task.Delay(100);
        }

        output.WriteLine($"{GetType().Name}: a cut-off changed on instance A was in force on instance B after {clock.Elapsed.TotalMilliseconds:F0} ms (StaffCache:Seconds {StaffCacheSeconds}).");
    }

    public void Dispose()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            owned.Dispose();
        }

        GC.SuppressFinalize(this);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown: the temp folder is cleaned by the OS.
        }
    }

    /// <summary>Starts instance A (which migrates and seeds the database), then instance B from another folder.</summary>
    private async Task<(InstanceFactory A, InstanceFactory B)> StartPairAsync()
    {
        Directory.CreateDirectory(_folder);
        var database = await DatabaseAsync();
        var a = new InstanceFactory(database, Path.Combine(_folder, "a"));
        _owned.Add(a);
        _ = a.Server;
        var b = new InstanceFactory(database, Path.Combine(_folder, "b"));
        _owned.Add(b);
        _ = b.Server;
        return (a, b);
    }

    private static async Task<string> RegisteredDueAsync(HttpClient clerk)
    {
        using var response = await clerk.PostAsJsonAsync("/api/dossiers", DossierApi.Registration());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("statutoryDueAt").GetString()!;
    }

    private static async Task<string> PreviewDueAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/api/deadlines/preview", new
        {
            acceptedAt = "2025-03-03T09:00:00+07:00",
            duration = new { amount = 3, unit = "WorkingDays" },
        });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("dueAt").GetString()!;
    }

    private static async Task<(string Access, string Refresh)> TokensAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (body.RootElement.GetProperty("accessToken").GetString()!, body.RootElement.GetProperty("refreshToken").GetString()!);
    }

    private static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string action, Dictionary<string, string> fields) =>
        client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(fields));

    private static string Token(string html) => PageForm.TokenPattern().Match(html).Groups[1].Value;

    /// <summary>One instance: the shared database, its own content root (so its own default key folder name).</summary>
    private sealed class InstanceFactory(IDictionary<string, string?> database, string contentRoot) : OneStopApiFactory
    {
        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var all = base.Settings;
                foreach (var (key, value) in database)
                {
                    all[key] = value;
                }

                all["Calendar:PollSeconds"] = PollSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return all;
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            Directory.CreateDirectory(contentRoot);
            base.ConfigureWebHost(builder);
            builder.UseContentRoot(contentRoot);
        }
    }

    /// <summary>Sends each request to instance A or B, as a load balancer would, under one cookie jar.</summary>
    private sealed class Router(HttpMessageHandler a, HttpMessageHandler b) : HttpMessageHandler
    {
        private readonly HttpMessageInvoker _a = new(a);
        private readonly HttpMessageInvoker _b = new(b);

        public bool ToB { get; set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            (ToB ? _b : _a).SendAsync(request, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _a.Dispose();
                _b.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}

/// <summary>Two instances on one PostgreSQL database.</summary>
[Collection("postgres")]
public sealed class PostgresTwoInstanceTests(PostgresCluster cluster, ITestOutputHelper output) : TwoInstanceScenarios(output)
{
    [PostgresFact]
    public Task TwoInstances_CookiesAntiforgeryAndTokens_AreAcceptedByEachOther() => CookiesAntiforgeryAndTokensCrossInstancesAsync();

    [PostgresFact]
    public Task TwoInstances_DayOffEnteredOnOne_MovesTheOthersDeadlinesWithinThePollInterval() => DayOffReachesTheOtherInstanceAsync();

    [PostgresFact]
    public Task TwoInstances_CutOffChangedOnOne_InForceThereAtOnceOnTheOtherWithinTheCacheBound() => CutOffReachesTheOtherInstanceAsync();

    protected override async Task<IDictionary<string, string?>> DatabaseAsync() => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "PostgreSql",
        ["Database:MigrateAtStart"] = "true",
        ["ConnectionStrings:OneStop"] = await cluster.CreateDatabaseAsync(),
    };
}

/// <summary>Two instances on one embedded SQLite file (two processes of one machine, e.g. during a restart).</summary>
public sealed class SqliteTwoInstanceTests(ITestOutputHelper output) : TwoInstanceScenarios(output)
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "onestop-two-" + Guid.NewGuid().ToString("N") + ".db");

    [Fact]
    public Task TwoInstances_CookiesAntiforgeryAndTokens_AreAcceptedByEachOther() => CookiesAntiforgeryAndTokensCrossInstancesAsync();

    [Fact]
    public Task TwoInstances_DayOffEnteredOnOne_MovesTheOthersDeadlinesWithinThePollInterval() => DayOffReachesTheOtherInstanceAsync();

    [Fact]
    public Task TwoInstances_CutOffChangedOnOne_InForceThereAtOnceOnTheOtherWithinTheCacheBound() => CutOffReachesTheOtherInstanceAsync();

    protected override Task<IDictionary<string, string?>> DatabaseAsync() => Task.FromResult<IDictionary<string, string?>>(new Dictionary<string, string?>
    {
        ["ConnectionStrings:OneStop"] = $"Data Source={_file}",
    });
}
