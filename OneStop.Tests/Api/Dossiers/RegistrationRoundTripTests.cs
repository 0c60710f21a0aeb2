using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Tests.Persistence;
using Xunit.Abstractions;
using static OneStop.Tests.Api.Dossiers.DossierApi;

namespace OneStop.Tests.Api.Dossiers;

/// <summary>
/// What one registration asks of the database through EF (issue 19): no read at all once the clerk has registered
/// before (the member of staff with their agency come from <see cref="OneStop.Api.Identity.StaffCache"/>, the procedure
/// from <see cref="OneStop.Api.Catalogue.ProcedureCache"/>), the dossier's rows in one batch and no separate commit on
/// PostgreSQL, one commit on SQLite. (The counters' draw is one statement of its own, outside
/// EF: <see cref="OneStop.Persistence.SequenceCounters"/>, tested in SequenceCounterTests.)
/// </summary>
public abstract class RegistrationRoundTripScenarios<TFactory>(TFactory factory, ITestOutputHelper output)
    where TFactory : OneStopApiFactory
{
    protected TFactory Factory { get; } = factory;

    /// <summary>Whether the provider sends a save's statements in one round trip (SQLite runs in-process).</summary>
    protected abstract bool WritesInOneBatch { get; }

    protected async Task SecondRegistrationAsync()
    {
        var recorder = new CommandRecorder();
        using var host = Factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IInterceptor>(recorder)));
        var client = host.CreateClient();
        await OneStopApiFactory.SignInAsync(client, "motcua");
        await RegisterAsync(client);
        recorder.Clear();

        await RegisterAsync(client);

        var commands = recorder.Commands.ToList();
        foreach (var command in commands)
        {
            output.WriteLine(command);
            output.WriteLine("--");
        }

        // No read: the member, their agency and the procedure come from the caches the first registration filled.
        Assert.DoesNotContain(commands, c => c.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(commands, c => c.Contains("FROM \"Procedure", StringComparison.Ordinal) || c.Contains("JOIN \"Procedure", StringComparison.Ordinal));
        var writes = commands;
        Assert.All(writes, w => Assert.StartsWith("INSERT", w.TrimStart(), StringComparison.Ordinal));
        if (WritesInOneBatch)
        {
            // A server database gets the dossier, its event, its receipt and its refresh in one round trip.
            var batch = Assert.Single(writes);
            Assert.Contains("INSERT INTO \"Dossiers\"", batch, StringComparison.Ordinal);
            Assert.Contains("INSERT INTO \"DossierEvents\"", batch, StringComparison.Ordinal);
            Assert.Contains("INSERT INTO \"Receipts\"", batch, StringComparison.Ordinal);
        }

        // SQLite commits the transaction that drew the numbers; PostgreSQL runs the one batch as its own implicit
        // transaction, with no BEGIN/COMMIT round trip.
        Assert.Equal(WritesInOneBatch ? 0 : 1, recorder.Commits);
    }

    /// <summary>Every command the contexts execute, and the commits.</summary>
    private sealed class CommandRecorder : DbCommandInterceptor, IDbTransactionInterceptor
    {
        private readonly ConcurrentQueue<string> _commands = new();
        private int _commits;

        public IEnumerable<string> Commands => _commands;

        public int Commits => Volatile.Read(ref _commits);

        public void Clear()
        {
            _commands.Clear();
            Volatile.Write(ref _commits, 0);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            _commands.Enqueue(command.CommandText);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            _commands.Enqueue(command.CommandText);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            _commands.Enqueue(command.CommandText);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            _commands.Enqueue(command.CommandText);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            _commands.Enqueue(command.CommandText);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            _commands.Enqueue(command.CommandText);
            return ValueTask.FromResult(result);
        }

        public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Interlocked.Increment(ref _commits);

        public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _commits);
            return Task.CompletedTask;
        }
    }
}

/// <summary>Round trips of a registration on the embedded default, SQLite.</summary>
public sealed class SqliteRegistrationRoundTripTests(OneStopApiFactory factory, ITestOutputHelper output)
    : RegistrationRoundTripScenarios<OneStopApiFactory>(factory, output), IClassFixture<OneStopApiFactory>
{
    protected override bool WritesInOneBatch => false;

    [Fact]
    public Task Register_SecondOfTheDay_NoReadOneCommit() => SecondRegistrationAsync();
}

/// <summary>Round trips of a registration on a real PostgreSQL server.</summary>
[Collection("postgres")]
public sealed class PostgresRegistrationRoundTripTests(PostgresCluster cluster, ITestOutputHelper output)
    : RegistrationRoundTripScenarios<PostgresApiFactory>(new PostgresApiFactory(cluster), output), IDisposable
{
    protected override bool WritesInOneBatch => true;

    [PostgresFact]
    public Task Register_SecondOfTheDay_NoReadOneCommit() => SecondRegistrationAsync();

    [PostgresFact]
    public async Task Register_LastRowOfTheBatchRefused_NothingWritten()
    {
        var client = await Factory.ClientForAsync("motcua");
        await RegisterAsync(client);
        var before = await CountsAsync();

        // The receipt is the batch's last statement: refuse it, so that the dossier, its event and its refresh
        // before it in the same batch must be rolled back with it.
        await SqlAsync("""ALTER TABLE "Receipts" ADD CONSTRAINT test_refuse_receipts CHECK ("IssuedBy" <> 'motcua') NOT VALID""");
        try
        {
            using var refused = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(client, "/api/dossiers", Registration());
            Assert.Equal(System.Net.HttpStatusCode.InternalServerError, refused.StatusCode);
            Assert.Equal(before, await CountsAsync());
        }
        finally
        {
            await SqlAsync("""ALTER TABLE "Receipts" DROP CONSTRAINT test_refuse_receipts""");
        }

        await RegisterAsync(client);
        Assert.Equal(before.Dossiers + 1, (await CountsAsync()).Dossiers);
    }

    private async Task<(int Dossiers, int Events, int Receipts, int Refreshes)> CountsAsync()
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStop.Persistence.OneStopDbContext>();
        return (await db.Dossiers.CountAsync(), await db.DossierEvents.CountAsync(), await db.Set<OneStop.Dossiers.Receipt>().CountAsync(), await db.Set<OneStop.Lateness.OutcomeRefresh>().CountAsync());
    }

    private async Task SqlAsync(string sql)
    {
        using var scope = Factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<OneStop.Persistence.OneStopDbContext>().Database.ExecuteSqlRawAsync(sql);
    }

    public void Dispose() => Factory.Dispose();
}
