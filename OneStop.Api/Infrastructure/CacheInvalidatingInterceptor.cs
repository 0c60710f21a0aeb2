using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OneStop.Persistence;

namespace OneStop.Api.Infrastructure;

/// <summary>
/// Empties an instance's cache when a save adds, changes or removes an entity the cache holds: one place, whichever
/// endpoint, page or store made the change. Other instances see the change within their cache's own bound.
/// </summary>
/// <remarks>
/// The cache is emptied before the save and again after it (committed or failed): whatever a request read while the
/// change was being written (the old rows) does not survive it.
/// </remarks>
public abstract class CacheInvalidatingInterceptor : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _changing = [];

    /// <summary>Whether the cache holds <paramref name="entity"/>'s kind.</summary>
    protected abstract bool Holds(object entity);

    /// <summary>Empties the cache.</summary>
    protected abstract void Invalidate();

    /// <summary>Registers <typeparamref name="TInterceptor"/> as a singleton on each provider's context.</summary>
    protected static void AddToContexts<TInterceptor>(IServiceCollection services)
        where TInterceptor : CacheInvalidatingInterceptor
    {
        services.AddSingleton<TInterceptor>();
        services.ConfigureDbContext<SqliteOneStopDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<TInterceptor>()), ServiceLifetime.Singleton);
        services.ConfigureDbContext<PostgresOneStopDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<TInterceptor>()), ServiceLifetime.Singleton);
        services.ConfigureDbContext<SqlServerOneStopDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<TInterceptor>()), ServiceLifetime.Singleton);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Saving(eventData);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Saving(eventData);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData);
        return base.SavedChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        Saved(eventData);
        base.SaveChangesFailed(eventData);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Saved(eventData);
        return base.SaveChangesFailedAsync(eventData, cancellationToken);
    }

    private void Saving(DbContextEventData eventData)
    {
        if (eventData.Context is { } context && context.ChangeTracker.Entries().Any(e => Holds(e.Entity)
                && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            _changing.AddOrUpdate(context, this);
            Invalidate();
        }
    }

    private void Saved(DbContextEventData eventData)
    {
        if (eventData.Context is { } context && _changing.Remove(context))
        {
            Invalidate();
        }
    }
}
