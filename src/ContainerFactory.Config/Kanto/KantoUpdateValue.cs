using System.Text.Json.Serialization;

namespace ContainerFactory.Config.Kanto;

/// <summary>The value of Container <c>update</c> (kanto-protocol §4.3).</summary>
public sealed record KantoUpdateValue
{
    /// <summary>Replaces the restart policy whole; null = unchanged.</summary>
    [JsonPropertyName("restartPolicy")] public KantoRestartPolicy? RestartPolicy { get; init; }

    /// <summary>Replaces the resources whole; null = unchanged.</summary>
    [JsonPropertyName("resources")] public KantoResources? Resources { get; init; }
}
