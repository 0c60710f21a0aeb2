using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneStop.Persistence;
using OneStop.Procedures;

namespace OneStop.Api.Catalogue;

/// <summary>
/// Empties the <see cref="ProcedureCache"/> when a save adds, changes or removes a procedure or a version: one
/// place, whichever endpoint or page made the change.
/// </summary>
public sealed class CatalogueChangeInterceptor(ProcedureCache cache) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _changing = [];

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

    /// <summary>Registers the cache and this interceptor on each provider's context.</summary>
    public static IServiceCollection AddProcedureCache(IServiceCollection services)
    {
        services.AddOptions<ProcedureCacheOptions>().BindConfiguration(ProcedureCacheOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ProcedureCache>();
        services.AddSingleton<CatalogueChangeInterceptor>();
        services.ConfigureDbContext<SqliteOneStopDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<CatalogueChangeInterceptor>()), ServiceLifetime.Singleton);
        services.ConfigureDbContext<PostgresOneStopDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<CatalogueChangeInterceptor>()), ServiceLifetime.Singleton);
        services.ConfigureDbContext<SqlServerOneStopDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<CatalogueChangeInterceptor>()), ServiceLifetime.Singleton);
        return services;
    }

    // Before the save and again after it: whatever a registration loaded while the change was being written
    // (the old catalogue) does not survive it.
    private void Saving(DbContextEventData eventData)
    {
        if (eventData.Context is { } context && context.ChangeTracker.Entries().Any(e => e.Entity is Procedure or ProcedureVersion
                && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            _changing.AddOrUpdate(context, this);
            cache.Invalidate();
        }
    }

    private void Saved(DbContextEventData eventData)
    {
        if (eventData.Context is { } context && _changing.Remove(context))
        {
            cache.Invalidate();
        }
    }
}
