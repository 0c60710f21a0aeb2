using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Persistence;
using OneStop.Procedures;

namespace OneStop.Api.Catalogue;

/// <summary>
/// Procedures with their versions as intake reads them, kept in memory so that a registration does not load the
/// procedure on every request. The version in force is still chosen per request from the cached versions
/// (<see cref="Procedure.VersionInForce"/>), so a version whose effective date arrives needs no reload.
/// </summary>
/// <remarks>
/// A change to the catalogue saved through this instance empties the cache at once
/// (<see cref="CatalogueChangeInterceptor"/>). A change saved through another instance on the same database
/// reaches this one within <see cref="ProcedureCacheOptions.Seconds"/> (default 5 s): an entry older than that is
/// read again. During that window a registration on this instance may still take the previous version.
/// </remarks>
public sealed class ProcedureCache(IOptions<ProcedureCacheOptions> options, TimeProvider time)
{
    private const int MaxEntries = 5_000;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>The procedure of <paramref name="code"/> with its versions, or null when there is none.</summary>
    public async Task<Procedure?> GetAsync(OneStopDbContext db, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var generation = Interlocked.Read(ref _generation);
        if (_entries.TryGetValue(code, out var entry) && entry.Generation == generation
            && time.GetElapsedTime(entry.LoadedAt) < TimeSpan.FromSeconds(options.Value.Seconds))
        {
            return entry.Procedure;
        }

        var loadedAt = time.GetTimestamp();
        var procedure = await db.Procedures.AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.Code == code, cancellationToken);
        if (procedure is not null && options.Value.Seconds > 0)
        {
            if (_entries.Count >= MaxEntries)
            {
                _entries.Clear();
            }

            // An invalidation during the load bumped the generation: this entry is stale on arrival and is
            // never served.
            _entries[code] = new Entry(procedure, loadedAt, generation);
        }

        return procedure;
    }

    /// <summary>Forgets every entry: the catalogue changed.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    private sealed record Entry(Procedure Procedure, long LoadedAt, long Generation);
}

/// <summary>Section <c>ProcedureCache</c>: how long another instance's catalogue change may take to reach this one.</summary>
public sealed class ProcedureCacheOptions
{
    public const string Section = "ProcedureCache";

    /// <summary>Seconds an entry is served before it is read again (0: no caching). Default 5.</summary>
    [Range(0, 300)]
    public int Seconds { get; set; } = 5;
}
