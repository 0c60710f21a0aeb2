using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using OneStop.Persistence;
using OneStop.Tests.Persistence;
using static OneStop.Tests.Api.Dossiers.DossierApi;

namespace OneStop.Tests.Api.Dossiers;

/// <summary>
/// Dossier codes through the API (Circular 01/2018 art. 19, Circular 03/2025 art. 13 and Circular 04/2025): unique
/// for all time, grown past 4 digits, in both agency-id styles, with the AA infix. Each scenario uses its own day,
/// so they share one database.
/// </summary>
public abstract class DossierCodeScenarios<TFactory>(TFactory factory)
    where TFactory : OneStopApiFactory
{
    protected TFactory Factory { get; } = factory;

    protected async Task SameDayACenturyApartAsync()
    {
        Factory.Clock.Reset(At(2025, 6, 2));
        var clerk = await Factory.ClientForAsync("motcua");

        var old = await RegisterAsync(clerk, Registration(acceptedAt: "1925-06-02T09:00:00+07:00"));
        var today = await RegisterAsync(clerk);
        var again = await RegisterAsync(clerk);

        var n = SequenceOf(old, "000.00.12.H99-250602-");
        Assert.Equal(Code("000.00.12.H99-250602-", n + 1), today);
        Assert.Equal(Code("000.00.12.H99-250602-", n + 2), again);
        using var found = await GetAsync(clerk, "/api/dossiers/" + old);
        Assert.StartsWith("1925-06-02", found.RootElement.GetProperty("acceptedAt").GetString(), StringComparison.Ordinal);
    }

    protected async Task CodeAlreadyIssuedAsync()
    {
        Factory.Clock.Reset(At(2025, 6, 3));
        var clerk = await Factory.ClientForAsync("motcua");
        var first = await RegisterAsync(clerk);

        // The day's counter is gone (as when codes were issued under an earlier counter scheme): the next draw
        // answers 0001 again, which the first dossier holds.
        await WithDbAsync(db => db.SequenceCounters.Where(c => c.Key == "code:000.00.12.H99-250603-").ExecuteDeleteAsync());
        var second = await RegisterAsync(clerk);
        var third = await RegisterAsync(clerk);

        var n = SequenceOf(first, "000.00.12.H99-250603-");
        Assert.Equal(Code("000.00.12.H99-250603-", n + 1), second);
        Assert.Equal(Code("000.00.12.H99-250603-", n + 2), third);
    }

    protected async Task DayPastNineThousandNineHundredNinetyNineAsync()
    {
        Factory.Clock.Reset(At(2025, 6, 4));
        var clerk = await Factory.ClientForAsync("motcua");
        await WithDbAsync(db => SequenceCounters.RaiseAsync(db, "code:000.00.12.H99-250604-", 9_998, CancellationToken.None));

        var codes = new[] { await RegisterAsync(clerk), await RegisterAsync(clerk), await RegisterAsync(clerk) };

        Assert.Equal(["000.00.12.H99-250604-9999", "000.00.12.H99-250604-10000", "000.00.12.H99-250604-10001"], codes);
        foreach (var code in codes)
        {
            using var found = await GetAsync(clerk, "/api/dossiers/" + code);
            Assert.Equal(code, found.RootElement.GetProperty("code").GetString());
            using var lookup = await GetAsync(Factory.CreateClient(), "/api/public/status/" + code);
            Assert.Equal(code, lookup.RootElement.GetProperty("code").GetString());
        }
    }

    protected async Task BothIdStylesAsync()
    {
        Factory.Clock.Reset(At(2025, 6, 5));
        var clerk = await Factory.ClientForAsync("motcua2");
        var admin = await Factory.ClientForAsync("admin");
        var before = await RegisterAsync(clerk);

        // Hòa Bình moves from the 2018 style to Decision 20/2020's, written from the province down.
        using (var renamed = await admin.PutAsJsonAsync("/api/admin/agencies/000.00.13.H99", new { electronicId = "H99.13.01" }))
        {
            Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        }

        try
        {
            var after = await RegisterAsync(clerk);

            Assert.Equal("000.00.13.H99-250605-0001", before);
            Assert.Equal("H99.13.01-250605-0001", after);
            using var earlier = await GetAsync(clerk, "/api/dossiers/" + before);
            Assert.Equal(before, earlier.RootElement.GetProperty("code").GetString());
        }
        finally
        {
            using var back = await admin.PutAsJsonAsync("/api/admin/agencies/H99.13.01", new { electronicId = "000.00.13.H99" });
            Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        }
    }

    protected async Task CentralisedProcedureAsync()
    {
        Factory.Clock.Reset(At(2025, 6, 6));
        using var centralised = Factory.WithWebHostBuilder(b => b.UseSetting("DossierCodes:CentralisedProcedures:1.004227.H99", "01"));
        var clerk = await OneStopApiFactory.SignInAsync(centralised.CreateClient(), "motcua");

        var local = await RegisterAsync(clerk);
        var national = await RegisterAsync(clerk, Registration("1.004227.H99"));
        var nationalAgain = await RegisterAsync(clerk, Registration("1.004227.H99"));

        Assert.StartsWith("000.00.12.H99-250606-", local, StringComparison.Ordinal);
        Assert.Equal(4, local.Length - "000.00.12.H99-250606-".Length);
        Assert.Equal("000.00.12.H99-250606-010001", national);
        Assert.Equal("000.00.12.H99-250606-010002", nationalAgain);
    }

    protected async Task TwentyClerksOnTwoDaysAsync()
    {
        // Ten clerks on 15 January's dossiers and ten on 16 January's (days no demo dossier takes): two code
        // counters, one book counter.
        Factory.Clock.Reset(At(2025, 6, 10));
        var clerks = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Factory.ClientForAsync("motcua")));

        var answers = await Task.WhenAll(clerks.Select((c, i) => RegisterWithLineAsync(c, i % 2 == 0 ? "2025-01-15T10:00:00+07:00" : "2025-01-16T10:00:00+07:00")));

        foreach (var day in new[] { "250115", "250116" })
        {
            var sequences = answers.Where(a => a.Code.Contains("-" + day + "-", StringComparison.Ordinal)).Select(a => int.Parse(a.Code[^4..], System.Globalization.CultureInfo.InvariantCulture)).Order();
            Assert.Equal(Enumerable.Range(1, 10), sequences);
        }

        var lines = answers.Select(a => a.Line).Order().ToList();
        Assert.Equal(Enumerable.Range(lines[0], 20), lines);
    }

    private static async Task<(string Code, int Line)> RegisterWithLineAsync(HttpClient clerk, string? acceptedAt)
    {
        using var response = await clerk.PostAsJsonAsync("/api/dossiers", Registration(acceptedAt: acceptedAt));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = await ReadAsync(response);
        return (body.RootElement.GetProperty("code").GetString()!, body.RootElement.GetProperty("trackingNumber").GetInt32());
    }

    private static long SequenceOf(string code, string prefix) =>
        OneStop.Dossiers.DossierCode.SequenceOf(code, prefix) ?? throw new Xunit.Sdk.XunitException($"{code} does not start with {prefix}.");

    private static string Code(string prefix, long sequence) => OneStop.Dossiers.DossierCode.Standard.Format(prefix, sequence);

    private async Task WithDbAsync(Func<OneStopDbContext, Task> action)
    {
        using var scope = Factory.Services.CreateScope();
        await action(scope.ServiceProvider.GetRequiredService<OneStopDbContext>());
    }

    /// <summary>09:00 in Hà Nội on a working day.</summary>
    private static Instant At(int year, int month, int day) => Instant.FromUtc(year, month, day, 2, 0);
}

