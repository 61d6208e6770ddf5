using System.Text.Json.Serialization;

namespace ContainerFactory.Config.Kanto;

/// <summary>Kanto's <c>resources</c> object (also the <c>update</c> shape); members in re-emit order. "" or null = not set.</summary>
public sealed record KantoResources
{
    /// <summary>Memory limit (size string), ≥ 3M.</summary>
    [JsonPropertyName("memory")] public string? Memory { get; init; }

    /// <summary>Soft limit (size string), ≤ memory.</summary>
    [JsonPropertyName("memoryReservation")] public string? MemoryReservation { get; init; }

    /// <summary>Memory plus swap (size string) ≥ memory, or <c>-1</c> for unlimited; on create "" = 2 × memory.</summary>
    [JsonPropertyName("memorySwap")] public string? MemorySwap { get; init; }
}
