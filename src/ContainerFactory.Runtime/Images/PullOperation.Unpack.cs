using ContainerFactory.Runtime.Containerd;

namespace ContainerFactory.Runtime.Images;

/// <summary>Unpacking layers into snapshots named by chain id (notes §3 steps 8–13).</summary>
internal sealed partial class PullOperation
{
    private const int MaxConfigBytes = 16 * 1024 * 1024;

    /// <summary>
    /// Per layer, base first: a committed snapshot named by its chain id is reused; otherwise the layer is applied
    /// onto a fresh extract snapshot and committed under that name. Then the config references the top snapshot.
    /// Returns the top chain id (null for an image without layers).
    /// </summary>
    private async Task<RuntimeResult<string?>> UnpackAsync(ImageManifest manifest, CancellationToken cancellationToken)
    {
        var read = await leased.Content.ReadAllBytesAsync(manifest.Config.Digest, MaxConfigBytes, cancellationToken).ConfigureAwait(false);
        if (!read.TryGetValue(out var bytes, out var error)
            || !ManifestParser.ParseConfig(bytes, $"config {manifest.Config.Digest} of image {image}").TryGetValue(out var config, out error))
        {
            return error;
        }

        var diffIds = config.RootFs!.DiffIds!;
        if (diffIds.Count != manifest.Layers.Count)
        {
            return new RuntimeError(RuntimeErrorKind.Internal,
                $"image {image}: the manifest lists {manifest.Layers.Count} layers but the config {diffIds.Count} diff ids");
        }

        var chains = ChainId.Compute(diffIds);
        for (var i = 0; i < chains.Count; i++)
        {
            var layer = await UnpackLayerAsync(manifest.Layers[i], diffIds[i], chains[i], i == 0 ? "" : chains[i - 1], cancellationToken).ConfigureAwait(false);
            if (layer.IsFailure(out error))
            {
                return error;
            }
        }

        if (chains.Count == 0)
        {
            return RuntimeResult<string?>.Ok(null);
        }

        _labels.Want(manifest.Config.Digest, ImageLabels.SnapshotGcKey(leased.Options.Snapshotter), chains[^1]);
        return chains[^1];
    }

    /// <summary>
    /// Stat(chain) → found: done; else Prepare(extract key, parent) → Diff/Apply → check diff id → Commit(chain).
    /// Prepare carries <c>containerd.io/snapshot.ref</c>, so containerd answers ALREADY_EXISTS when the chain got
    /// committed meanwhile (a concurrent pull of the same layer): then Stat again finds it.
    /// </summary>
    private async Task<RuntimeResult> UnpackLayerAsync(Descriptor layer, string diffId, string chainId, string parent, CancellationToken cancellationToken)
    {
        var labels = new Dictionary<string, string> { [ImageLabels.SnapshotRef] = chainId };
        for (var attempt = 0; ; attempt++)
        {
            var stat = await leased.Snapshots.StatAsync(chainId, cancellationToken).ConfigureAwait(false);
            if (stat.IsSuccess)
            {
                tracker.Unpacked(layer, chainId, applied: false);
                return RuntimeResult.Ok;
            }

            if (stat.Error!.Kind != RuntimeErrorKind.NotFound)
            {
                return stat.WithoutValue();
            }

            var key = PullIds.ExtractKey(PullIds.Unique(time), chainId);
            var prepared = await leased.Snapshots.PrepareAsync(key, parent, labels, cancellationToken).ConfigureAwait(false);
            if (prepared.TryGetValue(out var mounts, out var error))
            {
                _extractKeys.TryAdd(key, 0);
                return await ApplyAndCommitAsync(layer, diffId, chainId, key, mounts, labels, cancellationToken).ConfigureAwait(false);
            }

            if (error.Kind != RuntimeErrorKind.AlreadyExists || attempt == 2)
            {
                return error;
            }
        }
    }

    private async Task<RuntimeResult> ApplyAndCommitAsync(
        Descriptor layer, string diffId, string chainId, string key, IReadOnlyList<Mount> mounts,
        IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        var applied = await leased.Diff.ApplyAsync(layer, mounts, cancellationToken).ConfigureAwait(false);
        if (!applied.TryGetValue(out var diff, out var error) || diff.Digest != diffId)
        {
            return error ?? new RuntimeError(RuntimeErrorKind.DigestMismatch,
                $"layer {layer.Digest} of image {image}: unpacked to {diff!.Digest}, the config says {diffId}");
        }

        var committed = await leased.Snapshots.CommitAsync(chainId, key, labels, cancellationToken).ConfigureAwait(false);
        if (committed.IsFailure(out error) && error.Kind != RuntimeErrorKind.AlreadyExists)
        {
            return error;
        }

        // A commit consumes the extract key; ALREADY_EXISTS (a concurrent unpack won) leaves it for cleanup.
        if (committed.IsSuccess)
        {
            _extractKeys.TryRemove(key, out _);
        }
        else
        {
            await RemoveExtractAsync(key, cancellationToken).ConfigureAwait(false);
        }

        _labels.Want(layer.Digest, ImageLabels.Uncompressed, diffId);
        PullLog.LayerUnpacked(logger, image.ToString(), layer.Digest, chainId);
        tracker.Unpacked(layer, chainId, applied: true);
        return RuntimeResult.Ok;
    }
}
