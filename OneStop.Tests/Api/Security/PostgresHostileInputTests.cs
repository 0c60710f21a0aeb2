using OneStop.Tests.Persistence;
using Xunit.Abstractions;

namespace OneStop.Tests.Api.Security;

/// <summary>The hostile-input suite on a real PostgreSQL server, which refuses NUL in text where SQLite stores it.</summary>
[Collection("postgres")]
public sealed class PostgresHostileInputTests(PostgresCluster cluster, ITestOutputHelper output)
    : HostileInputScenarios<PostgresApiFactory>(new PostgresApiFactory(cluster)), IDisposable
{
    [PostgresFact]
    public async Task EveryOperation_HostileInput_AnswersProblemAndWritesNothing()
    {
        var outcome = await RunAsync();

        output.WriteLine($"{outcome.Requests} requests against {outcome.Operations} operations:\n" + string.Join('\n', outcome.PerOperation));
        Assert.True(outcome.Failures.Count == 0, $"{outcome.Failures.Count} of {outcome.Requests} failed:\n" + string.Join('\n', outcome.Failures.Take(80)));
    }

    public void Dispose() => Factory.Dispose();
}
