using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace OneStop.Tests.Api.Pages;

/// <summary>
/// The test host on a real Kestrel socket (127.0.0.1, a free port), so that a browser can reach it; the demo
/// data, the SQLite file and the <see cref="NodaTime.Testing.FakeClock"/> are those of <see cref="OneStopApiFactory"/>.
/// </summary>
public sealed class KestrelApiFactory : OneStopApiFactory
{
    public KestrelApiFactory() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    /// <summary>Starts the server and answers its address, e.g. http://127.0.0.1:41234.</summary>
    public Uri Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address);
    }
}
