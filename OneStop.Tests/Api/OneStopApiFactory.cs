using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using NodaTime.Testing;
using OneStop.Api.Demo;

namespace OneStop.Tests.Api;

/// <summary>
/// The API host in a test: its own SQLite file with the demo data, a fixed personal-data key, and the system
/// clock replaced by a <see cref="FakeClock"/> (Monday 3 March 2025, 09:00 in Hà Nội).
/// </summary>
public class OneStopApiFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "onestop-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>Where the checkpoint job writes (outside the database's folder).</summary>
    public string CheckpointFolder => _folder + "-checkpoints";

    /// <summary>The clock the host reads; tests move it.</summary>
    public FakeClock Clock { get; } = new(Instant.FromUtc(2025, 3, 3, 2, 0));

    /// <summary>The public site's address the host is configured with (<c>Documents:PublicBaseUrl</c>).</summary>
    public const string PublicBaseUrl = "https://motcua.example.vn";

    /// <summary>Settings that override the defaults (e.g. another database provider).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:OneStop"] = $"Data Source={Path.Combine(_folder, "onestop.db")}",
    };

    /// <summary>A client signed in with a demo user's bearer token.</summary>
    public Task<HttpClient> ClientForAsync(string userName) => SignInAsync(CreateClient(), userName);

    /// <summary>Signs <paramref name="client"/> in as the demo user (any instance's client) and sends its bearer token from then on.</summary>
    public static async Task<HttpClient> SignInAsync(HttpClient client, string userName)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = DemoData.Password });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.RootElement.GetProperty("accessToken").GetString());
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("PersonalData:Key", Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()));
        builder.UseSetting("PublicStatus:PermitPerMinute", "1000");
        builder.UseSetting("AllowedHosts", "localhost;127.0.0.1");
        builder.UseSetting("Documents:PublicBaseUrl", PublicBaseUrl);
        builder.UseSetting("Ledger:Keys:0", TestLedgerKeys.Line);
        builder.UseSetting("Ledger:CheckpointFolder", CheckpointFolder);

        // No in-process Hangfire server: a recurring job firing on the real clock would change dossiers mid-test.
        // Tests run the jobs themselves (OneStop.Tests/Worker).
        builder.UseSetting("Jobs:RunServer", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<IClock>();
            services.AddSingleton<IClock>(Clock);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
                if (Directory.Exists(CheckpointFolder))
                {
                    Directory.Delete(CheckpointFolder, recursive: true);
                }
            }
            catch (IOException)
            {
                // A file still open on a slow shutdown: the temp folder is cleaned by the OS.
            }
        }
    }
}
