using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using OneStop.Persistence;
using OneStop.Sla;

namespace OneStop.Jobs.Sla;

/// <summary>
/// Set-based writes for the SLA pass on SQLite and PostgreSQL: multi-row INSERTs and one UPDATE ... FROM (VALUES)
/// per chunk, in the context's current transaction. Table and column names, store types and value conversions
/// come from the EF model (each property's type mapping makes its parameter), so the rows are exactly what
/// SaveChanges would have written.
/// </summary>
internal sealed class BulkRows(OneStopDbContext db)
{
    // Well under SQLite's 32,766 and PostgreSQL's 65,535 parameters per statement.
    private const int MaxParameters = 30_000;

    private readonly ISqlGenerationHelper _sql = db.GetService<ISqlGenerationHelper>();

    /// <summary>Inserts the rows; with <paramref name="skipDuplicates"/> a row whose unique key exists is left out. Returns the rows inserted.</summary>
    public async Task<int> InsertAsync<T>(IReadOnlyList<T> rows, bool skipDuplicates, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var properties = entityType.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never).ToList();
        var columns = string.Join(", ", properties.Select(p => _sql.DelimitIdentifier(p.GetColumnName(table)!)));
        var inserted = 0;
        foreach (var chunk in rows.Chunk(Math.Max(1, MaxParameters / properties.Count)))
        {
            await using var command = NewCommand();
            var text = new StringBuilder(64 * chunk.Length * properties.Count)
                .Append("INSERT INTO ").Append(_sql.DelimitIdentifier(table.Name, table.Schema)).Append(" (").Append(columns).Append(") VALUES ");
            for (var r = 0; r < chunk.Length; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < properties.Count; c++)
                {
                    var property = properties[c];
                    text.Append(c == 0 ? string.Empty : ", ").Append(Parameter(command, property, property.GetGetter().GetClrValue(chunk[r])));
                }

                text.Append(')');
            }

            if (skipDuplicates)
            {
                text.Append(" ON CONFLICT DO NOTHING");
            }

            command.CommandText = text.ToString();
            inserted += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return inserted;
    }

    /// <summary>
    /// Writes the SLA columns of the changed dossiers, each only where its version is still the one loaded.
    /// Returns the rows written: fewer than given means another writer got there first.
    /// </summary>
    public async Task<int> UpdateDossiersAsync(IReadOnlyList<SlaRowChange> changes, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return 0;
        }

        var entityType = db.Model.FindEntityType(typeof(Dossiers.Dossier))!;
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var key = entityType.FindProperty(nameof(SlaRowChange.Id))!;
        var version = entityType.FindProperty(nameof(SlaRowChange.Version))!;
        var set = new[]
        {
            nameof(SlaRowChange.Status), nameof(SlaRowChange.SlaState), nameof(SlaRowChange.StepSlaState), nameof(SlaRowChange.EventCount),
            nameof(SlaRowChange.LastEventHash), nameof(SlaRowChange.Version), nameof(SlaRowChange.NextSlaCheckAt),
        }.Select(n => entityType.FindProperty(n)!).ToList();
        var values = new List<(IProperty Property, Func<SlaRowChange, object?> Value)>
        {
            (key, c => c.Id),
            (version, c => c.LoadedVersion),
            (set[0], c => c.Status),
            (set[1], c => c.SlaState),
            (set[2], c => c.StepSlaState),
            (set[3], c => c.EventCount),
            (set[4], c => c.LastEventHash),
            (set[5], c => c.Version),
            (set[6], c => c.NextSlaCheckAt),
        };

        string Column(IProperty p) => _sql.DelimitIdentifier(p.GetColumnName(table)!);
        string Value(int i) => $"CAST(v.c{i.ToString(CultureInfo.InvariantCulture)} AS {values[i].Property.GetColumnType()})";
        var names = string.Join(", ", Enumerable.Range(0, values.Count).Select(i => "c" + i.ToString(CultureInfo.InvariantCulture)));
        var assignments = string.Join(", ", set.Select((p, i) => $"{Column(p)} = {Value(i + 2)}"));
        var written = 0;
        foreach (var chunk in changes.Chunk(MaxParameters / values.Count))
        {
            await using var command = NewCommand();
            var text = new StringBuilder(48 * chunk.Length * values.Count).Append("WITH v(").Append(names).Append(") AS (VALUES ");
            for (var r = 0; r < chunk.Length; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < values.Count; c++)
                {
                    text.Append(c == 0 ? string.Empty : ", ").Append(Parameter(command, values[c].Property, values[c].Value(chunk[r])));
                }

                text.Append(')');
            }

            text.Append(") UPDATE ").Append(_sql.DelimitIdentifier(table.Name, table.Schema)).Append(" AS d SET ").Append(assignments)
                .Append(" FROM v WHERE d.").Append(Column(key)).Append(" = ").Append(Value(0))
                .Append(" AND d.").Append(Column(version)).Append(" = ").Append(Value(1));
            command.CommandText = text.ToString();
            written += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return written;
    }

    private DbCommand NewCommand()
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandTimeout = 0;
        return command;
    }

    private static string Parameter(DbCommand command, IProperty property, object? value)
    {
        var name = "@p" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture);
        command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, name, value, property.IsNullable));
        return name;
    }
}
