using ContainerFactory.Agent.Commands;

namespace ContainerFactory.Agent.Hosting;

/// <summary>
/// The replies of recent commands by correlation id (PRODUCT.md §2.5): a redelivered command (QoS 1 duplicate, cloud
/// retry) is not executed again but gets the first reply; a duplicate arriving while the first is still running
/// waits for it. Bounded in size and age.
/// </summary>
public sealed class ReplyCache(TimeProvider clock, int capacity = 1024, TimeSpan? maxAge = null)
{
    private readonly TimeSpan _maxAge = maxAge ?? TimeSpan.FromMinutes(30);
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _gate = new();

    /// <summary>
    /// Returns the existing entry for <paramref name="correlationId"/> (first: false) or registers a new one that the
    /// caller must complete with <see cref="Complete"/> (first: true).
    /// </summary>
    public (bool First, Task<OutboundMessage?> Reply) Begin(string correlationId)
    {
        lock (_gate)
        {
            Evict();
            if (_entries.TryGetValue(correlationId, out Entry? existing))
            {
                return (false, existing.Reply.Task);
            }

            var entry = new Entry(new TaskCompletionSource<OutboundMessage?>(TaskCreationOptions.RunContinuationsAsynchronously), clock.GetUtcNow());
            _entries[correlationId] = entry;
            _order.Enqueue(correlationId);
            return (true, entry.Reply.Task);
        }
    }

    /// <summary>Records the reply of the command begun with <paramref name="correlationId"/>.</summary>
    public void Complete(string correlationId, OutboundMessage? reply)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(correlationId, out Entry? entry))
            {
                entry.Reply.TrySetResult(reply);
            }
        }
    }

    /// <summary>Forgets a command that did not finish (so that its redelivery runs it again).</summary>
    public void Abandon(string correlationId)
    {
        lock (_gate)
        {
            if (_entries.Remove(correlationId, out Entry? entry))
            {
                entry.Reply.TrySetCanceled();
            }
        }
    }

    private void Evict()
    {
        DateTimeOffset now = clock.GetUtcNow();
        while (_order.TryPeek(out string? oldest))
        {
            if (!_entries.TryGetValue(oldest, out Entry? entry))
            {
                _order.Dequeue();
                continue;
            }

            bool expired = now - entry.Created > _maxAge;
            if ((_order.Count <= capacity && !expired) || !entry.Reply.Task.IsCompleted)
            {
                // A command still running is never forgotten: its duplicates must keep waiting for it.
                return;
            }

            _order.Dequeue();
            _entries.Remove(oldest);
        }
    }

    private sealed record Entry(TaskCompletionSource<OutboundMessage?> Reply, DateTimeOffset Created);
}
