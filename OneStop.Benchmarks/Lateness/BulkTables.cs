using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace OneStop.Benchmarks.Lateness;

/// <summary>
/// Writes the rows a context tracks as Added with plain multi-row INSERTs in one transaction, instead of
/// <c>SaveChanges</c>: the same columns and stored values as EF would write (its model's table and column names, its
/// type mappings and value converters, owned types merged into their owner's row), without EF's per-row
/// bookkeeping (on PostgreSQL one binary COPY per table). Store-generated keys (an event's identity) are left to the database. For seeding benchmarks only.
/// </summary>
internal sealed class BulkTables(DbContext db)
{
    private const int MaxParameters = 30_000;

    private bool _tuned;

    public async Task<int> FlushAsync(CancellationToken cancellationToken)
    {
        var tables = new Dictionary<string, Table>(StringComparer.Ordinal);
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added))
        {
            Collect(entry, tables);
        }

        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
        }

        if (connection is SqliteConnection && !_tuned)
        {
            // A bulk load into a file that outgrows SQLite's 2 MB page cache thrashes on every random key: a large
            // cache, and no fsync per transaction (a benchmark's throwaway file).
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA cache_size = -1000000; PRAGMA synchronous = OFF;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            _tuned = true;
        }

        var written = 0;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Parents first (a dossier before its events, an outcome after its dossier): the model's foreign keys decide.
        foreach (var table in Ordered(tables.Values))
        {
            written += await WriteAsync(connection, transaction, table, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return written;
    }

    private readonly Dictionary<IEntityType, (string Table, IProperty[] Key, (IProperty Property, string Column, RelationalTypeMapping Mapping)[] Columns)> _shapes = [];

    private void Collect(EntityEntry entry, Dictionary<string, Table> tables)
    {
        var type = entry.Metadata;
        if (!_shapes.TryGetValue(type, out var shape))
        {
            var tableName = type.GetTableName()!;
            var store = StoreObjectIdentifier.Table(tableName, type.GetSchema());
            _shapes[type] = shape = (tableName, type.FindPrimaryKey()!.Properties.ToArray(),
                type.GetProperties().Where(p => p.GetColumnName(store) is not null)
                    .Select(p => (p, p.GetColumnName(store)!, (RelationalTypeMapping)p.GetRelationalTypeMapping())).ToArray());
        }

        var name = shape.Table;
        if (!tables.TryGetValue(name, out var table))
        {
            tables[name] = table = new Table(name);
        }

        if (!type.IsOwned())
        {
            table.Root = type.GetRootType();
        }

        var key = shape.Key.Length == 1 ? entry.Property(shape.Key[0]).CurrentValue?.ToString() ?? string.Empty : string.Join('|', shape.Key.Select(p => entry.Property(p).CurrentValue));
        if (!table.Rows.TryGetValue(key, out var row))
        {
            table.Rows[key] = row = new Dictionary<string, (object? Value, RelationalTypeMapping Mapping)>(StringComparer.Ordinal);
        }

        foreach (var (property, column, mapping) in shape.Columns)
        {
            var value = entry.Property(property);
            if (value.IsTemporary)
            {
                continue;
            }

            table.Columns.Add(column);
            row[column] = (value.CurrentValue, mapping);
        }
    }

    private static IEnumerable<Table> Ordered(IEnumerable<Table> tables)
    {
        var all = tables.ToList();
        var done = new HashSet<IEntityType>();
        while (all.Count > 0)
        {
            var next = all.FirstOrDefault(t => t.Root.GetForeignKeys().All(fk => fk.PrincipalEntityType.GetRootType() == t.Root
                || done.Contains(fk.PrincipalEntityType.GetRootType()) || all.All(o => o.Root != fk.PrincipalEntityType.GetRootType()))) ?? all[0];
            all.Remove(next);
            done.Add(next.Root);
            yield return next;
        }
    }

    private static async Task<int> WriteAsync(DbConnection connection, DbTransaction transaction, Table table, CancellationToken cancellationToken)
    {
        var columns = table.Columns.ToList();
        if (connection is NpgsqlConnection npgsql)
        {
            return await CopyAsync(npgsql, table, columns, cancellationToken);
        }

        // Microsoft.Data.Sqlite looks parameters up by name in a list (quadratic in a statement's parameters): one row
        // a statement there, the same prepared command again and again; many rows a statement elsewhere.
        var sqlite = connection is SqliteConnection;
        var perStatement = sqlite ? 1 : Math.Max(1, MaxParameters / columns.Count);
        var rows = table.Rows.Values.ToList();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            var chunk = rows.GetRange(start, Math.Min(perStatement, rows.Count - start));
            command.Parameters.Clear();
            var text = new System.Text.StringBuilder($"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ");
            var n = 0;
            for (var r = 0; r < chunk.Count; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = "@p" + n++;
                    text.Append(c == 0 ? name : ", " + name);
                    if (chunk[r].TryGetValue(columns[c], out var cell))
                    {
                        command.Parameters.Add(cell.Mapping.CreateParameter(command, name, cell.Value, nullable: true));
                    }
                    else
                    {
                        var parameter = command.CreateParameter();
                        parameter.ParameterName = name;
                        parameter.Value = DBNull.Value;
                        command.Parameters.Add(parameter);
                    }
                }

                text.Append(')');
            }

            var sql = text.ToString();
            if (command.CommandText != sql)
            {
                command.CommandText = sql;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return rows.Count;
    }

    /// <summary>PostgreSQL: the rows as one binary COPY (Npgsql's binary import), each value as EF's converter stores it.</summary>
    private static async Task<int> CopyAsync(NpgsqlConnection connection, Table table, List<string> columns, CancellationToken cancellationToken)
    {
        var rows = table.Rows.Values.ToList();
        var types = new string?[columns.Count];
        foreach (var row in rows)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                if (types[c] is null && row.TryGetValue(columns[c], out var cell))
                {
                    var store = cell.Mapping.StoreType;
                    var facet = store.IndexOf('(', StringComparison.Ordinal);
                    types[c] = facet < 0 ? store : store[..facet].TrimEnd();
                }
            }
        }

        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            for (var c = 0; c < columns.Count; c++)
            {
                var value = row.TryGetValue(columns[c], out var cell) && cell.Value is not null
                    ? cell.Mapping.Converter is { } converter ? converter.ConvertToProvider(cell.Value) : cell.Value
                    : null;
                if (value is null)
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await importer.WriteAsync(value, types[c]!, cancellationToken);
                }
            }
        }

        await importer.CompleteAsync(cancellationToken);
        return rows.Count;
    }

    private sealed class Table(string name)
    {
        public string Name { get; } = name;

        public IEntityType Root { get; set; } = null!;

        public HashSet<string> Columns { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Dictionary<string, (object? Value, RelationalTypeMapping Mapping)>> Rows { get; } = new(StringComparer.Ordinal);
    }
}
