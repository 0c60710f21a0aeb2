using Microsoft.Extensions.DependencyInjection.Extensions;
using OneStop.Agencies;
using OneStop.Api.Infrastructure;
using OneStop.Users;

namespace OneStop.Api.Identity;

/// <summary>
/// Empties the <see cref="StaffCache"/> when a save adds, changes or removes a member of staff or an agency, whether
/// an endpoint, a page or Identity's store made it.
/// </summary>
public sealed class StaffChangeInterceptor(StaffCache cache) : CacheInvalidatingInterceptor
{
    /// <summary>Registers the cache and this interceptor on each provider's context.</summary>
    public static IServiceCollection AddStaffCache(IServiceCollection services)
    {
        services.AddOptions<StaffCacheOptions>().BindConfiguration(StaffCacheOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StaffCache>();
        AddToContexts<StaffChangeInterceptor>(services);
        return services;
    }

    protected override bool Holds(object entity) => entity is StaffUser or Agency;

    protected override void Invalidate() => cache.Invalidate();
}
