using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using OneStop.Dossiers;
using OneStop.Persistence;
using OneStop.Sla;

namespace OneStop.Jobs.Persistence;

/// <summary>
/// Set-based writes on SQLite and PostgreSQL (<see cref="Serves"/>), in the context's current transaction: INSERTs
/// and an UPDATE ... FROM (VALUES) keyed and version-checked per row. Table and column names, store types and
/// value conversions come from the EF model (each property's type mapping makes its parameter), so the rows are
/// exactly what SaveChanges would have written. Used where rows go by the thousand and EF's per-entity pipeline costs
/// more than the database: the SLA pass's dossiers, events and notices, the lateness audit's findings and patterns.
/// </summary>
/// <remarks>
/// PostgreSQL gets the inserts by binary COPY and the update with many rows per statement. SQLite runs in-process, and binding a
/// statement's parameters costs it time quadratic in their number: there one prepared single-row statement is
/// executed per row, which is its fastest form.
/// </remarks>
internal sealed class BulkRows(OneStopDbContext db)
{
    // Parameters per PostgreSQL statement: far under its 65,535, and small enough that a statement's text and
    // parameter list stay off the large object heap (bigger ones cost more in gen-2 collections than they save).
    private const int MaxParameters = 2_500;

    private readonly ISqlGenerationHelper _sql = db.GetService<ISqlGenerationHelper>();
    private readonly int _rowsPerStatement = db is SqliteOneStopDbContext ? 1 : int.MaxValue;
    private int _copies;

    /// <summary>
    /// Whether the context's provider has these statements. SQL Server has none (ON CONFLICT and UPDATE ... FROM (VALUES)
    /// are spelled differently in T-SQL, and no SQL Server is at hand to measure a variant): its callers save tracked entities.
    /// </summary>
    public static bool Serves(OneStopDbContext db) => db is SqliteOneStopDbContext or PostgresOneStopDbContext;

    /// <summary>Inserts the rows; with <paramref name="skipDuplicates"/> a row whose unique key exists is left out. Returns the rows inserted.</summary>
    public Task<int> InsertAsync<T>(IReadOnlyList<T> rows, bool skipDuplicates, CancellationToken cancellationToken)
        where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties()
            .Where(p => p.ValueGenerated == ValueGenerated.Never)
            .Select(p => new Column<T>(p, p.GetRelationalTypeMapping(), p.GetGetter().GetClrValue))
            .ToList();
        var names = string.Join(", ", columns.Select(c => _sql.DelimitIdentifier(c.Property.GetColumnName(table)!)));
        if (db.Database.GetDbConnection() is NpgsqlConnection connection)
        {
            return CopyAsync(connection, _sql.DelimitIdentifier(table.Name, table.Schema), names, rows, columns, skipDuplicates, cancellationToken);
        }

