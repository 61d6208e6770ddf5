namespace ContainerFactory.Runtime.Images;

/// <summary>Counts a pull's bytes and events and forwards them to the caller's <see cref="IProgress{T}"/>. Thread-safe.</summary>
internal sealed class PullTracker(IProgress<PullProgress>? progress)
{
    private long _done;
    private long _total;
    private long _fetched;
    private int _blobsFetched;
    private int _layersUnpacked;

    public long BytesFetched => Interlocked.Read(ref _fetched);

    public int BlobsFetched => Volatile.Read(ref _blobsFetched);

    public int LayersUnpacked => Volatile.Read(ref _layersUnpacked);

    /// <summary>Adds blobs to the total (once the manifest names them).</summary>
    public void Expect(long bytes) => Interlocked.Add(ref _total, bytes);

    public void Resolved(Descriptor root)
    {
        Expect(root.Size);
        Report(PullStage.Resolved, root);
    }

    /// <summary>A blob needed no download (<see cref="PullStage.Present"/> or <see cref="PullStage.Shared"/>).</summary>
    public void Skipped(Descriptor blob, PullStage stage)
    {
        Interlocked.Add(ref _done, blob.Size);
        Report(stage, blob);
    }

    /// <summary>Part of a blob was already ingested by an earlier, interrupted pull.</summary>
    public void Resumed(long bytes) => Interlocked.Add(ref _done, bytes);

    public void Received(Descriptor blob, long bytes)
    {
        Interlocked.Add(ref _done, bytes);
        Interlocked.Add(ref _fetched, bytes);
        Report(PullStage.Downloading, blob);
    }

    public void Downloaded(Descriptor blob)
    {
        Interlocked.Increment(ref _blobsFetched);
        Report(PullStage.Downloaded, blob);
    }

    public void Unpacked(Descriptor layer, string chainId, bool applied)
    {
        if (applied)
        {
            Interlocked.Increment(ref _layersUnpacked);
        }

        progress?.Report(new PullProgress(applied ? PullStage.Unpacked : PullStage.AlreadyUnpacked, Interlocked.Read(ref _done), Interlocked.Read(ref _total))
        {
            Blob = layer,
            ChainId = chainId,
        });
    }

    private void Report(PullStage stage, Descriptor blob) =>
        progress?.Report(new PullProgress(stage, Interlocked.Read(ref _done), Interlocked.Read(ref _total)) { Blob = blob });
}
