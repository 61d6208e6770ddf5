namespace ContainerFactory.Runtime.Images;

/// <summary>
/// One progress report of a pull. Byte counts cover every blob of the image (index, manifest, config, layers);
/// blobs that need no download count as done at once. <see cref="BytesTotal"/> grows until the manifest is read.
/// </summary>
/// <param name="Stage">What happened.</param>
/// <param name="BytesDone">Bytes of the image's blobs that are in the namespace, or arrived, so far.</param>
/// <param name="BytesTotal">Bytes of the image's blobs known so far.</param>
public sealed record PullProgress(PullStage Stage, long BytesDone, long BytesTotal)
{
    /// <summary>The blob concerned; null for none.</summary>
    public Descriptor? Blob { get; init; }

    /// <summary>The layer's chain id for <see cref="PullStage.Unpacked"/> and <see cref="PullStage.AlreadyUnpacked"/>; null otherwise.</summary>
    public string? ChainId { get; init; }
}
