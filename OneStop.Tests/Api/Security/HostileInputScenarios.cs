using System.Data.Common;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Api.Demo;
using OneStop.Persistence;
using OneStop.Tests.Api.Dossiers;

namespace OneStop.Tests.Api.Security;

/// <summary>
/// Runs <see cref="HostileCorpus"/> against a host as a user holding every role (so no attack is refused merely
/// for lack of a role) and checks each answer: a 4xx, an RFC 9457 problem body, the attacked field named when the
/// answer is a 400 about a field, and the row count of every table unchanged.
/// </summary>
public abstract class HostileInputScenarios<TFactory>(TFactory factory)
    where TFactory : OneStopApiFactory
{
    protected TFactory Factory { get; } = factory;

    /// <summary>What a run came to: requests sent, operations attacked, failures.</summary>
    public sealed record Outcome(int Requests, int Operations, IReadOnlyList<string> Failures, IReadOnlyList<string> PerOperation);

    protected async Task<Outcome> RunAsync()
    {
        var admin = await Factory.ClientForAsync("admin");
        using (var created = await admin.PostAsJsonAsync("/api/admin/users", new
        {
            userName = "hostile",
            fullName = "Kiểm thử đầu vào",
            password = DemoData.Password,
            agency = "000.00.00.H99",
            roles = new[] { "Clerk", "Officer", "Head", "Supervisor", "Admin" },
        }))
        {
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }

        var client = await Factory.ClientForAsync("hostile");
        var code = await DossierApi.RegisterAsync(client, new
        {
            procedureCode = "1.000894.H99",
            agency = "000.00.12.H99",
            applicant = new { fullName = "Nguyễn Thị Hồng Nhung", idNumber = "001190012345", phone = "0912345678" },
            channel = "Counter",
        });
        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var requests = HostileCorpus.Build(document, new HostileCorpus.Subjects(code, "motcua2", "000.00.13.H99", "1.000894.H99"));

        var failures = new List<string>();
        var counts = await CountRowsAsync();
        foreach (var request in requests)
        {
            using var message = new HttpRequestMessage(request.Method, new Uri(request.Url, UriKind.Relative));
            if (request.Body is not null)
            {
                message.Content = new StringContent(request.Body, Encoding.UTF8);
                message.Content.Headers.ContentType = new(request.ContentType ?? "application/json") { CharSet = "utf-8" };
            }

            foreach (var (name, value) in request.Headers)
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await client.SendAsync(message);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
            if (status is < 400 or >= 500)
            {
                failures.Add($"{request}: {status} {Shorten(text)}");
            }
            else if (!problem)
            {
                failures.Add($"{request}: {status} without a problem body");
            }
            else if (request.Field is { } field && status != 400)
            {
                failures.Add($"{request}: {status} where the policy should refuse {field} with 400: {Shorten(text)}");
            }
            else if (request.Field is { } named && !Names(text, named))
            {
                failures.Add($"{request}: 400 not naming {named}: {Shorten(text)}");
            }

            var after = await CountRowsAsync();
            if (!after.SequenceEqual(counts))
            {
                failures.Add($"{request}: rows changed ({string.Join(", ", counts.Zip(after).Where(c => c.First != c.Second).Select(c => $"{c.First.Table} {c.First.Rows}->{c.Second.Rows}"))})");
                counts = after;
            }
        }

        var perOperation = requests.GroupBy(r => r.Operation).Select(g => $"{g.Count(),5} {g.Key}").ToList();
        return new Outcome(requests.Count, perOperation.Count, failures, perOperation);
    }

    /// <summary>The attacked field, or the list or object holding it, is among the problem's errors.</summary>
    private static bool Names(string problem, string field)
    {
        using var body = JsonDocument.Parse(problem);
        if (!body.RootElement.TryGetProperty("errors", out var errors))
        {
            return false;
        }

        return errors.EnumerateObject().Any(e =>
            string.Equals(e.Name, field, StringComparison.OrdinalIgnoreCase)
            || field.StartsWith(e.Name + ".", StringComparison.OrdinalIgnoreCase)
            || field.StartsWith(e.Name + "[", StringComparison.OrdinalIgnoreCase)
            || e.Name.StartsWith(field + ".", StringComparison.OrdinalIgnoreCase)
            || e.Name.StartsWith(field + "[", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Rows in every table of the model, in one query.</summary>
    private async Task<IReadOnlyList<(string Table, long Rows)>> CountRowsAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var sql = db.GetService<ISqlGenerationHelper>();
        var tables = db.Model.GetEntityTypes()
            .Where(t => t.GetTableName() is not null && t.GetViewName() is null)
            .Select(t => (Name: t.GetTableName()!, Schema: t.GetSchema()))
            .Distinct().OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using DbCommand command = connection.CreateCommand();
#pragma warning disable CA2100 // Table names come from the EF model, delimited by the provider.
        command.CommandText = "SELECT " + string.Join(", ", tables.Select(t => $"(SELECT COUNT(*) FROM {sql.DelimitIdentifier(t.Name, t.Schema)})"));
#pragma warning restore CA2100
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return tables.Select((t, i) => (t.Name, Convert.ToInt64(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))).ToList();
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
