namespace ContainerFactory.Runtime.Containerd;

/// <summary>
/// One open Content/Write stream. After opening, <see cref="Offset"/> tells how much the server already has:
/// resume from there, or commit at once when it equals the total and <see cref="Digest"/> the expected digest
/// (content shared from another namespace). Disposing without commit leaves the ingest resumable.
/// </summary>
public interface IContentWriter : IAsyncDisposable
{
    /// <summary>Bytes the server holds for this ingest.</summary>
    long Offset { get; }

    /// <summary>Digest of the bytes the server holds (the empty-string SHA-256 for a fresh ingest).</summary>
    string Digest { get; }

    /// <summary>Appends data at <see cref="Offset"/> in messages of at most 1 MiB; advances <see cref="Offset"/>.</summary>
    Task<RuntimeResult> WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default);

    /// <summary>Commits the blob with labels; the server checks size and digest. Reads the stream to its end.</summary>
    Task<RuntimeResult> CommitAsync(IReadOnlyDictionary<string, string>? labels = null, CancellationToken cancellationToken = default);
}
