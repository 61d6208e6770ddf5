using System.Buffers;

namespace ContainerFactory.Runtime.Logs;

/// <summary>One buffered entry; <see cref="Buffer"/> is rented from <see cref="ArrayPool{T}.Shared"/>.</summary>
internal readonly record struct BufferedEntry(LogStream Stream, byte[] Buffer, int Length, DateTime Time);

/// <summary>
/// The non-blocking mode's buffer between the pipe readers and the file writer: holds at most
/// <c>capacity</c> bytes of entry content (kanto <c>maxBufferSize</c>); adding to a full buffer drops the oldest
/// entries until the new one fits (an entry larger than the whole capacity is kept alone). Adding never waits.
/// Thread-safe.
/// </summary>
internal sealed class LogRingBuffer(long capacity)
{
    private readonly Queue<BufferedEntry> _entries = new();
    private readonly object _gate = new();
    private long _bytes;
    private bool _completed;

    /// <summary>Entries dropped so far.</summary>
    public long DroppedEntries { get; private set; }

    /// <summary>Content bytes dropped so far.</summary>
    public long DroppedBytes { get; private set; }

    /// <summary>Content bytes held now.</summary>
    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    /// <summary>Copies <paramref name="content"/> in; returns how many older entries it pushed out (0 when there was room).</summary>
    public int Add(LogStream stream, ReadOnlySpan<byte> content, DateTime time)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Max(content.Length, 1));
        content.CopyTo(buffer);
        int dropped = 0;
        lock (_gate)
        {
            while (_entries.Count > 0 && _bytes + content.Length > capacity)
            {
                BufferedEntry oldest = _entries.Dequeue();
                _bytes -= oldest.Length;
                DroppedEntries++;
                DroppedBytes += oldest.Length;
                ArrayPool<byte>.Shared.Return(oldest.Buffer);
                dropped++;
            }

            _entries.Enqueue(new BufferedEntry(stream, buffer, content.Length, time));
            _bytes += content.Length;
            Monitor.Pulse(_gate);
        }

        return dropped;
    }

    /// <summary>
    /// Moves every held entry into <paramref name="batch"/>, waiting while the buffer is empty and not completed.
    /// False once <see cref="Complete"/> was called and nothing is left. The caller returns the buffers with <see cref="Release"/>.
    /// </summary>
    public bool TakeAll(List<BufferedEntry> batch)
    {
        lock (_gate)
        {
            while (_entries.Count == 0 && !_completed)
            {
                Monitor.Wait(_gate);
            }

            if (_entries.Count == 0)
            {
                return false;
            }

            batch.AddRange(_entries);
            _entries.Clear();
            _bytes = 0;
            return true;
        }
    }

    /// <summary>Wakes the taker; after the remaining entries are taken, <see cref="TakeAll"/> returns false.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Returns the entries' buffers to the pool and clears the batch.</summary>
    public static void Release(List<BufferedEntry> batch)
    {
        foreach (BufferedEntry entry in batch)
        {
            ArrayPool<byte>.Shared.Return(entry.Buffer);
        }

        batch.Clear();
    }
}
