using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using OneStop.Api.Demo;

namespace OneStop.Tests.Api.Pages;

/// <summary>The console of a running host stays quiet: an ordinary page request logs no warning.</summary>
public sealed class PageLogTests(PageLogTests.LoggingApiFactory factory) : IClassFixture<PageLogTests.LoggingApiFactory>
{
    [Fact]
    public async Task Pages_OrdinaryRequestsOfStaffAndCitizens_LogNoWarning()
    {
        using var clerk = factory.CreateClient();
        using var admin = factory.CreateClient();
        using var citizen = factory.CreateClient();
        _ = await citizen.GetStringAsync(new Uri("/tra-cuu", UriKind.Relative));
        await SignInAsync(clerk, "motcua");
        await SignInAsync(admin, "admin");
        factory.Warnings.Clear();

        foreach (var (client, path) in new[]
        {
            (clerk, "/quay"), (clerk, "/quay/tiep-nhan"), (clerk, "/dang-nhap"),
            (admin, "/quan-tri"), (admin, "/giam-sat"), (admin, "/quay"),
            (citizen, "/tra-cuu"), (citizen, "/dang-nhap"),
        })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Empty(factory.Warnings);
    }

    private static async Task SignInAsync(HttpClient client, string userName)
    {
        using var response = await PageForm.PostAsync(client, "/dang-nhap", "/dang-nhap", new() { ["userName"] = userName, ["password"] = DemoData.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("/dang-nhap", response.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
    }


    /// <summary>The test host, with every warning or worse it logs kept in <see cref="Warnings"/>.</summary>
    public sealed class LoggingApiFactory : OneStopApiFactory
    {
        public ConcurrentQueue<string> Warnings { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(new WarningCollector(Warnings)));
        }
    }

    private sealed class WarningCollector(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CategoryLogger(lines, categoryName);

        public void Dispose()
        {
        }

        private sealed class CategoryLogger(ConcurrentQueue<string> lines, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    lines.Enqueue($"{logLevel} {category}[{eventId.Id}]: {formatter(state, exception)}");
                }
            }
        }
    }
}
