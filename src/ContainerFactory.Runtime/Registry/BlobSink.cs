namespace ContainerFactory.Runtime.Registry;

/// <summary>
/// Receives a blob's bytes in order as <see cref="RegistryClient"/> downloads them (e.g. a containerd ingest).
/// The chunk is only valid during the call. A failure ends the copy and becomes its result.
/// </summary>
/// <param name="chunk">The next bytes, never empty, at most 1 MiB.</param>
/// <param name="cancellationToken">The copy's cancellation.</param>
public delegate ValueTask<RuntimeResult> BlobSink(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken);
