using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace OneStop.Persistence;

/// <summary>Registers the context of the configured provider, resolvable as <see cref="OneStopDbContext"/>.</summary>
public static class PersistenceServiceCollectionExtensions
{
    public static IServiceCollection AddOneStopDatabase(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContext<SqliteOneStopDbContext>(o => o.UseSqlite(connectionString));
                services.AddScoped<OneStopDbContext>(sp => sp.GetRequiredService<SqliteOneStopDbContext>());
                break;
            case DatabaseProvider.PostgreSql:
                services.AddDbContext<PostgresOneStopDbContext>(o => o.UseNpgsql(connectionString));
                services.AddScoped<OneStopDbContext>(sp => sp.GetRequiredService<PostgresOneStopDbContext>());
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContext<SqlServerOneStopDbContext>(o => o.UseSqlServer(connectionString));
                services.AddScoped<OneStopDbContext>(sp => sp.GetRequiredService<SqlServerOneStopDbContext>());
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider.");
        }

        return services;
    }
}
