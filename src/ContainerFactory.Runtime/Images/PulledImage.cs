namespace ContainerFactory.Runtime.Images;

/// <summary>The outcome of a successful pull: the image record and what it took.</summary>
/// <param name="Name">The image record's name: the normalized reference, e.g. <c>docker.io/library/alpine:latest</c>.</param>
/// <param name="Target">The record's target: the index or manifest the reference resolved to.</param>
/// <param name="Manifest">The manifest chosen for the platform (equals <paramref name="Target"/> for a single-platform image).</param>
/// <param name="Config">The image config blob.</param>
/// <param name="Layers">Layer blobs, base layer first.</param>
public sealed record PulledImage(string Name, Descriptor Target, Descriptor Manifest, Descriptor Config, IReadOnlyList<Descriptor> Layers)
{
    /// <summary>Bytes of the image's blobs: index (if any), manifest, config and layers.</summary>
    public long Size { get; init; }

    /// <summary>Bytes downloaded from the registry by this pull (0 when everything was present or shared).</summary>
    public long BytesFetched { get; init; }

    /// <summary>Blobs downloaded from the registry by this pull.</summary>
    public int BlobsFetched { get; init; }

    /// <summary>Layers unpacked by this pull (0 when their snapshots existed or unpacking was off).</summary>
    public int LayersUnpacked { get; init; }

    /// <summary>The top layer's chain id (the parent of container snapshots); null when not unpacked.</summary>
    public string? TopChainId { get; init; }
}
