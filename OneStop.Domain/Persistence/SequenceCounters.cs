using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace OneStop.Persistence;

/// <summary>
/// Draws numbers from <see cref="SequenceCounter"/> rows with one atomic statement that creates a missing row and
/// increments an existing one: <c>INSERT … ON CONFLICT DO UPDATE SET Value = Value + 1 RETURNING</c> on
/// PostgreSQL and SQLite, <c>MERGE … WITH (HOLDLOCK) … OUTPUT</c> on SQL Server. Inside the caller's transaction
/// the row stays locked until it commits or rolls back, so two registrations never draw the same number and a
/// number is lost only when its transaction rolls back (a gap in the sequence, never a duplicate). Nothing is
/// read first, so no race is lost and nothing is retried.
/// </summary>
public static class SequenceCounters
{
    /// <summary>The longest key: "code:" + a printed prefix of up to 40 + 60 characters, or a book key.</summary>
    public const int MaxKeyLength = 120;

    /// <summary>
    /// Increments each counter by <paramref name="count"/> (creating it at <paramref name="count"/>) and answers
    /// the new values in the order of <paramref name="keys"/>: the numbers drawn from each are the
    /// <paramref name="count"/> values up to it. Rows are locked in the order given; callers keep one order (code,
    /// then book) so that two transactions never wait on each other in a cycle.
    /// </summary>
    public static async Task<long[]> DrawAsync(OneStopDbContext db, IReadOnlyList<string> keys, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (keys.Count == 0 || keys.Distinct(StringComparer.Ordinal).Count() != keys.Count)
        {
            throw new ArgumentException("One or more distinct keys.", nameof(keys));
        }

        var rows = new StringBuilder();
        for (var i = 0; i < keys.Count; i++)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(keys[i]);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(keys[i].Length, MaxKeyLength);
            rows.Append(i == 0 ? string.Empty : ", ").Append(CultureInfo.InvariantCulture, $"(@k{i}, @n)");
        }

        var sql = db switch
        {
            SqlServerOneStopDbContext => $"""
                MERGE [SequenceCounters] WITH (HOLDLOCK) AS t
                USING (VALUES {rows}) AS s([Key], [Value]) ON t.[Key] = s.[Key]
                WHEN MATCHED THEN UPDATE SET t.[Value] = t.[Value] + s.[Value]
                WHEN NOT MATCHED THEN INSERT ([Key], [Value]) VALUES (s.[Key], s.[Value])
                OUTPUT inserted.[Key], inserted.[Value];
                """,
            _ => $"""
                INSERT INTO "SequenceCounters" ("Key", "Value") VALUES {rows}
                ON CONFLICT ("Key") DO UPDATE SET "Value" = "SequenceCounters"."Value" + excluded."Value"
                RETURNING "Key", "Value";
                """,
        };
        var drawn = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var command = await CommandAsync(db, sql, keys, cancellationToken))
        {
            AddValue(command, "@n", count);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                drawn[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        return keys.Select(k => drawn.TryGetValue(k, out var v) ? v : throw new InvalidOperationException($"Counter {k} answered no value.")).ToArray();
    }

    /// <summary>
    /// Moves a counter up to at least <paramref name="value"/> (creating it there), so that the next draw
    /// answers more. Used to step over a number some earlier code already holds.
    /// </summary>
    public static async Task RaiseAsync(OneStopDbContext db, string key, long value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var sql = db switch
        {
            SqlServerOneStopDbContext => """
                MERGE [SequenceCounters] WITH (HOLDLOCK) AS t
                USING (VALUES (@k0, @v)) AS s([Key], [Value]) ON t.[Key] = s.[Key]
                WHEN MATCHED AND t.[Value] < s.[Value] THEN UPDATE SET t.[Value] = s.[Value]
                WHEN NOT MATCHED THEN INSERT ([Key], [Value]) VALUES (s.[Key], s.[Value]);
                """,
            PostgresOneStopDbContext => """
                INSERT INTO "SequenceCounters" ("Key", "Value") VALUES (@k0, @v)
                ON CONFLICT ("Key") DO UPDATE SET "Value" = GREATEST("SequenceCounters"."Value", excluded."Value");
                """,
            _ => """
                INSERT INTO "SequenceCounters" ("Key", "Value") VALUES (@k0, @v)
                ON CONFLICT ("Key") DO UPDATE SET "Value" = max("SequenceCounters"."Value", excluded."Value");
                """,
        };
        await using var command = await CommandAsync(db, sql, [key], cancellationToken);
        AddValue(command, "@v", value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddValue(DbCommand command, string name, long value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static async Task<DbCommand> CommandAsync(OneStopDbContext db, string sql, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        for (var i = 0; i < keys.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@k" + i.ToString(CultureInfo.InvariantCulture);
            parameter.Value = keys[i];
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
