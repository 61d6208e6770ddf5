namespace ContainerFactory.Runtime.Images;

/// <summary>
/// The labels containerd's client puts on content during a pull (notes §3.2) and pure functions that compute them.
/// Garbage collection follows the <c>gc.ref</c> labels: image → manifest → config and layers → top snapshot.
/// </summary>
public static class ImageLabels
{
    /// <summary>Prefix of a content reference from a manifest or index to a child blob (<c>config</c>, <c>l.&lt;i&gt;</c>, <c>m.&lt;i&gt;</c>).</summary>
    public const string GcRefContentPrefix = "containerd.io/gc.ref.content.";

    /// <summary>Prefix of a config's reference to its top snapshot; the snapshotter name follows.</summary>
    public const string GcRefSnapshotPrefix = "containerd.io/gc.ref.snapshot.";

    /// <summary>A layer blob's diff id (the digest of its uncompressed tar).</summary>
    public const string Uncompressed = "containerd.io/uncompressed";

    /// <summary>Prefix of the registry a blob came from; the registry host without port follows.</summary>
    public const string DistributionSourcePrefix = "containerd.io/distribution.source.";

    /// <summary>The chain id on an unpacked layer's snapshot (what containerd's unpacker sets).</summary>
    public const string SnapshotRef = "containerd.io/snapshot.ref";

    /// <summary>A lease's expiry, RFC 3339 UTC: after it garbage collection ignores the lease.</summary>
    public const string GcExpire = "containerd.io/gc.expire";

    /// <summary>A manifest's references: <c>config</c> and <c>l.&lt;i&gt;</c> per layer.</summary>
    public static IReadOnlyDictionary<string, string> ManifestChildren(ImageManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { [GcRefContentPrefix + "config"] = manifest.Config.Digest };
        for (var i = 0; i < manifest.Layers.Count; i++)
        {
            labels[GcRefContentPrefix + "l." + i] = manifest.Layers[i].Digest;
        }

        return labels;
    }

    /// <summary>An index's references: <c>m.&lt;i&gt;</c> for every entry, pulled or not (a dangling reference is harmless).</summary>
    public static IReadOnlyDictionary<string, string> IndexChildren(ImageIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < index.Manifests.Count; i++)
        {
            labels[GcRefContentPrefix + "m." + i] = index.Manifests[i].Digest;
        }

        return labels;
    }

    /// <summary>
    /// The distribution source key for a registry: the host without its port, like Go's <c>url.Hostname()</c>
    /// (<c>127.0.0.1:5000</c> → <c>…source.127.0.0.1</c>, <c>[::1]:5000</c> → <c>…source.::1</c>).
    /// </summary>
    public static string DistributionSourceKey(string registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var host = registry;
        if (host.StartsWith('['))
        {
            var close = host.IndexOf(']', StringComparison.Ordinal);
            host = close > 0 ? host[1..close] : host;
        }
        else if (host.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0)
        {
            host = host[..colon];
        }

        return DistributionSourcePrefix + host;
    }

    /// <summary>
    /// Adds a repository to a distribution source value: the sorted, de-duplicated, comma-joined list of
    /// repositories (<paramref name="existing"/> null or empty for none).
    /// </summary>
    public static string MergeSource(string? existing, string repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var repositories = (existing ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Append(repository).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return string.Join(',', repositories);
    }

    /// <summary>The config's top-snapshot key for a snapshotter, e.g. <c>containerd.io/gc.ref.snapshot.overlayfs</c>.</summary>
    public static string SnapshotGcKey(string snapshotter) => GcRefSnapshotPrefix + snapshotter;

    /// <summary>
    /// The labels of <paramref name="wanted"/> that <paramref name="existing"/> lacks or holds with another value;
    /// a distribution source value is merged with the existing one instead of replacing it. Empty when nothing changes.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Changes(
        IReadOnlyDictionary<string, string> existing, IReadOnlyDictionary<string, string> wanted)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(wanted);
        var changes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in wanted)
        {
            existing.TryGetValue(key, out var current);
            var target = key.StartsWith(DistributionSourcePrefix, StringComparison.Ordinal) ? MergeSource(current, value) : value;
            if (current != target)
            {
                changes[key] = target;
            }
        }

        return changes;
    }
}
