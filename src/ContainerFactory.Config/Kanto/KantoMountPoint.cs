using System.Text.Json.Serialization;

namespace ContainerFactory.Config.Kanto;

/// <summary>Kanto's <c>mountPoints[]</c> element; members in re-emit order.</summary>
public sealed record KantoMountPoint
{
    /// <summary>Host path; required.</summary>
    [JsonPropertyName("source")] public string? Source { get; init; }

    /// <summary>Container path; required.</summary>
    [JsonPropertyName("destination")] public string? Destination { get; init; }

    /// <summary>Any case of rprivate, private, rshared, shared, rslave, slave; "" or null = rprivate.</summary>
    [JsonPropertyName("propagationMode")] public string? PropagationMode { get; init; }
}
