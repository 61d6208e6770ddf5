using System.Collections.Concurrent;
using ContainerFactory.Runtime.Containerd;
using ContainerFactory.Runtime.Registry;
using Microsoft.Extensions.Logging;

namespace ContainerFactory.Runtime.Images;

/// <summary>
/// One pull under one lease (<see cref="ImagePuller"/>): its steps and what it must undo when it fails. Every
/// containerd call goes through the leased view.
/// </summary>
internal sealed partial class PullOperation(
    ContainerdClient leased, RegistryClient registry, ImageReference image, PullOptions options,
    PullTracker tracker, ILogger logger, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, byte> _ingests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _extractKeys = new(StringComparer.Ordinal);
    private readonly PendingLabels _labels = new();
    private readonly IReadOnlyDictionary<string, string> _source = new Dictionary<string, string>
    {
        [ImageLabels.DistributionSourceKey(image.Registry)] = image.Repository,
    };

    private string? _createdRecord;

    /// <summary>resolve → index and manifest → config and layers → image record → unpack → labels.</summary>
    public async Task<RuntimeResult<PulledImage>> RunAsync(CancellationToken cancellationToken)
    {
        var resolved = await registry.ResolveAsync(image, cancellationToken).ConfigureAwait(false);
        if (!resolved.TryGetValue(out var root, out var error))
        {
            return error;
        }

        tracker.Resolved(root);
        var chosen = await FetchManifestAsync(root, cancellationToken).ConfigureAwait(false);
        if (!chosen.TryGetValue(out var found, out error))
        {
            return error;
        }

        var (manifestDescriptor, manifest) = found;
        var fetched = await FetchBlobsAsync([manifest.Config, .. manifest.Layers], cancellationToken).ConfigureAwait(false);
        if (fetched.IsFailure(out error))
        {
            return error;
        }

        var recorded = await CreateImageRecordAsync(root, cancellationToken).ConfigureAwait(false);
        if (recorded.IsFailure(out error))
        {
            return error;
        }

        string? topChain = null;
        if (options.Unpack)
        {
            var unpacked = await UnpackAsync(manifest, cancellationToken).ConfigureAwait(false);
            if (!unpacked.TryGetValue(out topChain, out error))
            {
                return error;
            }
        }

        var labelled = await _labels.ApplyAsync(leased.Content, cancellationToken).ConfigureAwait(false);
        return labelled.IsFailure(out error) ? error : Result(root, manifestDescriptor, manifest, topChain);
    }

    /// <summary>The manifest for the platform: through the index when the root is one (every entry labelled m.&lt;i&gt;).</summary>
    private async Task<RuntimeResult<(Descriptor Descriptor, ImageManifest Manifest)>> FetchManifestAsync(
        Descriptor root, CancellationToken cancellationToken)
    {
        var chosen = root;
        if (MediaTypes.IsIndex(root.MediaType))
        {
            var index = await FetchDocumentAsync(root, ParseIndex, ImageLabels.IndexChildren, cancellationToken).ConfigureAwait(false);
            if (!index.TryGetValue(out var parsed, out var error))
            {
                return error;
            }

            var selected = PlatformMatcher.Select(parsed.Manifests, options.Platform);
            if (selected is null || !MediaTypes.IsManifest(selected.MediaType))
            {
                return new RuntimeError(RuntimeErrorKind.NotFound, $"image {image} has no manifest for platform {options.Platform}");
            }

            chosen = selected with { Platform = null };
            tracker.Expect(chosen.Size);
        }

        var manifest = await FetchDocumentAsync(chosen, ParseManifest, ImageLabels.ManifestChildren, cancellationToken).ConfigureAwait(false);
        if (!manifest.TryGetValue(out var value, out var manifestError))
        {
            return manifestError;
        }

        tracker.Expect(value.Config.Size + DistinctLayers(value).Sum(l => l.Size));
        return (chosen, value);
    }

    /// <summary>Creates the image record; when the name exists, replaces its target (ctr: Create, then Update).</summary>
    private async Task<RuntimeResult> CreateImageRecordAsync(Descriptor root, CancellationToken cancellationToken)
    {
        var record = new ImageRecord(image.ToString(), root with { Platform = null });
        var created = await leased.Images.CreateAsync(record, cancellationToken).ConfigureAwait(false);
        if (created.IsSuccess)
        {
            _createdRecord = record.Name;
            return RuntimeResult.Ok;
        }

        return created.Error!.Kind == RuntimeErrorKind.AlreadyExists
            ? (await leased.Images.UpdateAsync(record, cancellationToken).ConfigureAwait(false)).WithoutValue()
            : created.WithoutValue();
    }

    private PulledImage Result(Descriptor root, Descriptor manifestDescriptor, ImageManifest manifest, string? topChain)
    {
        var size = root.Size + (root.Digest == manifestDescriptor.Digest ? 0 : manifestDescriptor.Size)
            + manifest.Config.Size + DistinctLayers(manifest).Sum(l => l.Size);
        return new PulledImage(image.ToString(), root with { Platform = null }, manifestDescriptor, manifest.Config, manifest.Layers)
        {
            Size = size,
            BytesFetched = tracker.BytesFetched,
            BlobsFetched = tracker.BlobsFetched,
            LayersUnpacked = tracker.LayersUnpacked,
            TopChainId = topChain,
        };
    }

    private static IEnumerable<Descriptor> DistinctLayers(ImageManifest manifest) => manifest.Layers.DistinctBy(l => l.Digest);

    private RuntimeResult<ImageIndex> ParseIndex(byte[] bytes) => ManifestParser.ParseIndex(bytes, $"index of image {image}");

    private RuntimeResult<ImageManifest> ParseManifest(byte[] bytes) => ManifestParser.ParseManifest(bytes, $"manifest of image {image}");
}
