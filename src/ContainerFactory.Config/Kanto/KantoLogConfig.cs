using System.Text.Json.Serialization;

namespace ContainerFactory.Config.Kanto;

/// <summary>Kanto's <c>log</c> object; members in re-emit order.</summary>
public sealed record KantoLogConfig
{
    /// <summary><c>json-file</c>/<c>JSON_FILE</c> or <c>none</c>/<c>NONE</c>; "" or null = json-file.</summary>
    [JsonPropertyName("type")] public string? Type { get; init; }

    /// <summary>json-file: files kept, ≥ 1; 0 or null = 2.</summary>
    [JsonPropertyName("maxFiles")] public int? MaxFiles { get; init; }

    /// <summary>json-file: rotation size (size string); "" or null = <c>100M</c>.</summary>
    [JsonPropertyName("maxSize")] public string? MaxSize { get; init; }

    /// <summary>json-file: absolute log directory; "" or null = the agent's state directory.</summary>
    [JsonPropertyName("rootDir")] public string? RootDir { get; init; }

    /// <summary><c>blocking</c>/<c>BLOCKING</c> or <c>non-blocking</c>/<c>NON_BLOCKING</c>; "" or null = blocking.</summary>
    [JsonPropertyName("mode")] public string? Mode { get; init; }

    /// <summary>non-blocking: ring buffer size (size string); "" or null = <c>1M</c>; ignored when blocking.</summary>
    [JsonPropertyName("maxBufferSize")] public string? MaxBufferSize { get; init; }
}
