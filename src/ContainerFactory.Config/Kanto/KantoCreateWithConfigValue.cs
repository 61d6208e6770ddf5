using System.Text.Json.Serialization;

namespace ContainerFactory.Config.Kanto;

/// <summary>
/// The value of ContainerFactory <c>createWithConfig</c> (kanto-protocol §3.3), also the shape of the
/// normalized command that <see cref="ContainerConfigJson.WriteNormalized"/> prints.
/// </summary>
public sealed record KantoCreateWithConfigValue
{
    /// <summary>Image reference; required.</summary>
    [JsonPropertyName("imageRef")] public string? ImageRef { get; init; }

    /// <summary>Container name (top level, not inside config); "" or null = the container id.</summary>
    [JsonPropertyName("name")] public string? Name { get; init; }

    /// <summary>Start after creating; null = false.</summary>
    [JsonPropertyName("start")] public bool? Start { get; init; }

    /// <summary>Container config; null = the same as <c>create</c>.</summary>
    [JsonPropertyName("config")] public KantoContainerConfig? Config { get; init; }
}
