using System.Text.Json.Serialization;

namespace ContainerFactory.Runtime.Oci;

/// <summary>The <c>linux.resources.cpu</c> object; null members are not set.</summary>
public sealed record OciCpu
{
    /// <summary><c>shares</c>: relative weight (cgroup v1 default 1024).</summary>
    [JsonPropertyName("shares")]
    public ulong? Shares { get; init; }

    /// <summary><c>quota</c>: µs of CPU time per <see cref="Period"/>.</summary>
    [JsonPropertyName("quota")]
    public long? Quota { get; init; }

    /// <summary><c>period</c>: µs.</summary>
    [JsonPropertyName("period")]
    public ulong? Period { get; init; }

    /// <summary><c>cpus</c>: cpuset list, e.g. <c>0-3</c>.</summary>
    [JsonPropertyName("cpus")]
    public string? Cpus { get; init; }

    /// <summary><c>mems</c>: memory node list.</summary>
    [JsonPropertyName("mems")]
    public string? Mems { get; init; }
}
