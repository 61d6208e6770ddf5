using System.Text.Json.Serialization;

namespace ContainerFactory.Config.Kanto;

/// <summary>Kanto's <c>devices[]</c> element; members in re-emit order. Both paths are written even when empty.</summary>
public sealed record KantoDeviceMapping
{
    /// <summary>Device path on the host; required.</summary>
    [JsonPropertyName("pathOnHost")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? PathOnHost { get; init; }

    /// <summary>Device path in the container; "" or null = <see cref="PathOnHost"/>.</summary>
    [JsonPropertyName("pathInContainer")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? PathInContainer { get; init; }

    /// <summary>Combination of r, w, m; "" or null = <c>rwm</c>.</summary>
    [JsonPropertyName("cgroupPermissions")] public string? CgroupPermissions { get; init; }
}
