using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using static OneStop.Tests.Api.Dossiers.DossierApi;

namespace OneStop.Tests.Api.Catalogue;

/// <summary>
/// The procedure cache across two API instances on one database: a version added through one reaches the other
/// within <c>ProcedureCache:Seconds</c>, and at once on the instance that saved it.
/// </summary>
public sealed class ProcedureCacheTests(OneStopApiFactory factory) : IClassFixture<OneStopApiFactory>
{
    [Fact]
    public async Task Register_VersionAddedOnAnotherInstance_TakenWithinTheCacheBound()
    {
        factory.Clock.Reset(Instant.FromUtc(2025, 3, 3, 2, 0));
        var ticks = new ManualTimestamps();
        using var other = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(ticks);
        }));
        var admin = await factory.ClientForAsync("admin");
        var clerkHere = await factory.ClientForAsync("motcua");
        var clerkThere = await OneStopApiFactory.SignInAsync(other.CreateClient(), "motcua");
        const string code = "1.004227.H99";
        var first = await RegisterAsync(clerkThere, Registration(code));

        using (var added = await admin.PostAsJsonAsync($"/api/admin/procedures/{code}/versions", new
        {
            effectiveFrom = "2025-03-03T08:00:00+07:00",
            processingTime = new { amount = 2, unit = "WorkingDays" },
            requiredDocuments = new[] { new { name = "Tờ khai", originals = 1, copies = 0 } },
            fee = 0,
        }))
        {
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }

        var here = await RegisterAsync(clerkHere, Registration(code));
        var thereWithinBound = await RegisterAsync(clerkThere, Registration(code));
        ticks.Advance(TimeSpan.FromSeconds(6));
        var thereAfterBound = await RegisterAsync(clerkThere, Registration(code));

        Assert.Equal("3 ngày làm việc", await ProcessingTimeAsync(clerkHere, first));
        Assert.Equal("2 ngày làm việc", await ProcessingTimeAsync(clerkHere, here));
        Assert.Equal("3 ngày làm việc", await ProcessingTimeAsync(clerkHere, thereWithinBound));
        Assert.Equal("2 ngày làm việc", await ProcessingTimeAsync(clerkHere, thereAfterBound));
    }

    private static async Task<string?> ProcessingTimeAsync(HttpClient client, string code)
    {
        using var dossier = await GetAsync(client, "/api/dossiers/" + code);
        return dossier.RootElement.GetProperty("processingTime").GetString();
    }
}
