using ContainerFactory.Runtime.Images;

namespace ContainerFactory.Runtime.Registry;

/// <summary>Resolving a reference down to one platform's manifest.</summary>
public sealed partial class RegistryClient
{
    /// <summary>
    /// Resolves the reference, and for an index fetches it and picks the manifest for <paramref name="platform"/>
    /// (<see cref="PlatformMatcher"/>); then fetches and parses that manifest. Manifests of other platforms are not
    /// fetched. <see cref="RuntimeErrorKind.NotFound"/> when the image or a manifest for the platform does not exist.
    /// </summary>
    public async Task<RuntimeResult<ResolvedImage>> ResolveManifestAsync(
        ImageReference image, Platform platform, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(platform);
        var resolved = await ResolveAsync(image, cancellationToken).ConfigureAwait(false);
        if (!resolved.TryGetValue(out var root, out var error))
        {
            return error;
        }

        byte[]? indexBytes = null;
        IReadOnlyList<Descriptor> entries = [];
        var chosen = root;
        if (MediaTypes.IsIndex(root.MediaType))
        {
            var fetched = await FetchManifestAsync(image, root, cancellationToken).ConfigureAwait(false);
            if (!fetched.TryGetValue(out indexBytes, out error))
            {
                return error;
            }

            var index = ManifestParser.ParseIndex(indexBytes, $"index {root.Digest} of image {image}");
            if (!index.TryGetValue(out var parsedIndex, out error))
            {
                return error;
            }

            entries = parsedIndex.Manifests;
            var selected = PlatformMatcher.Select(entries, platform);
            if (selected is null || !MediaTypes.IsManifest(selected.MediaType))
            {
                return new RuntimeError(RuntimeErrorKind.NotFound, $"image {image} has no manifest for platform {platform}");
            }

            chosen = selected;
        }

        var manifestBytes = await FetchManifestAsync(image, chosen, cancellationToken).ConfigureAwait(false);
        if (!manifestBytes.TryGetValue(out var bytes, out error))
        {
            return error;
        }

        var manifest = ManifestParser.ParseManifest(bytes, $"manifest {chosen.Digest} of image {image}");
        return manifest.TryGetValue(out var parsed, out error)
            ? new ResolvedImage(root, indexBytes, chosen, bytes, parsed) { IndexEntries = entries }
            : error;
    }
}
