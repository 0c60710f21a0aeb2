using Microsoft.Extensions.DependencyInjection.Extensions;
using OneStop.Api.Infrastructure;
using OneStop.Procedures;

namespace OneStop.Api.Catalogue;

/// <summary>Empties the <see cref="ProcedureCache"/> when a save adds, changes or removes a procedure or a version.</summary>
public sealed class CatalogueChangeInterceptor(ProcedureCache cache) : CacheInvalidatingInterceptor
{
    /// <summary>Registers the cache and this interceptor on each provider's context.</summary>
    public static IServiceCollection AddProcedureCache(IServiceCollection services)
    {
        services.AddOptions<ProcedureCacheOptions>().BindConfiguration(ProcedureCacheOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ProcedureCache>();
        AddToContexts<CatalogueChangeInterceptor>(services);
        return services;
    }

    protected override bool Holds(object entity) => entity is Procedure or ProcedureVersion;

    protected override void Invalidate() => cache.Invalidate();
}
