using Xunit.Abstractions;

namespace OneStop.Tests.Api.Security;

/// <summary>The hostile-input suite on the embedded default (SQLite).</summary>
public sealed class HostileInputTests(ITestOutputHelper output) : HostileInputScenarios<OneStopApiFactory>(new OneStopApiFactory()), IDisposable
{
    [Fact]
    public async Task EveryOperation_HostileInput_AnswersProblemAndWritesNothing()
    {
        var outcome = await RunAsync();

        output.WriteLine($"{outcome.Requests} requests against {outcome.Operations} operations:\n" + string.Join('\n', outcome.PerOperation));
        Assert.True(outcome.Failures.Count == 0, $"{outcome.Failures.Count} of {outcome.Requests} failed:\n" + string.Join('\n', outcome.Failures.Take(80)));
        Assert.True(outcome.Operations >= 30, $"Only {outcome.Operations} operations attacked.");
    }

    public void Dispose() => Factory.Dispose();
}
