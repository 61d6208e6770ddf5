using System.Text.Json.Serialization;

namespace ContainerFactory.Runtime.Oci;

/// <summary>The <c>process.capabilities</c> object: <c>CAP_*</c> names per set; a null set is omitted.</summary>
public sealed record OciCapabilities
{
    /// <summary><c>bounding</c>.</summary>
    [JsonPropertyName("bounding")]
    public IReadOnlyList<string>? Bounding { get; init; }

    /// <summary><c>effective</c>.</summary>
    [JsonPropertyName("effective")]
    public IReadOnlyList<string>? Effective { get; init; }

    /// <summary><c>inheritable</c>; containerd ≥ 1.6.2 leaves it empty (CVE-2022-24769).</summary>
    [JsonPropertyName("inheritable")]
    public IReadOnlyList<string>? Inheritable { get; init; }

    /// <summary><c>permitted</c>.</summary>
    [JsonPropertyName("permitted")]
    public IReadOnlyList<string>? Permitted { get; init; }

    /// <summary><c>ambient</c>.</summary>
    [JsonPropertyName("ambient")]
    public IReadOnlyList<string>? Ambient { get; init; }
}
