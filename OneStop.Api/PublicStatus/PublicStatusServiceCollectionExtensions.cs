using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OneStop.Api.PublicStatus;

/// <summary>Registers the citizen's lookup: options, the cache and its invalidation on save, the reader and the rating.</summary>
public static class PublicStatusServiceCollectionExtensions
{
    public static IServiceCollection AddPublicStatus(this IServiceCollection services)
    {
        services.AddOptions<PublicStatusOptions>().BindConfiguration(PublicStatusOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PublicStatusCache>();
        services.AddSingleton<CitizenLookup.RenderedStatusPages>();
        services.AddSingleton<PublicStatusInvalidator>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<PublicStatusInvalidator>());
        services.AddScoped<PublicStatusReader>();
        services.AddScoped<RatingRecorder>();
        return services;
    }
}
