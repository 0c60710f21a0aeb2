using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using NodaTime.Testing;

namespace OneStop.Tests.Api;

/// <summary>The API host in a test: the system clock replaced by a <see cref="FakeClock"/>.</summary>
public class OneStopApiFactory : WebApplicationFactory<Program>
{
    /// <summary>The clock the host reads; tests move it.</summary>
    public FakeClock Clock { get; } = new(Instant.FromUtc(2025, 3, 3, 2, 0));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<IClock>();
            services.AddSingleton<IClock>(Clock);
        });
    }
}
