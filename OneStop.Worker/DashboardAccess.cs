using System.Net;
using System.Security.Cryptography;
using System.Text;
using Hangfire.Dashboard;

namespace OneStop.Worker;

/// <summary>
/// Who sees the Hangfire dashboard: with a configured token, a request that presents it as a bearer token
/// (the answer then sets it as a cookie for the dashboard's own requests) or in that cookie; without one,
/// only requests from the loopback interface (reach it through an SSH tunnel).
/// </summary>
public sealed class DashboardAccess(string? token) : IDashboardAuthorizationFilter
{
    public const string CookieName = "hangfire-token";

    public bool Authorize(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.GetHttpContext();
        if (string.IsNullOrEmpty(token))
        {
            return http.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip);
        }

        var header = http.Request.Headers.Authorization.ToString();
        var presented = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : http.Request.Cookies[CookieName];
        if (presented is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(token)))
        {
            return false;
        }

        http.Response.Cookies.Append(CookieName, presented, new Microsoft.AspNetCore.Http.CookieOptions { HttpOnly = true, SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict, Path = "/hangfire" });
        return true;
    }
}
