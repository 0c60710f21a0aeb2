using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;
using OneStop.Calendar;
using OneStop.Tests.Api.Dossiers;

namespace OneStop.Tests.Api.Lateness;

/// <summary>
/// Issue 12 point 1, as an intruder would do it: open the embedded database file itself, move a late result before
/// its due, and re-hash the chain with the recipe README publishes. The recipe is checked first against the real key
/// (it must reproduce the stored hashes, or the README lies); then without the key the rewrite is caught.
/// </summary>
public sealed class DatabaseFileTamperingTests(OneStopApiFactory factory) : IClassFixture<OneStopApiFactory>
{
    private static readonly LocalDateTimePattern Pattern = LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd HH:mm");

    [Fact]
    public async Task Verify_DatabaseFileEditedAndRehashedWithThePublishedRecipe_Invalid()
    {
        factory.Clock.Reset(T("2025-10-06 09:00"));
        var clerk = await factory.ClientForAsync("motcua");
        var code = await DossierApi.RegisterAsync(clerk);
        factory.Clock.Reset(T("2025-10-06 10:00"));
        (await DossierApi.PostAsync(clerk, code, "handovers", new { toUnit = "Công chức tư pháp - hộ tịch" })).EnsureSuccessStatusCode();
        factory.Clock.Reset(T("2025-10-14 09:00"));
        var officer = await factory.ClientForAsync("chuyenvien");
        (await DossierApi.PostAsync(officer, code, "result", new { })).EnsureSuccessStatusCode(); // due 13/10 09:00: a day late

        await using var connection = new SqliteConnection(factory.Services.GetRequiredService<IConfiguration>().GetConnectionString("OneStop"));
        await connection.OpenAsync();
        var id = (string)(await Scalar(connection, "SELECT \"Id\" FROM \"Dossiers\" WHERE \"Code\" = $p0", code))!;
        var events = await EventsAsync(connection, id);

        // The published recipe with the real key gives the stored hashes.
        Assert.Equal(events.Select(e => e.Hash), Chain(id, events, text => Hmac(TestLedgerKeys.Key, text)));

        // The intruder moves the result to Friday 10/10 and re-hashes: with a guessed key, then with no key at all.
        var moved = events[2] with { RecordedAt = T("2025-10-10 09:00"), OccurredAt = T("2025-10-10 09:00") };
        await WriteAsync(connection, id, [events[0], events[1], moved], text => Hmac(Encoding.UTF8.GetBytes("a-guessed-key-of-thirty-two-bytes"), text));
        Assert.False(await ValidAsync(code));
        await WriteAsync(connection, id, [events[0], events[1], moved], text => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
        Assert.False(await ValidAsync(code));

        var supervisor = await factory.ClientForAsync("giamsat");
        using (var audit = await DossierApi.GetAsync(supervisor, $"/api/dossiers/{code}/lateness"))
        {
            Assert.Contains(audit.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("kind").GetString() == "LedgerTampered");
        }

        // The control: the same edit sealed with the real key passes (no checkpoint anchors this dossier yet), so what
        // caught the rewrite above is the key alone; the checkpoint scenarios cover an intruder who holds it.
        await WriteAsync(connection, id, [events[0], events[1], moved], text => Hmac(TestLedgerKeys.Key, text));
        Assert.True(await ValidAsync(code));
    }

    private async Task<bool> ValidAsync(string code)
    {
        var clerk = await factory.ClientForAsync("motcua");
        using var verify = await DossierApi.GetAsync(clerk, $"/api/dossiers/{code}/verify");
        return verify.RootElement.GetProperty("valid").GetBoolean();
    }

    /// <summary>README's recipe: the fields one a line, HMAC-SHA256 (here: any function) in lower-case hex, chained.</summary>
    private static List<string> Chain(string dossierId, IReadOnlyList<Row> events, Func<string, string> mac)
    {
        var hashes = new List<string>();
        var previous = Guid.Parse(dossierId).ToString("N");
        foreach (var e in events)
        {
            var text = string.Join('\n',
                Guid.Parse(dossierId).ToString("N"), e.Sequence.ToString(CultureInfo.InvariantCulture), e.Kind, e.Actor,
                InstantPattern.ExtendedIso.Format(e.RecordedAt), InstantPattern.ExtendedIso.Format(e.OccurredAt), e.Details, previous, e.KeyId);
            previous = mac(text);
            hashes.Add(previous);
        }

        return hashes;
    }

    private static async Task WriteAsync(SqliteConnection connection, string dossierId, IReadOnlyList<Row> events, Func<string, string> mac)
    {
        var hashes = Chain(dossierId, events, mac);
        var previous = Guid.Parse(dossierId).ToString("N");
        for (var i = 0; i < events.Count; i++)
        {
            await Execute(connection, "UPDATE \"DossierEvents\" SET \"RecordedAt\" = $p0, \"OccurredAt\" = $p1, \"PreviousHash\" = $p2, \"Hash\" = $p3 WHERE \"DossierId\" = $p4 AND \"Sequence\" = $p5",
                Text(events[i].RecordedAt), Text(events[i].OccurredAt), previous, hashes[i], dossierId, events[i].Sequence);
            previous = hashes[i];
        }

        await Execute(connection, "UPDATE \"Dossiers\" SET \"LastEventHash\" = $p0, \"ResultReadyAt\" = $p1 WHERE \"Id\" = $p2", previous, Text(events[^1].OccurredAt), dossierId);
    }

    private static async Task<List<Row>> EventsAsync(SqliteConnection connection, string dossierId)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Sequence\", \"Kind\", \"Actor\", \"RecordedAt\", \"OccurredAt\", \"Details\", \"KeyId\", \"Hash\" FROM \"DossierEvents\" WHERE \"DossierId\" = $p0 ORDER BY \"Sequence\"";
        command.Parameters.AddWithValue("$p0", dossierId);
        var rows = new List<Row>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new Row(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), Instant.FromDateTimeUtc(DateTime.SpecifyKind(reader.GetDateTime(3), DateTimeKind.Utc)),
                Instant.FromDateTimeUtc(DateTime.SpecifyKind(reader.GetDateTime(4), DateTimeKind.Utc)), reader.GetString(5), reader.GetString(6), reader.GetString(7)));
        }

        return rows;
    }

    private static async Task<object?> Scalar(SqliteConnection connection, string sql, params object[] values)
    {
        await using var command = Command(connection, sql, values);
        return await command.ExecuteScalarAsync();
    }

    private static async Task Execute(SqliteConnection connection, string sql, params object[] values)
    {
        await using var command = Command(connection, sql, values);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, object[] values)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue("$p" + i.ToString(CultureInfo.InvariantCulture), values[i]);
        }

        return command;
    }

    private static string Text(Instant instant) => instant.ToDateTimeUtc().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Hmac(byte[] key, string text) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)));

    private static Instant T(string local) => OfficeTime.ToInstant(Pattern.Parse(local).GetValueOrThrow());

    private sealed record Row(int Sequence, string Kind, string Actor, Instant RecordedAt, Instant OccurredAt, string Details, string KeyId, string Hash);
}
