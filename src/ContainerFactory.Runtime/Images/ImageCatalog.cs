using ContainerFactory.Runtime.Containerd;

namespace ContainerFactory.Runtime.Images;

/// <summary>
/// The images of a containerd namespace, read from its image records, content store and snapshots (no registry).
/// "Unpacked" is what <c>ctr images check</c> and <c>ctr run</c> test: read the config, compute the top chain id,
/// Snapshots/Stat it. Thread-safe.
/// </summary>
public sealed class ImageCatalog(ContainerdClient containerd)
{
    private const int MaxDocumentBytes = 16 * 1024 * 1024;

    /// <summary>Every image record of the namespace, sorted by name, with size and unpacked state for <paramref name="platform"/> (the host's when null).</summary>
    public async Task<RuntimeResult<IReadOnlyList<ImageSummary>>> ListAsync(Platform? platform = null, CancellationToken cancellationToken = default)
    {
        var listed = await containerd.Images.ListAsync(null, cancellationToken).ConfigureAwait(false);
        if (!listed.TryGetValue(out var records, out var error))
        {
            return error;
        }

        var summaries = new List<ImageSummary>(records.Count);
        foreach (var record in records.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            var summary = await InspectAsync(record, platform ?? Platform.Host, cancellationToken).ConfigureAwait(false);
            if (!summary.TryGetValue(out var value, out error))
            {
                return error;
            }

            summaries.Add(value);
        }

        return summaries;
    }

    /// <summary>
    /// True when the image record <paramref name="name"/> is unpacked for <paramref name="platform"/> (the host's when null);
    /// <see cref="RuntimeErrorKind.NotFound"/> when there is no such record.
    /// </summary>
    public async Task<RuntimeResult<bool>> IsUnpackedAsync(string name, Platform? platform = null, CancellationToken cancellationToken = default)
    {
        var summary = await GetAsync(name, platform, cancellationToken).ConfigureAwait(false);
        return summary.Map(s => s.Unpacked);
    }

    /// <summary>
    /// The local image <paramref name="name"/> with its config and top chain id, read from containerd alone (no
    /// registry); NotFound when containerd has no such image.
    /// </summary>
    public async Task<RuntimeResult<ImageSummary>> GetAsync(string name, Platform? platform = null, CancellationToken cancellationToken = default)
    {
        var record = await containerd.Images.GetAsync(name, cancellationToken).ConfigureAwait(false);
        if (!record.TryGetValue(out var value, out var error))
        {
            return error;
        }

        return await InspectAsync(value, platform ?? Platform.Host, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Walks target → (index → platform's manifest) → config → top snapshot; a missing blob ends the walk as incomplete.</summary>
    private async Task<RuntimeResult<ImageSummary>> InspectAsync(ImageRecord record, Platform platform, CancellationToken cancellationToken)
    {
        var summary = new ImageSummary(record.Name, record.Target, record.Target.Size, false) { CreatedAt = record.CreatedAt };
        var manifestDescriptor = record.Target;
        if (MediaTypes.IsIndex(record.Target.MediaType))
        {
            var index = await ReadAsync(record.Target, ManifestParser.ParseIndex, cancellationToken).ConfigureAwait(false);
            if (!index.TryGetValue(out var parsed, out var error))
            {
                return Incomplete(summary, error);
            }

            manifestDescriptor = PlatformMatcher.Select(parsed?.Manifests ?? [], platform);
            if (manifestDescriptor is null)
            {
                return summary with { Complete = parsed is not null };
            }

            summary = summary with { Size = summary.Size + manifestDescriptor.Size };
        }

        var manifest = await ReadAsync(manifestDescriptor, ManifestParser.ParseManifest, cancellationToken).ConfigureAwait(false);
        if (!manifest.TryGetValue(out var m, out var manifestError) || m is null)
        {
            return Incomplete(summary, manifestError);
        }

        summary = summary with { Size = summary.Size + m.Config.Size + m.Layers.DistinctBy(l => l.Digest).Sum(l => l.Size) };
        var config = await ReadAsync(m.Config, ManifestParser.ParseConfig, cancellationToken).ConfigureAwait(false);
        if (!config.TryGetValue(out var c, out var configError) || c is null)
        {
            return Incomplete(summary, configError);
        }

        var chains = ChainId.Compute(c.RootFs!.DiffIds!);
        summary = summary with { Config = c, TopChainId = chains.Count == 0 ? null : chains[^1] };
        if (chains.Count == 0)
        {
            return summary;
        }

        var stat = await containerd.Snapshots.StatAsync(chains[^1], cancellationToken).ConfigureAwait(false);
        return stat.IsSuccess || stat.Error!.Kind == RuntimeErrorKind.NotFound ? summary with { Unpacked = stat.IsSuccess } : stat.Error;
    }

    /// <summary>Reads and parses a blob; a missing blob is a success with null (the image is incomplete).</summary>
    private async Task<RuntimeResult<T?>> ReadAsync<T>(
        Descriptor descriptor, Func<ReadOnlySpan<byte>, string, RuntimeResult<T>> parse, CancellationToken cancellationToken)
        where T : class
    {
        var read = await containerd.Content.ReadAllBytesAsync(descriptor.Digest, MaxDocumentBytes, cancellationToken).ConfigureAwait(false);
        if (!read.TryGetValue(out var bytes, out var error))
        {
            return error.Kind == RuntimeErrorKind.NotFound ? RuntimeResult<T?>.Ok(null) : error;
        }

        return parse(bytes, $"{descriptor.MediaType} {descriptor.Digest}").Map<T?>(v => v);
    }

    private static RuntimeResult<ImageSummary> Incomplete(ImageSummary summary, RuntimeError? error) =>
        error ?? RuntimeResult<ImageSummary>.Ok(summary with { Complete = false });
}
