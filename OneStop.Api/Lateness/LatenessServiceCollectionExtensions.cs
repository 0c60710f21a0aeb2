using OneStop.Lateness;

namespace OneStop.Api.Lateness;

/// <summary>The audit's settings (section <c>Lateness</c>), service and nightly job.</summary>
public static class LatenessServiceCollectionExtensions
{
    public static IServiceCollection AddLateness(this IServiceCollection services)
    {
        services.AddOptions<AuditSettings>().BindConfiguration(AuditSettings.Section).Validate(
            s => s.BackdatingToleranceMinutes >= 0 && s.SupplementWindowWorkingDays > 0 && s.ApologyLeadWorkingDays >= 0 && s.DueSoonWorkingHours >= 0,
            "Lateness settings must not be negative.").ValidateOnStart();
        services.AddScoped<LatenessService>();
        services.AddScoped<LatenessAuditJob>();
        return services;
    }
}
