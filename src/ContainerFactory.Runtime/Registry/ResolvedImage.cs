using ContainerFactory.Runtime.Images;

namespace ContainerFactory.Runtime.Registry;

/// <summary>A reference resolved down to the manifest for one platform, with the exact bytes fetched (all verified).</summary>
/// <param name="Root">What the reference points at: an index or a manifest. The image record's target.</param>
/// <param name="IndexBytes">The index document when <paramref name="Root"/> is an index; null otherwise.</param>
/// <param name="ManifestDescriptor">The chosen manifest (equal to <paramref name="Root"/> for a single-platform image).</param>
/// <param name="ManifestBytes">The manifest document.</param>
/// <param name="Manifest">The parsed manifest: config and layers.</param>
public sealed record ResolvedImage(
    Descriptor Root, byte[]? IndexBytes, Descriptor ManifestDescriptor, byte[] ManifestBytes, ImageManifest Manifest)
{
    /// <summary>The index's entries (every platform); empty for a single-platform image.</summary>
    public IReadOnlyList<Descriptor> IndexEntries { get; init; } = [];
}
