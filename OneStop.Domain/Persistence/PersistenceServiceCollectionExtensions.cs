using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace OneStop.Persistence;

/// <summary>
/// Registers the context of the configured provider, resolvable as <see cref="OneStopDbContext"/>. Interceptors
/// registered in the container (<see cref="IInterceptor"/>, e.g. the public status cache's invalidation) join every context.
/// The options are built once (singleton): a request's context then skips building them again (issue 19), so
/// interceptors and <c>ConfigureDbContext</c> configurations must be singletons too.
/// </summary>
public static class PersistenceServiceCollectionExtensions
{
    public static IServiceCollection AddOneStopDatabase(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContext<SqliteOneStopDbContext>((sp, o) => o.UseSqlite(connectionString).AddInterceptors(sp.GetServices<IInterceptor>()), ServiceLifetime.Scoped, ServiceLifetime.Singleton);
                services.AddScoped<OneStopDbContext>(sp => sp.GetRequiredService<SqliteOneStopDbContext>());
                break;
            case DatabaseProvider.PostgreSql:
                services.AddDbContext<PostgresOneStopDbContext>((sp, o) => o.UseNpgsql(connectionString).AddInterceptors(sp.GetServices<IInterceptor>()), ServiceLifetime.Scoped, ServiceLifetime.Singleton);
                services.AddScoped<OneStopDbContext>(sp => sp.GetRequiredService<PostgresOneStopDbContext>());
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContext<SqlServerOneStopDbContext>((sp, o) => o.UseSqlServer(connectionString).AddInterceptors(sp.GetServices<IInterceptor>()), ServiceLifetime.Scoped, ServiceLifetime.Singleton);
                services.AddScoped<OneStopDbContext>(sp => sp.GetRequiredService<SqlServerOneStopDbContext>());
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider.");
        }

        return services;
    }
}