        var into = $"INSERT INTO {_sql.DelimitIdentifier(table.Name, table.Schema)} ({names}) VALUES ";
        return ExecuteAsync(rows, columns, values => into + values + (skipDuplicates ? " ON CONFLICT DO NOTHING" : string.Empty), cancellationToken);
    }

    /// <summary>
    /// Writes every column of the rows where their primary key is; a row not in the table is left out. Returns the rows
    /// written. For derived rows recomputed whole (a dossier's stored outcome), which no other writer edits in part.
    /// </summary>
    public Task<int> UpdateAsync<T>(IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var key = entityType.FindPrimaryKey()!.Properties;
        var columns = key.Concat(entityType.GetProperties().Where(p => !p.IsPrimaryKey()))
            .Select(p => new Column<T>(p, p.GetRelationalTypeMapping(), p.GetGetter().GetClrValue))
            .ToList();
        return UpdateAsync(entityType, rows, columns, key.Count, cancellationToken);
    }

    /// <summary>
    /// Writes the SLA columns of the changed dossiers, each only where its version is still the one loaded.
    /// Returns the rows written: fewer than given means another writer got there first.
    /// </summary>
    public Task<int> UpdateDossiersAsync(IReadOnlyList<SlaRowChange> changes, CancellationToken cancellationToken)
    {
        var entityType = db.Model.FindEntityType(typeof(Dossier))!;
        Column<SlaRowChange> Of(string property, Func<SlaRowChange, object?> value)
        {
            var p = entityType.FindProperty(property)!;
            return new Column<SlaRowChange>(p, p.GetRelationalTypeMapping(), value);
        }

        var columns = new List<Column<SlaRowChange>>
        {
            Of(nameof(Dossier.Id), c => c.Id),
            Of(nameof(Dossier.Version), c => c.LoadedVersion),
            Of(nameof(Dossier.Status), c => c.Status),
            Of(nameof(Dossier.SlaState), c => c.SlaState),
            Of(nameof(Dossier.StepSlaState), c => c.StepSlaState),
            Of(nameof(Dossier.EventCount), c => c.EventCount),
            Of(nameof(Dossier.LastEventHash), c => c.LastEventHash),
            Of(nameof(Dossier.Version), c => c.Version),
            Of(nameof(Dossier.NextSlaCheckAt), c => c.NextSlaCheckAt),
            Of(nameof(Dossier.ClosedAt), c => c.ClosedAt),
        };
        return UpdateAsync(entityType, changes, columns, matched: 2, cancellationToken);
    }

    // UPDATE ... FROM (VALUES): the first `matched` columns must equal the row's, the others are written.
    private Task<int> UpdateAsync<TRow>(IEntityType entityType, IReadOnlyList<TRow> rows, List<Column<TRow>> columns, int matched, CancellationToken cancellationToken)
    {
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        string Name(int i) => _sql.DelimitIdentifier(columns[i].Property.GetColumnName(table)!);

        // The casts give PostgreSQL the column types of the VALUES list (a null alone would be text).
        string Value(int i) => string.Create(CultureInfo.InvariantCulture, $"CAST(v.c{i} AS {columns[i].Property.GetColumnType()})");
        var aliases = string.Join(", ", columns.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"c{i}")));
        var assignments = string.Join(", ", Enumerable.Range(matched, columns.Count - matched).Select(i => $"{Name(i)} = {Value(i)}"));
        var conditions = string.Join(" AND ", Enumerable.Range(0, matched).Select(i => $"d.{Name(i)} = {Value(i)}"));
        var update = $"UPDATE {_sql.DelimitIdentifier(table.Name, table.Schema)} AS d SET {assignments} FROM v WHERE {conditions}";
        return ExecuteAsync(rows, columns, values => $"WITH v({aliases}) AS (VALUES {values}) {update}", cancellationToken);
    }

    // PostgreSQL: binary COPY, straight into the table, or (to skip duplicates) into a temporary copy of it that
    // one INSERT ... SELECT ... ON CONFLICT DO NOTHING moves over; the copy is dropped at commit.
    private async Task<int> CopyAsync<TRow>(NpgsqlConnection connection, string table, string names, IReadOnlyList<TRow> rows, List<Column<TRow>> columns, bool skipDuplicates, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        var target = table;
        if (skipDuplicates)
        {
            target = "\"sla_copy_" + (++_copies).ToString(CultureInfo.InvariantCulture) + "\"";
            await ExecuteSqlAsync($"CREATE TEMPORARY TABLE {target} (LIKE {table}) ON COMMIT DROP", cancellationToken);
        }

        await using (var importer = await connection.BeginBinaryImportAsync($"COPY {target} ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                foreach (var column in columns)
                {
                    var value = column.Value(row!);
                    if (value is not null && column.Mapping.Converter is { } converter)
                    {
                        value = converter.ConvertToProvider(value);
                    }

                    await (value switch
                    {
                        null => importer.WriteNullAsync(cancellationToken),
                        Guid g => importer.WriteAsync(g, NpgsqlDbType.Uuid, cancellationToken),
                        DateTime d => importer.WriteAsync(d, NpgsqlDbType.TimestampTz, cancellationToken),
                        string t => importer.WriteAsync(t, NpgsqlDbType.Text, cancellationToken),
                        int i => importer.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken),
                        bool b => importer.WriteAsync(b, NpgsqlDbType.Boolean, cancellationToken),
                        long l => importer.WriteAsync(l, NpgsqlDbType.Bigint, cancellationToken),
                        _ => throw new NotSupportedException($"Column {column.Property.Name}: {value.GetType().Name} values are not copied."),
                    });
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        return skipDuplicates
            ? await ExecuteSqlAsync($"INSERT INTO {table} ({names}) SELECT {names} FROM {target} ON CONFLICT DO NOTHING", cancellationToken)
            : rows.Count;
    }

    private async Task<int> ExecuteSqlAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandTimeout = 0;
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // Runs `statement` over the rows, as many per statement as the provider takes well; returns the rows affected.
    private async Task<int> ExecuteAsync<TRow>(IReadOnlyList<TRow> rows, List<Column<TRow>> columns, Func<string, string> statement, CancellationToken cancellationToken)
    {
        var perStatement = Math.Min(_rowsPerStatement, MaxParameters / columns.Count);
        var affected = 0;
        DbCommand? command = null;
        try
        {
            foreach (var chunk in rows.Chunk(perStatement))
            {
                if (command is null || command.Parameters.Count != chunk.Length * columns.Count)
                {
                    if (command is not null)
                    {
                        await command.DisposeAsync();
                    }

                    command = db.Database.GetDbConnection().CreateCommand();
                    command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                    command.CommandTimeout = 0;
                    command.CommandText = statement(Placeholders(chunk.Length, columns.Count));
                }

                command.Parameters.Clear();
                for (var r = 0; r < chunk.Length; r++)
                {
                    for (var c = 0; c < columns.Count; c++)
                    {
                        var column = columns[c];
                        command.Parameters.Add(column.Mapping.CreateParameter(command, ParameterName((r * columns.Count) + c), column.Value(chunk[r]!), column.Property.IsNullable));
                    }
                }

                affected += await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
        }

        return affected;
    }

    private static string Placeholders(int rows, int columns)
    {
        var text = new StringBuilder(rows * columns * 8);
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns; c++)
            {
                text.Append(c == 0 ? string.Empty : ", ").Append(ParameterName((r * columns) + c));
            }

            text.Append(')');
        }

        return text.ToString();
    }

    private static string ParameterName(int index) => "@p" + index.ToString(CultureInfo.InvariantCulture);

    private sealed record Column<TRow>(IProperty Property, RelationalTypeMapping Mapping, Func<TRow, object?> Value);
}
