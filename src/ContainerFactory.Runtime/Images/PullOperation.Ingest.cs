using ContainerFactory.Runtime.Containerd;

namespace ContainerFactory.Runtime.Images;

/// <summary>The Content/Write protocol for one blob: present, shared, resumed or fresh; lock retries; commit.</summary>
internal sealed partial class PullOperation
{
    /// <summary>Largest index or manifest read back from containerd (containerd's resolver limit).</summary>
    private const int MaxDocumentBytes = 4 * 1048 * 1048;

    private static readonly TimeSpan FirstLockDelay = TimeSpan.FromMilliseconds(16);
    private static readonly TimeSpan MaxLockDelay = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Opens the blob's ingest and: ALREADY_EXISTS → present; offset = total with the expected digest → commit only
    /// (shared); otherwise <paramref name="fill"/> from the ingest's offset, then commit. A stale ingest that is full
    /// but wrong is aborted once and started over.
    /// </summary>
    private async Task<RuntimeResult<Ingested>> IngestAsync(Descriptor blob, IngestFill fill, CancellationToken cancellationToken)
    {
        var reference = PullIds.IngestRef(blob);
        _labels.Want(blob.Digest, _source);
        for (var attempt = 0; ; attempt++)
        {
            var opened = await OpenWriterAsync(blob, reference, cancellationToken).ConfigureAwait(false);
            if (!opened.TryGetValue(out var writer, out var error))
            {
                return error.Kind == RuntimeErrorKind.AlreadyExists ? Skipped(blob, Ingested.Present) : error;
            }

            _ingests.TryAdd(reference, 0);
            bool stale;
            await using (writer.ConfigureAwait(false))
            {
                var complete = writer.Offset == blob.Size && writer.Digest == blob.Digest;
                stale = !complete && writer.Offset >= blob.Size;
                if (complete)
                {
                    return await CommitAsync(writer, blob, reference, _source, Ingested.Shared, cancellationToken).ConfigureAwait(false);
                }

                if (!stale || attempt > 0)
                {
                    tracker.Resumed(writer.Offset);
                    var labels = await fill(writer, cancellationToken).ConfigureAwait(false);
                    return labels.TryGetValue(out var commitLabels, out error)
                        ? await CommitAsync(writer, blob, reference, commitLabels, Ingested.Written, cancellationToken).ConfigureAwait(false)
                        : error;
                }
            }

            // Abort only after the writer is closed: the open stream holds the ingest's lock.
            await leased.Content.AbortAsync(reference, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Opens the writer, retrying while another writer holds the ref (UNAVAILABLE), 16 ms doubling to 2 s, bounded.</summary>
    private async Task<RuntimeResult<IContentWriter>> OpenWriterAsync(Descriptor blob, string reference, CancellationToken cancellationToken)
    {
        var delay = FirstLockDelay;
        var waited = TimeSpan.Zero;
        while (true)
        {
            var opened = await leased.Content.OpenWriterAsync(reference, blob.Size, blob.Digest, cancellationToken).ConfigureAwait(false);
            if (opened.IsSuccess || opened.Error!.Kind != RuntimeErrorKind.Unavailable || waited >= options.LockWaitLimit)
            {
                return opened;
            }

            PullLog.IngestLocked(logger, reference, delay.TotalMilliseconds);
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            waited += delay;
            delay = delay * 2 > MaxLockDelay ? MaxLockDelay : delay * 2;
        }
    }

    /// <summary>
    /// Commits with labels. ALREADY_EXISTS (another writer committed it first) counts as present; FAILED_PRECONDITION
    /// is containerd's size or digest check failing.
    /// </summary>
    private async Task<RuntimeResult<Ingested>> CommitAsync(
        IContentWriter writer, Descriptor blob, string reference, IReadOnlyDictionary<string, string> labels, Ingested how,
        CancellationToken cancellationToken)
    {
        var committed = await writer.CommitAsync(labels, cancellationToken).ConfigureAwait(false);
        if (committed.IsFailure(out var error) && error.Kind != RuntimeErrorKind.AlreadyExists)
        {
            return error.Kind == RuntimeErrorKind.FailedPrecondition
                ? new RuntimeError(RuntimeErrorKind.DigestMismatch, $"blob {blob.Digest} of image {image}: containerd refused the content: {error.Message}")
                : error;
        }

        _ingests.TryRemove(reference, out _);
        if (!committed.IsSuccess)
        {
            return Skipped(blob, Ingested.Present); // another writer committed it first
        }

        _labels.Committed(blob.Digest, labels);
        if (how == Ingested.Written)
        {
            tracker.Downloaded(blob);
        }
        else
        {
            tracker.Skipped(blob, PullStage.Shared);
        }

        return how;
    }

    private Ingested Skipped(Descriptor blob, Ingested how)
    {
        _labels.Present(blob.Digest);
        tracker.Skipped(blob, PullStage.Present);
        return how;
    }
}
