using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using OneStop.Agencies;
using OneStop.Dossiers;

namespace OneStop.Api.PublicStatus;

/// <summary>
/// The public status of a code, kept for <see cref="PublicStatusOptions.CacheSeconds"/>: the lookup is the most
/// requested and most predictable read, and must stay cheap under load. Unknown codes are kept too (a scan of
/// predictable codes then costs no database reads; the rate limit bounds it). A save through this instance evicts
/// what it changed (<see cref="PublicStatusInvalidator"/>); changes made elsewhere show after at most the lifetime.
/// </summary>
public sealed class PublicStatusCache(IOptions<PublicStatusOptions> options) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 200_000 });
    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(options.Value.CacheSeconds);
    private CancellationTokenSource _generation = new();

    /// <summary>The cached facts of a normalised code, or those <paramref name="load"/> reads.</summary>
    public async ValueTask<PublicDossierFacts?> GetOrLoadAsync(string code, Func<string, CancellationToken, Task<PublicDossierFacts?>> load, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (_cache.TryGetValue(code, out PublicDossierFacts? cached))
        {
            return cached;
        }

        // The generation is read before the load: an eviction of all during the load drops what it read.
        var generation = _generation;
        var facts = await load(code, cancellationToken);
        if (_lifetime > TimeSpan.Zero && !generation.IsCancellationRequested)
        {
            using var entry = _cache.CreateEntry(code);
            entry.Value = facts;
            entry.Size = 1;
            entry.AbsoluteExpirationRelativeToNow = _lifetime;
            entry.AddExpirationToken(new CancellationChangeToken(generation.Token));
        }

        return facts;
    }

    /// <summary>Forgets a code (any case).</summary>
    public void Evict(string code)
    {
        if (PublicCode.Normalize(code) is { } normal)
        {
            _cache.Remove(normal);
        }
    }

    /// <summary>Forgets every code: an agency's contact or hours changed.</summary>
    public void EvictAll()
    {
        var old = Interlocked.Exchange(ref _generation, new CancellationTokenSource());
        old.Cancel();
        old.Dispose();
    }

    public void Dispose()
    {
        _cache.Dispose();
        _generation.Dispose();
    }
}

/// <summary>
/// Evicts the public status of every dossier a save adds or changes, once the change is committed: at once after
/// a save without a transaction, at the commit of an explicit one. An agency change evicts everything.
/// </summary>
public sealed class PublicStatusInvalidator(PublicStatusCache cache) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<string>> _pending = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData)
    {
        Flush(eventData.Context);
        base.TransactionCommitted(transaction, eventData);
    }

    public override Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context);
        return base.TransactionCommittedAsync(transaction, eventData, cancellationToken);
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var codes = _pending.GetOrCreateValue(context);
        lock (codes)
        {
            foreach (var entry in context.ChangeTracker.Entries())
            {
                if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                {
                    switch (entry.Entity)
                    {
                        case Dossier dossier:
                            codes.Add(dossier.Code);
                            break;
                        case Agency:
                            codes.Add("*");
                            break;
                    }
                }
            }
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            Flush(context);
        }
    }

    private void Flush(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var codes))
        {
            return;
        }

        string[] taken;
        lock (codes)
        {
            taken = [.. codes];
            codes.Clear();
        }

        foreach (var code in taken)
        {
            if (code == "*")
            {
                cache.EvictAll();
            }
            else
            {
                cache.Evict(code);
            }
        }
    }
}
