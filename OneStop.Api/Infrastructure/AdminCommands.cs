using OneStop.Jobs.Ledger;
using OneStop.Persistence;

namespace OneStop.Api.Infrastructure;

/// <summary>
/// One-shot commands instead of serving: <c>migrate</c> applies the migrations of the configured provider and
/// seeds what every installation needs; <c>create-admin &lt;user&gt; &lt;password&gt; [&lt;agency name&gt; &lt;electronic id&gt;]</c>
/// creates an administrator; <c>rotate-ledger-key</c> appends a new current key to the ledger's key file (events sealed
/// with older keys keep verifying; restart the hosts to seal with the new one).
/// </summary>
public static class AdminCommands
{
    /// <summary>Runs a command; false when the arguments name none (the host then serves).</summary>
    public static async Task<bool> RunAsync(IServiceProvider services, string[] args, DatabaseProvider provider)
    {
        ArgumentNullException.ThrowIfNull(args);
        switch (args[0])
        {
            case "migrate":
                await StartupTasks.PrepareAsync(services, migrate: true, CancellationToken.None);
                Console.WriteLine($"Migrated the {provider} database.");
                return true;
            case "create-admin" when args.Length is 3 or 5:
                await StartupTasks.PrepareAsync(services, migrate: provider == DatabaseProvider.Sqlite, CancellationToken.None);
                await using (var scope = services.CreateAsyncScope())
                {
                    Console.WriteLine(await StartupTasks.CreateAdministratorAsync(
                        scope.ServiceProvider, args[1], args[2], args.ElementAtOrDefault(3), args.ElementAtOrDefault(4), CancellationToken.None));
                }

                return true;
            case "create-admin":
                Console.Error.WriteLine("Usage: create-admin <user> <password> [<agency name> <electronic id>]");
                Environment.ExitCode = 2;
                return true;
            case "rotate-ledger-key":
                var configuration = services.GetRequiredService<IConfiguration>();
                var options = configuration.GetSection(LedgerOptions.Section).Get<LedgerOptions>() ?? new LedgerOptions();
                if (options.Keys.Count > 0)
                {
                    Console.Error.WriteLine("The ledger keys come from configuration (Ledger:Keys): add a line there, last, to rotate.");
                    Environment.ExitCode = 2;
                    return true;
                }

                var file = LedgerKeys.KeyFilePath(options, services.GetRequiredService<IWebHostEnvironment>().ContentRootPath);
                var id = LedgerKeys.Rotate(file, services.GetRequiredService<NodaTime.IClock>().GetCurrentInstant());
                Console.WriteLine($"New current ledger key {id} in {file}; restart the API and the worker.");
                return true;
            default:
                return false;
        }
    }
}
