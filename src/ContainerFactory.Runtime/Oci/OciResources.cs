using System.Text.Json.Serialization;

namespace ContainerFactory.Runtime.Oci;

/// <summary>The <c>linux.resources</c> object (cgroup settings).</summary>
public sealed record OciResources
{
    /// <summary><c>devices</c>: the device cgroup rules in order (later rules win); null = none.</summary>
    [JsonPropertyName("devices")]
    public IReadOnlyList<OciDeviceCgroup>? Devices { get; init; }

    /// <summary><c>memory</c>; null = no memory settings.</summary>
    [JsonPropertyName("memory")]
    public OciMemory? Memory { get; init; }

    /// <summary><c>cpu</c>; null = no cpu settings.</summary>
    [JsonPropertyName("cpu")]
    public OciCpu? Cpu { get; init; }

    /// <summary><c>pids</c>; null = no pids limit.</summary>
    [JsonPropertyName("pids")]
    public OciPids? Pids { get; init; }
}
