using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneStop.Agencies;
using OneStop.Persistence;
using OneStop.Users;

namespace OneStop.Api.Identity;

/// <summary>
/// Empties the <see cref="StaffCache"/> when a save adds, changes or removes a member of staff or an agency: one
/// place, whichever endpoint, page or Identity store made the change.
/// </summary>
public sealed class StaffChangeInterceptor(StaffCache cache) : SaveChangesInterceptor
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

    /// <summary>Registers the cache, <see cref="CurrentStaff"/> and this interceptor on each provider's context.</summary>
    public static IServiceCollection AddStaffCache(IServiceCollection services)
    {
        services.AddOptions<StaffCacheOptions>().BindConfiguration(StaffCacheOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StaffCache>();
        services.AddSingleton<StaffChangeInterceptor>();
        services.ConfigureDbContext<SqliteOneStopDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<StaffChangeInterceptor>()), ServiceLifetime.Singleton);
        services.ConfigureDbContext<PostgresOneStopDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<StaffChangeInterceptor>()), ServiceLifetime.Singleton);
        services.ConfigureDbContext<SqlServerOneStopDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<StaffChangeInterceptor>()), ServiceLifetime.Singleton);
        return services;
    }

    // Before the save and again after it: whatever a request read while the change was being written (the old
    // member or agency) does not survive it.
    private void Saving(DbContextEventData eventData)
    {
        if (eventData.Context is { } context && context.ChangeTracker.Entries().Any(e => e.Entity is StaffUser or Agency
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
