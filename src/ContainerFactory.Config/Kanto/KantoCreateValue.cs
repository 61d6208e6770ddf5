using System.Text.Json.Serialization;

namespace ContainerFactory.Config.Kanto;

/// <summary>The value of ContainerFactory <c>create</c> (kanto-protocol §3.2). Other keys are ignored.</summary>
public sealed record KantoCreateValue
{
    /// <summary>Image reference; required.</summary>
    [JsonPropertyName("imageRef")] public string? ImageRef { get; init; }

    /// <summary>Start after creating; null = false.</summary>
    [JsonPropertyName("start")] public bool? Start { get; init; }
}
