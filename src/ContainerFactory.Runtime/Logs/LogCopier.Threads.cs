namespace ContainerFactory.Runtime.Logs;

public sealed partial class LogCopier
{
    private void StartThreads(Stream stdout, Stream stderr)
    {
        if (_ring is not null)
        {
            _drainer = new Thread(Drain) { IsBackground = true, Name = "log-writer" };
            _drainer.Start();
        }

        // Background threads: a read that never returns (a write end still open after the drain timeout)
        // must not keep the process alive.
        new Thread(() => Read(stdout, LogStream.Stdout)) { IsBackground = true, Name = "log-stdout" }.Start();
        new Thread(() => Read(stderr, LogStream.Stderr)) { IsBackground = true, Name = "log-stderr" }.Start();
    }

    private void Read(Stream pipe, LogStream stream)
    {
        var splitter = new LogLineSplitter();
        LogEntryHandler accept = entry => Accept(stream, entry);
        byte[] buffer = new byte[ReadBufferSize];
        try
        {
            int n;
            while ((n = pipe.Read(buffer)) > 0)
            {
                Interlocked.Add(ref _bytesRead, n);
                if (_options.Driver == LogDriverType.JsonFile)
                {
                    splitter.Split(buffer.AsSpan(0, n), accept);
                    FlushAfterRead();
                }
            }

            splitter.Finish(accept);
            FlushAfterRead();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            Report($"reading {(stream == LogStream.Stdout ? "stdout" : "stderr")}: {e.Message}");
        }
        finally
        {
            pipe.Dispose();
            ReaderDone();
        }
    }

    private void Accept(LogStream stream, ReadOnlySpan<byte> entry)
    {
        DateTime now = _time.GetUtcNow().UtcDateTime;
        Interlocked.Increment(ref _entries);
        if (_ring is not null)
        {
            if (_ring.Add(stream, entry, now) > 0 && Interlocked.Exchange(ref _dropNoticed, 1) == 0)
            {
                Report($"non-blocking buffer of {_options.MaxBufferSize} bytes is full: dropping the oldest log lines");
            }

            return;
        }

        lock (_gate)
        {
            if (_writer is not null)
            {
                Report(_writer.Append(stream, entry, now));
            }
        }
    }

    private void FlushAfterRead()
    {
        if (_ring is null)
        {
            lock (_gate)
            {
                Report(_writer?.Flush() ?? RuntimeResult.Ok);
            }
        }
    }

    private void ReaderDone()
    {
        if (Interlocked.Decrement(ref _openReaders) != 0)
        {
            return;
        }

        if (_ring is not null)
        {
            _ring.Complete();
            return;
        }

        _completion.TrySetResult();
    }

    /// <summary>Non-blocking mode's writer thread: batches from the ring buffer into the file.</summary>
    private void Drain()
    {
        var batch = new List<BufferedEntry>();
        while (_ring!.TakeAll(batch))
        {
            lock (_gate)
            {
                WriteBatch(batch);
            }

            LogRingBuffer.Release(batch);
        }

        _completion.TrySetResult();
    }

    /// <summary>Writes and flushes a batch; the caller holds <see cref="_gate"/>.</summary>
    private void WriteBatch(List<BufferedEntry> batch)
    {
        if (_writer is null)
        {
            return;
        }

        foreach (BufferedEntry entry in batch)
        {
            Report(_writer.Append(entry.Stream, entry.Buffer.AsSpan(0, entry.Length), entry.Time));
        }

        Report(_writer.Flush());
    }

    private void Report(RuntimeResult result)
    {
        if (result.IsFailure(out RuntimeError? error))
        {
            Report(error.Message);
        }
    }

    private void Report(string message)
    {
        int count = Interlocked.Increment(ref _reports);
        if (count <= MaxReports)
        {
            string suffix = count == MaxReports ? " (further problems are not reported)" : "";
            _ = LogDriverDiagnostics.TryAppend(_directory, message + suffix, _time.GetUtcNow().UtcDateTime);
        }
    }
}
