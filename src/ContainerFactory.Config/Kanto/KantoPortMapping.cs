using System.Text.Json.Serialization;

namespace ContainerFactory.Config.Kanto;

/// <summary>
/// Kanto's <c>portMappings[]</c> element; members in re-emit order (<c>proto, hostPort, hostPortEnd, containerPort, hostIP</c>).
/// Ports are 16-bit unsigned like Kanto's <c>uint16</c>: a JSON number outside 0–65535 is a decode error.
/// </summary>
public sealed record KantoPortMapping
{
    /// <summary><c>tcp</c> or <c>udp</c> in any case; "" or null = tcp.</summary>
    [JsonPropertyName("proto")] public string? Proto { get; init; }

    /// <summary>First host port, 1–65535; required.</summary>
    [JsonPropertyName("hostPort")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public ushort? HostPort { get; init; }

    /// <summary>Last host port, ≥ hostPort; 0 or null = hostPort.</summary>
    [JsonPropertyName("hostPortEnd")] public ushort? HostPortEnd { get; init; }

    /// <summary>Container port, 1–65535; required.</summary>
    [JsonPropertyName("containerPort")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public ushort? ContainerPort { get; init; }

    /// <summary>IPv4 or IPv6 address to bind; "" or null = <c>0.0.0.0</c>.</summary>
    [JsonPropertyName("hostIP")] public string? HostIP { get; init; }
}
