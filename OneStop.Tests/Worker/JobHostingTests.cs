using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Jobs.Hosting;
using OneStop.Persistence;

namespace OneStop.Tests.Worker;

public sealed class JobHostingTests
{
    [Fact]
    public void TwoHostsInOneProcess_ConfiguredInTurn_EachKeepsItsOwnStorageAndActivator()
    {
        using var first = BuildHost();
        using var second = BuildHost();

        // Hangfire's configuration is process-wide: the second host configures after the first, as two test hosts
        // starting side by side do. Each must still read its own storage, not the last one configured.
        first.GetRequiredService<IGlobalConfiguration>();
        second.GetRequiredService<IGlobalConfiguration>();

        Assert.NotSame(first.GetRequiredService<JobStorage>(), second.GetRequiredService<JobStorage>());
        Assert.NotSame(first.GetRequiredService<JobActivator>(), second.GetRequiredService<JobActivator>());
    }

    private static ServiceProvider BuildHost()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOneStopJobs(configuration, DatabaseProvider.Sqlite, connectionString: null);
        return services.BuildServiceProvider();
    }
}
