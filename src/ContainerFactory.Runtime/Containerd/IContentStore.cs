namespace ContainerFactory.Runtime.Containerd;

/// <summary>containerd's content store (Content service) for the current namespace and lease.</summary>
public interface IContentStore
{
    /// <summary>Info of a committed blob; <see cref="RuntimeErrorKind.NotFound"/> when it is not in the namespace.</summary>
    Task<RuntimeResult<ContentInfo>> InfoAsync(string digest, CancellationToken cancellationToken = default);

    /// <summary>Sets (or, with an empty value, removes) the given labels only; other labels stay as they are.</summary>
    Task<RuntimeResult<ContentInfo>> UpdateLabelsAsync(string digest, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken = default);

    /// <summary>Streams a blob (from <paramref name="offset"/> to its end) into <paramref name="destination"/>; returns the bytes copied.</summary>
    Task<RuntimeResult<long>> ReadAsync(string digest, long offset, Stream destination, CancellationToken cancellationToken = default);

    /// <summary>Reads a whole small blob (manifest, config); <see cref="RuntimeErrorKind.InvalidArgument"/> when it exceeds <paramref name="maxBytes"/>.</summary>
    Task<RuntimeResult<byte[]>> ReadAllBytesAsync(string digest, int maxBytes, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens an ingest (Content/Write) keyed by <paramref name="reference"/>. <see cref="RuntimeErrorKind.AlreadyExists"/>
    /// means the blob is already committed in this namespace: treat it as done. Dispose the writer in every case.
    /// </summary>
    /// <param name="reference">Unique ingest key, e.g. <c>layer-sha256:…</c>.</param>
    /// <param name="total">The blob's size.</param>
    /// <param name="expected">The blob's digest; the server verifies it on commit.</param>
    /// <param name="cancellationToken">Cancels the call (throws <see cref="OperationCanceledException"/>).</param>
    Task<RuntimeResult<IContentWriter>> OpenWriterAsync(string reference, long total, string expected, CancellationToken cancellationToken = default);

    /// <summary>Deletes a blob from the namespace.</summary>
    Task<RuntimeResult> DeleteAsync(string digest, CancellationToken cancellationToken = default);

    /// <summary>Drops an unfinished ingest.</summary>
    Task<RuntimeResult> AbortAsync(string reference, CancellationToken cancellationToken = default);
}
