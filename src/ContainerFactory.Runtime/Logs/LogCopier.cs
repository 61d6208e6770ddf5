namespace ContainerFactory.Runtime.Logs;

/// <summary>
/// The log driver's engine: copies a container's stdout and stderr pipes into json-file lines (or discards them
/// for driver none). One dedicated thread per pipe reads concurrently; writes to the file are serialized by one
/// lock. Blocking mode writes on the reader threads and flushes after every pipe read; non-blocking mode puts
/// entries into a <see cref="LogRingBuffer"/> drained by a third thread. Problems go to
/// <see cref="LogDriverDiagnostics"/> (at most 20 lines). <see cref="Completion"/> finishes when both pipes reached
/// end of file and everything read was written.
/// </summary>
public sealed partial class LogCopier : IDisposable
{
    private const int ReadBufferSize = 64 * 1024;
    private const int MaxReports = 20;

    private readonly LogDriverOptions _options;
    private readonly string _directory;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly LogRingBuffer? _ring;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private JsonFileWriter? _writer;
    private Thread? _drainer;
    private int _openReaders = 2;
    private long _bytesRead;
    private long _entries;
    private int _reports;
    private int _dropNoticed;
    private int _disposed;

    private LogCopier(LogDriverOptions options, string directory, TimeProvider time, JsonFileWriter? writer)
    {
        _options = options;
        _directory = directory;
        _time = time;
        _writer = writer;
        _ring = writer is not null && options.Mode == LogDeliveryMode.NonBlocking ? new LogRingBuffer(options.MaxBufferSize) : null;
    }

    /// <summary>Finishes when both pipes reached end of file and every entry was written and flushed.</summary>
    public Task Completion => _completion.Task;

    /// <summary>The container's log folder, <c>&lt;rootDir&gt;/&lt;id&gt;</c>.</summary>
    public string Directory => _directory;

    /// <summary>A snapshot of the counters.</summary>
    public LogCopierStats Stats => new(
        Interlocked.Read(ref _bytesRead), Interlocked.Read(ref _entries), _ring?.DroppedEntries ?? 0, _ring?.DroppedBytes ?? 0);

    /// <summary>
    /// Opens <c>json.log</c> (json-file) and starts reading both pipes. The copier owns the pipes and closes each at
    /// its end of file. Fails, without starting anything, when the container id is not a plain file name
    /// (<see cref="RuntimeErrorKind.InvalidArgument"/>, json-file only) or the folder or file cannot be opened
    /// (<see cref="RuntimeErrorKind.Internal"/>).
    /// </summary>
    /// <param name="options">The driver options.</param>
    /// <param name="containerId">The container id (the shim's <c>CONTAINER_ID</c>); names the log folder.</param>
    /// <param name="stdout">The container's stdout pipe (fd 3).</param>
    /// <param name="stderr">The container's stderr pipe (fd 4).</param>
    /// <param name="time">The clock that stamps lines.</param>
    public static RuntimeResult<LogCopier> Start(LogDriverOptions options, string containerId, Stream stdout, Stream stderr, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(containerId);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(time);
        bool plainName = containerId.Length > 0 && containerId is not ("." or "..") && !containerId.AsSpan().ContainsAny('/', '\0');
        if (!plainName && options.Driver == LogDriverType.JsonFile)
        {
            return new RuntimeError(RuntimeErrorKind.InvalidArgument, $"container id '{containerId}' cannot name a log folder");
        }

        string directory = plainName ? options.DirectoryOf(containerId) : options.RootDir;
        JsonFileWriter? writer = null;
        if (options.Driver == LogDriverType.JsonFile)
        {
            if (!JsonFileWriter.Open(directory, options.MaxFiles, options.MaxSize).TryGetValue(out writer, out RuntimeError? error))
            {
                return error;
            }
        }

        var copier = new LogCopier(options, directory, time, writer);
        copier.StartThreads(stdout, stderr);
        return copier;
    }

    /// <summary>
    /// Writes what is buffered, <c>fsync</c>s and closes the file; lines read afterwards are ignored. Safe while the
    /// readers still run (after a drain timeout). Records a summary of dropped lines in driver.log. Idempotent.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_ring is not null)
        {
            _ring.Complete();
            _drainer?.Join(TimeSpan.FromSeconds(1));
        }

        lock (_gate)
        {
            var rest = new List<BufferedEntry>();
            if (_ring is not null && _ring.TakeAll(rest))
            {
                WriteBatch(rest);
                LogRingBuffer.Release(rest);
            }

            _writer?.Dispose();
            _writer = null;
        }

        if (_ring is { DroppedEntries: > 0 })
        {
            Report($"non-blocking mode dropped {_ring.DroppedEntries} log lines ({_ring.DroppedBytes} bytes) in total");
        }
    }
}
