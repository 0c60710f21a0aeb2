using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using OneStop.Tests.Api.Catalogue;
using static OneStop.Tests.Api.Dossiers.DossierApi;

namespace OneStop.Tests.Api.Identity;

/// <summary>
/// The member-of-staff cache across two API instances on one database (issue 19): an agency renamed through one
/// reaches the other's registrations within <c>StaffCache:Seconds</c>, and at once on the instance that saved it.
/// </summary>
public sealed class StaffCacheTests(OneStopApiFactory factory) : IClassFixture<OneStopApiFactory>
{
    [Fact]
    public async Task Register_AgencyRenamedOnAnotherInstance_NewCodePrefixWithinTheCacheBound()
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

        // Both instances have read the clerk and their agency.
        var before = await RegisterAsync(clerkHere);
        await RegisterAsync(clerkThere);
        var old = before[..before.IndexOf('-', StringComparison.Ordinal)];
        const string renamed = "000.00.77.H99";
        using (var update = await admin.PutAsJsonAsync("/api/admin/agencies/" + old, new { electronicId = renamed }))
        {
            Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        }

        var here = await RegisterAsync(clerkHere);
        var thereWithinBound = await RegisterAsync(clerkThere);
        ticks.Advance(TimeSpan.FromSeconds(6));
        var thereAfterBound = await RegisterAsync(clerkThere);

        Assert.StartsWith(renamed + "-", here, StringComparison.Ordinal);
        Assert.StartsWith(old + "-", thereWithinBound, StringComparison.Ordinal);
        Assert.StartsWith(renamed + "-", thereAfterBound, StringComparison.Ordinal);
    }
}
