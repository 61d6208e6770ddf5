using ContainerFactory.Runtime.Containerd;
using ContainerFactory.Runtime.Registry;

namespace ContainerFactory.Runtime.Images;

/// <summary>Getting blobs into the content store (notes §3.1).</summary>
internal sealed partial class PullOperation
{
    /// <summary>How a blob got into the namespace.</summary>
    private enum Ingested
    {
        /// <summary>It was there already (Write answered ALREADY_EXISTS).</summary>
        Present,

        /// <summary>containerd had the bytes (another namespace): committed without download.</summary>
        Shared,

        /// <summary>Downloaded and committed by this pull.</summary>
        Written,
    }

    /// <summary>Fills a fresh (or resumed) ingest; returns the labels to commit the blob with.</summary>
    private delegate Task<RuntimeResult<IReadOnlyDictionary<string, string>>> IngestFill(IContentWriter writer, CancellationToken cancellationToken);

    /// <summary>
    /// An index or manifest: its bytes come from the namespace when it is there (no registry request), else from the
    /// registry, verified. It is labelled with its children (gc refs) and the distribution source.
    /// </summary>
    private async Task<RuntimeResult<T>> FetchDocumentAsync<T>(
        Descriptor document, Func<byte[], RuntimeResult<T>> parse, Func<T, IReadOnlyDictionary<string, string>> children,
        CancellationToken cancellationToken)
    {
        T? fromRegistry = default;
        var ingested = await IngestAsync(document, async (writer, token) =>
        {
            var fetched = await registry.FetchManifestAsync(image, document, token).ConfigureAwait(false);
            if (!fetched.TryGetValue(out var bytes, out var error) || !parse(bytes).TryGetValue(out fromRegistry, out error))
            {
                return error;
            }

            var rest = bytes.AsMemory((int)Math.Min(writer.Offset, bytes.Length));
            var written = await writer.WriteAsync(rest, token).ConfigureAwait(false);
            tracker.Received(document, rest.Length);
            return written.IsFailure(out error) ? error : RuntimeResult<IReadOnlyDictionary<string, string>>.Ok(With(_source, children(fromRegistry)));
        }, cancellationToken).ConfigureAwait(false);
        if (!ingested.TryGetValue(out var how, out var ingestError))
        {
            return ingestError;
        }

        if (how == Ingested.Written)
        {
            return fromRegistry!;
        }

        var stored = await leased.Content.ReadAllBytesAsync(document.Digest, MaxDocumentBytes, cancellationToken).ConfigureAwait(false);
        if (!stored.TryGetValue(out var storedBytes, out var readError) || !parse(storedBytes).TryGetValue(out var parsed, out readError))
        {
            return readError;
        }

        _labels.Want(document.Digest, children(parsed));
        return parsed;
    }

    /// <summary>Config and layers, at most <see cref="PullOptions.MaxConcurrentDownloads"/> at a time; the first failure stops the rest.</summary>
    private async Task<RuntimeResult> FetchBlobsAsync(IReadOnlyList<Descriptor> blobs, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var gate = new SemaphoreSlim(options.MaxConcurrentDownloads);
        var failures = new List<RuntimeError>();
        async Task FetchOneAsync(Descriptor blob)
        {
            await gate.WaitAsync(stop.Token).ConfigureAwait(false);
            try
            {
                var fetched = await FetchBlobAsync(blob, stop.Token).ConfigureAwait(false);
                if (fetched.IsFailure(out var error))
                {
                    lock (failures)
                    {
                        failures.Add(error);
                    }

                    await stop.CancelAsync().ConfigureAwait(false);
                }
            }
            finally
            {
                gate.Release();
            }
        }

        try
        {
            await Task.WhenAll(blobs.DistinctBy(b => b.Digest).Select(FetchOneAsync)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && failures.Count > 0)
        {
            // The others were stopped because of the failure reported below.
        }

        cancellationToken.ThrowIfCancellationRequested();
        return failures.Count == 0 ? RuntimeResult.Ok : failures[0];
    }

    /// <summary>A config or layer, streamed from the registry into the ingest (resumed at the ingest's offset).</summary>
    private async Task<RuntimeResult> FetchBlobAsync(Descriptor blob, CancellationToken cancellationToken)
    {
        var ingested = await IngestAsync(blob, async (writer, token) =>
        {
            var copied = await registry.CopyBlobAsync(image, blob, async (chunk, t) =>
            {
                var written = await writer.WriteAsync(chunk, t).ConfigureAwait(false);
                if (written.IsSuccess)
                {
                    tracker.Received(blob, chunk.Length);
                }

                return written;
            }, writer.Offset, token).ConfigureAwait(false);
            return copied.IsSuccess ? RuntimeResult<IReadOnlyDictionary<string, string>>.Ok(_source) : copied.Error!;
        }, cancellationToken).ConfigureAwait(false);
        return ingested.WithoutValue();
    }

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> first, IReadOnlyDictionary<string, string> second)
    {
        var all = new Dictionary<string, string>(first, StringComparer.Ordinal);
        foreach (var (key, value) in second)
        {
            all[key] = value;
        }

        return all;
    }
}
