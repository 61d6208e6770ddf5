namespace ContainerFactory.IntegrationTests.Agent;

/// <summary>
/// An append-only, thread-safe record of things observed (MQTT messages, log lines) that tests wait on with a deadline.
/// A waiter wakes on every addition; no polling.
/// </summary>
internal sealed class Recorded<T>
{
    private readonly List<T> _items = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = NewSignal();

    public void Add(T item)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _items.Add(item);
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
    }

    public IReadOnlyList<T> Snapshot()
    {
        lock (_gate)
        {
            return [.. _items];
        }
    }

    /// <summary>
    /// Waits until at least <paramref name="count"/> items match and returns every match in arrival order; throws a
    /// <see cref="TimeoutException"/> naming <paramref name="what"/> (and what was seen) after <paramref name="timeout"/>.
    /// </summary>
    public async Task<IReadOnlyList<T>> WaitForAsync(Func<T, bool> match, int count, TimeSpan timeout, string what, Func<string>? seen = null)
    {
        DateTimeOffset deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            Task changed;
            List<T> found;
            lock (_gate)
            {
                changed = _changed.Task;
                found = [.. _items.Where(match)];
            }

            if (found.Count >= count)
            {
                return found;
            }

            TimeSpan left = deadline - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException(
                    $"{what}: {found.Count} of {count} seen within {timeout.TotalSeconds:0.#} s{(seen is null ? "" : $"; seen:\n{seen()}")}");
            }

            await Task.WhenAny(changed, Task.Delay(left));
        }
    }

    /// <summary>Waits for the first item matching <paramref name="match"/>.</summary>
    public async Task<T> WaitForFirstAsync(Func<T, bool> match, TimeSpan timeout, string what, Func<string>? seen = null) =>
        (await WaitForAsync(match, 1, timeout, what, seen))[0];

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
