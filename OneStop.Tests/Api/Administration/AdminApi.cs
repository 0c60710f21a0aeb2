using System.Net;
using System.Net.Http.Json;
using OneStop.Api.Demo;

namespace OneStop.Tests.Api.Administration;

/// <summary>Helpers the administration tests share.</summary>
internal static class AdminApi
{
    private static int _sequence;

    /// <summary>A fresh, valid agency electronic id (000.NN.NN.H98: never one of the demo's).</summary>
    public static string NewElectronicId()
    {
        var n = Interlocked.Increment(ref _sequence);
        return $"000.{n / 100 % 100:00}.{n % 100:00}.H98";
    }

    /// <summary>A fresh user name.</summary>
    public static string NewUserName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    /// <summary>
    /// An administrator of the Hòa Bình commune (000.00.13.H99), created by the province's admin: its subtree holds
    /// neither the province nor Đống Đa.
    /// </summary>
    public static async Task<HttpClient> CommuneAdminAsync(OneStopApiFactory factory)
    {
        var admin = await factory.ClientForAsync("admin");
        var userName = NewUserName("qthb");
        using var created = await admin.PostAsJsonAsync("/api/admin/users", new
        {
            userName,
            fullName = "Quản trị xã Hòa Bình",
            password = DemoData.Password,
            agency = "000.00.13.H99",
            roles = new[] { "Admin" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return await factory.ClientForAsync(userName);
    }
}
