using OneStop.Tests.Persistence;

namespace OneStop.Tests.Api.Dossiers;

/// <summary>The lifecycle suite on a real PostgreSQL server: a new database per test class.</summary>
[Collection("postgres")]
public sealed class PostgresDossierLifecycleTests(PostgresCluster cluster)
    : DossierLifecycleScenarios<PostgresApiFactory>(new PostgresApiFactory(cluster)), IDisposable
{
    [PostgresFact]
    public Task Lifecycle_RegisterToReturn_RecordsEveryStepAndAnswersThePublic() => RegisterToReturnAsync();

    [PostgresFact]
    public Task Register_SameIdempotencyKeyTwice_ReturnsTheFirstAnswer() => SameIdempotencyKeyTwiceAsync();

    [PostgresFact]
    public Task Register_TwentyClerksAtOnce_GetTwentyDistinctConsecutiveCodes() => ClerksRegisteringAtOnceAsync(20);

    [PostgresFact]
    public Task Return_TwoClerksAtOnce_OneSucceedsAndTheLedgerHoldsOneReturn() => TwoClerksReturningAtOnceAsync();

    public void Dispose() => Factory.Dispose();
}
