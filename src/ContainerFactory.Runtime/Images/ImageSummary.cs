namespace ContainerFactory.Runtime.Images;

/// <summary>An image record of the namespace as <see cref="ImageCatalog"/> sees it for one platform.</summary>
/// <param name="Name">The record's name, e.g. <c>docker.io/library/alpine:latest</c>.</param>
/// <param name="Target">The record's target (index or manifest).</param>
/// <param name="Size">Bytes of the blobs the platform needs (index, manifest, config, layers) as far as they are known.</param>
/// <param name="Unpacked">True when the top layer's snapshot exists (what <c>ctr run</c> checks).</param>
public sealed record ImageSummary(string Name, Descriptor Target, long Size, bool Unpacked)
{
    /// <summary>False when a blob the platform needs is missing from the content store (the size is then partial).</summary>
    public bool Complete { get; init; } = true;

    /// <summary>When the record was created; null when containerd did not say.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>The image config (entrypoint, cmd, env, user, diff ids); null when its blob is missing.</summary>
    public ImageConfig? Config { get; init; }

    /// <summary>The chain id of the top layer, the parent of container snapshots; null when unknown.</summary>
    public string? TopChainId { get; init; }
}
