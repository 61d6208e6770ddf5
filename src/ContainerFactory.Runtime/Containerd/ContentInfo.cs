namespace ContainerFactory.Runtime.Containerd;

/// <summary>A committed blob in containerd's content store.</summary>
/// <param name="Digest"><c>sha256:…</c>.</param>
/// <param name="Size">Bytes.</param>
/// <param name="Labels">The blob's labels (gc refs, distribution source, uncompressed digest); empty when none.</param>
public sealed record ContentInfo(string Digest, long Size, IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>When the blob was committed in this namespace; null when containerd did not say.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the blob's record (labels) last changed; null when containerd did not say.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
}