/// <summary>Dossier codes on the embedded default, SQLite.</summary>
public sealed class SqliteDossierCodeTests(OneStopApiFactory factory)
    : DossierCodeScenarios<OneStopApiFactory>(factory), IClassFixture<OneStopApiFactory>
{
    [Fact]
    public Task Register_SameDayACenturyApart_GetsDistinctCodes() => SameDayACenturyApartAsync();

    [Fact]
    public Task Register_CodeAlreadyIssued_StepsOverIt() => CodeAlreadyIssuedAsync();

    [Fact]
    public Task Register_DayPast9999Dossiers_SequenceGrowsPastFourDigits() => DayPastNineThousandNineHundredNinetyNineAsync();

    [Fact]
    public Task Register_AgencyIdInEitherStyle_CodesPrintTheIdHeldAndEarlierCodesStay() => BothIdStylesAsync();

    [Fact]
    public Task Register_CentralisedProcedure_CodeCarriesTheAaInfix() => CentralisedProcedureAsync();

    [Fact]
    public Task Register_TwentyClerksOnTwoDays_ConsecutiveCodesPerDayAndBookLines() => TwentyClerksOnTwoDaysAsync();
}

/// <summary>Dossier codes on a real PostgreSQL server.</summary>
[Collection("postgres")]
public sealed class PostgresDossierCodeTests(PostgresCluster cluster)
    : DossierCodeScenarios<PostgresApiFactory>(new PostgresApiFactory(cluster)), IDisposable
{
    [PostgresFact]
    public Task Register_SameDayACenturyApart_GetsDistinctCodes() => SameDayACenturyApartAsync();

    [PostgresFact]
    public Task Register_CodeAlreadyIssued_StepsOverIt() => CodeAlreadyIssuedAsync();

    [PostgresFact]
    public Task Register_DayPast9999Dossiers_SequenceGrowsPastFourDigits() => DayPastNineThousandNineHundredNinetyNineAsync();

    [PostgresFact]
    public Task Register_AgencyIdInEitherStyle_CodesPrintTheIdHeldAndEarlierCodesStay() => BothIdStylesAsync();

    [PostgresFact]
    public Task Register_CentralisedProcedure_CodeCarriesTheAaInfix() => CentralisedProcedureAsync();

    [PostgresFact]
    public Task Register_TwentyClerksOnTwoDays_ConsecutiveCodesPerDayAndBookLines() => TwentyClerksOnTwoDaysAsync();

    public void Dispose() => Factory.Dispose();
}
