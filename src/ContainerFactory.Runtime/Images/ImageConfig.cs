using System.Text.Json.Serialization;

namespace ContainerFactory.Runtime.Images;

/// <summary>
/// The parts of an OCI/Docker image config the runtime uses: platform, the process defaults and the layer diff ids
/// (chain ids are computed from them). Unknown members are ignored.
/// </summary>
/// <param name="Architecture">GOARCH-style architecture.</param>
/// <param name="Os">Operating system.</param>
/// <param name="Config">Process defaults; null when the image has none.</param>
/// <param name="RootFs">Layer diff ids, base layer first.</param>
public sealed record ImageConfig(
    [property: JsonPropertyName("architecture")] string? Architecture,
    [property: JsonPropertyName("os")] string? Os,
    [property: JsonPropertyName("config")] ImageProcessConfig? Config,
    [property: JsonPropertyName("rootfs")] ImageRootFs? RootFs)
{
    /// <summary>CPU variant; null when none.</summary>
    [JsonPropertyName("variant")]
    public string? Variant { get; init; }
}
