using System.Text.Json.Serialization;

namespace ContainerFactory.Config.Kanto;

/// <summary>The value of Container <c>stopWithOptions</c> (kanto-protocol §4.3); every member optional.</summary>
public sealed record KantoStopOptions
{
    /// <summary>SIGKILL after the timeout; null = false.</summary>
    [JsonPropertyName("force")] public bool? Force { get; init; }

    /// <summary>Seconds to wait (a JSON integer); 0 or null = the agent's default.</summary>
    [JsonPropertyName("timeout")] public long? Timeout { get; init; }

    /// <summary>Signal name or number, as a JSON string; "" or null = SIGTERM.</summary>
    [JsonPropertyName("signal")] public string? Signal { get; init; }
}
