using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using OneStop.Persistence;

namespace OneStop.Api.Infrastructure;

/// <summary>
/// ASP.NET Core Data Protection, which encrypts and signs the pages' cookie, the antiforgery tokens and the bearer
/// access and refresh tokens: one key ring for every API instance, kept in the database (table
/// <c>DataProtectionKeys</c>, the framework's EF Core key store) and encrypted there by <see cref="KeyRingXmlEncryptor"/>
/// under a key derived from <c>PersonalData:Key</c>. A cookie or token issued by one instance is accepted by every
/// other instance on the same database, whatever folder it runs from (the application name is fixed; by default it
/// is the content root, so two installs in two folders would refuse each other's cookies).
/// </summary>
/// <remarks>
/// The framework rotates keys itself: a new key is created about two days before the default one expires (90 days)
/// and only becomes the default two days after its creation, by which time every instance has re-read the ring
/// (it does so every 24 hours, and at once when a payload names a key it does not hold). The first key is created
/// at start (<see cref="StartupTasks"/>), so that instances started after the first one find it.
/// </remarks>
public static class DataProtectionSetup
{
    /// <summary>The application name every instance shares (it isolates OneStop's payloads from other apps').</summary>
    public const string ApplicationName = "OneStop";

    public static IServiceCollection AddSharedDataProtection(this IServiceCollection services, byte[] personalDataKey)
    {
        var encryption = KeyRingXmlEncryptor.FromPersonalDataKey(personalDataKey);
        services.AddSingleton(encryption);
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<OneStopDbContext>();
        services.Configure<KeyManagementOptions>(o => o.XmlEncryptor = encryption);
        return services;
    }

    /// <summary>Makes sure the key ring has a key now (created in the database when there is none).</summary>
    public static void EnsureKeyRing(IServiceProvider services) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("OneStop.KeyRing.Start").Protect([0]);
}
