using System.Collections.Concurrent;
using OneStop.Persistence;

namespace OneStop.Api.Dossiers;

/// <summary>
/// Draws for registrations of this instance that want the same counters at the same moment are made together: the
/// first runs the statement for itself; those arriving meanwhile queue, and when it is done the first of the queue
/// runs one statement for the whole queue (<c>Value = Value + n</c>) and hands each member its own numbers of the
/// range. A busy agency's counter rows then see one statement per instance at a time instead of one per clerk,
/// and numbers stay distinct and consecutive. Used only where numbers are drawn apart from the registration's
/// transaction (server databases): a number drawn for a registration that then fails is a gap, as with a draw of
/// its own.
/// </summary>
public sealed class CounterGroups
{
    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.Ordinal);

    /// <summary>Draws one number from each of <paramref name="keys"/> (in that order) through <paramref name="db"/> or a waiting registration's statement.</summary>
    public async Task<long[]> DrawAsync(OneStopDbContext db, string[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var key = string.Join('\n', keys);
        var lane = _lanes.GetOrAdd(key, _ => new Lane());
        Member? me = null;
        lock (lane)
        {
            if (lane.Busy)
            {
                me = new Member();
                lane.Queue.Add(me);
            }
            else
            {
                lane.Busy = true;
            }
        }

        List<Member> group;
        if (me is null)
        {
            group = [new Member()];
            me = group[0];
        }
        else
        {
            var handed = await me.Turn.Task;
            if (handed is null)
            {
                return await me.Numbers.Task;
            }

            group = handed;
        }

        try
        {
            // Not cancelled with the leading request: the statement draws for the others too.
            var last = await SequenceCounters.DrawAsync(db, keys, group.Count, CancellationToken.None);
            for (var i = 0; i < group.Count; i++)
            {
                var offset = group.Count - 1 - i;
                group[i].Numbers.TrySetResult(last.Select(v => v - offset).ToArray());
            }
        }
        catch (Exception e)
        {
            foreach (var member in group)
            {
                member.Numbers.TrySetException(e);
            }
        }
        finally
        {
            HandOver(key, lane);
        }

        foreach (var member in group.Where(m => m != me))
        {
            member.Turn.TrySetResult(null);
        }

        return await me.Numbers.Task;
    }

    // The first of the queue draws for the whole queue; an empty queue frees the lane, and drops it (a request
    // that took it meanwhile just leads on it: two statements at once are still correct).
    private void HandOver(string key, Lane lane)
    {
        List<Member> next;
        lock (lane)
        {
            if (lane.Queue.Count == 0)
            {
                lane.Busy = false;
                _lanes.TryRemove(new KeyValuePair<string, Lane>(key, lane));
                return;
            }

            next = lane.Queue;
            lane.Queue = [];
        }

        next[0].Turn.TrySetResult(next);
    }

    private sealed class Lane
    {
        public bool Busy { get; set; }

        public List<Member> Queue { get; set; } = [];
    }

    private sealed class Member
    {
        /// <summary>Null: the member's numbers come in <see cref="Numbers"/>; a list: the member draws for it.</summary>
        public TaskCompletionSource<List<Member>?> Turn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<long[]> Numbers { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
