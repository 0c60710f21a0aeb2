using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using OneStop.Agencies;

namespace OneStop.Api.Identity;

/// <summary>
/// Members of staff with their agency as <see cref="CurrentStaff"/> reads them, kept in memory so that a request
/// (a registration above all: thirty desks at once, issue 19) does not read the member and the agency from the
/// database every time. Roles are not kept here: they come from the request's own sign-in.
/// </summary>
/// <remarks>
/// A change to a member of staff or an agency saved through this instance empties the cache at once
/// (<see cref="StaffChangeInterceptor"/>). A change saved through another instance on the same database reaches this
/// one within <see cref="StaffCacheOptions.Seconds"/> (default 5 s): an entry older than that is read again. During
/// that window a request on this instance may still see the member's previous name, unit or agency (an access token
/// already lives 5 minutes without being checked against the database). The cached <see cref="Agency"/> is shared
/// by the requests of this instance: read it, never change or attach it.
/// </remarks>
public sealed class StaffCache(IOptions<StaffCacheOptions> options, TimeProvider time)
{
    private const int MaxEntries = 20_000;
    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();
    private long _generation;

    /// <summary>The generation to hand back to <see cref="Put"/> for a record read after this call.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>The cached record of <paramref name="userId"/>, or null when there is none or it is too old.</summary>
    public StaffRecord? Find(Guid userId) =>
        _entries.TryGetValue(userId, out var entry) && entry.Generation == Generation
            && time.GetElapsedTime(entry.LoadedAt) < TimeSpan.FromSeconds(options.Value.Seconds)
            ? entry.Record
            : null;

    /// <summary>
    /// Keeps <paramref name="record"/>, read since <paramref name="loadedAt"/> (<see cref="TimeProvider.GetTimestamp"/>)
    /// under <paramref name="generation"/>: an invalidation during the read makes it stale on arrival, never served.
    /// </summary>
    public void Put(Guid userId, StaffRecord record, long generation, long loadedAt)
    {
        if (options.Value.Seconds <= 0)
        {
            return;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[userId] = new Entry(record, loadedAt, generation);
    }

    /// <summary>Forgets every entry: a member of staff or an agency changed.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    private sealed record Entry(StaffRecord Record, long LoadedAt, long Generation);
}

/// <summary>What <see cref="StaffCache"/> keeps of a member of staff: their names, unit and agency.</summary>
public sealed record StaffRecord(string UserName, string FullName, string? Unit, Agency Agency);

/// <summary>Section <c>StaffCache</c>: how long another instance's change to a member of staff or an agency may take to reach this one.</summary>
public sealed class StaffCacheOptions
{
    public const string Section = "StaffCache";

    /// <summary>Seconds an entry is served before it is read again (0: no caching). Default 5.</summary>
    [Range(0, 300)]
    public int Seconds { get; set; } = 5;
}
