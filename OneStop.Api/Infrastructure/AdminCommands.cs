using OneStop.Persistence;

namespace OneStop.Api.Infrastructure;

/// <summary>
/// One-shot commands instead of serving: <c>migrate</c> applies the migrations of the configured provider and
/// seeds what every installation needs; <c>create-admin &lt;user&gt; &lt;password&gt; [&lt;agency name&gt; &lt;electronic id&gt;]</c>
/// creates an administrator.
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
            default:
                return false;
        }
    }
}
