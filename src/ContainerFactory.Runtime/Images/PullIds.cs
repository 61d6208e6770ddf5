using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;

namespace ContainerFactory.Runtime.Images;

/// <summary>The names a pull gives containerd objects, in ctr's forms (notes §3, §3.1, §3.3). Pure apart from the clock and randomness.</summary>
internal static class PullIds
{
    /// <summary><c>&lt;nanoseconds of the current second&gt;-&lt;4 base64url chars&gt;</c>, e.g. <c>721390409-QZFJ</c> (a lease id).</summary>
    public static string Unique(TimeProvider time)
    {
        var nanos = time.GetUtcNow().Ticks % TimeSpan.TicksPerSecond * 100;
        Span<byte> random = stackalloc byte[3];
        RandomNumberGenerator.Fill(random);
        return nanos.ToString(CultureInfo.InvariantCulture) + "-" + Base64Url.EncodeToString(random);
    }

    /// <summary>Snapshot key of a layer being unpacked: <c>extract-&lt;unique&gt; &lt;chain id&gt;</c>.</summary>
    public static string ExtractKey(string unique, string chainId) => $"extract-{unique} {chainId}";

    /// <summary>Ingest ref of a blob: <c>manifest-</c>, <c>index-</c>, <c>layer-</c>, <c>config-</c> or <c>unknown-</c> + digest.</summary>
    public static string IngestRef(Descriptor blob) => KindOf(blob.MediaType) + "-" + blob.Digest;

    /// <summary>The lease label value: RFC 3339 UTC, whole seconds (<c>2026-11-30T15:35:25Z</c>).</summary>
    public static string Expiry(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string KindOf(string mediaType) =>
        MediaTypes.IsManifest(mediaType) ? "manifest"
        : MediaTypes.IsIndex(mediaType) ? "index"
        : mediaType.Contains(".layer.", StringComparison.Ordinal) || mediaType.Contains(".rootfs.diff.", StringComparison.Ordinal) ? "layer"
        : mediaType is MediaTypes.OciConfig or MediaTypes.DockerConfig ? "config"
        : "unknown";
}
