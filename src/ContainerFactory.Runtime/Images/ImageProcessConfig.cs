using System.Text.Json.Serialization;

namespace ContainerFactory.Runtime.Images;

/// <summary>The <c>config</c> object of an image config: defaults for the container's process (all optional).</summary>
public sealed record ImageProcessConfig
{
    /// <summary><c>user</c>, <c>uid</c>, <c>user:group</c> or <c>uid:gid</c>.</summary>
    [JsonPropertyName("User")]
    public string? User { get; init; }

    /// <summary><c>KEY=value</c> entries.</summary>
    [JsonPropertyName("Env")]
    public IReadOnlyList<string>? Env { get; init; }

    /// <summary>Entrypoint argv.</summary>
    [JsonPropertyName("Entrypoint")]
    public IReadOnlyList<string>? Entrypoint { get; init; }

    /// <summary>Default arguments (appended to the entrypoint).</summary>
    [JsonPropertyName("Cmd")]
    public IReadOnlyList<string>? Cmd { get; init; }

    /// <summary>Working directory.</summary>
    [JsonPropertyName("WorkingDir")]
    public string? WorkingDir { get; init; }

    /// <summary>Image labels.</summary>
    [JsonPropertyName("Labels")]
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>Signal that stops the container, e.g. <c>SIGTERM</c>.</summary>
    [JsonPropertyName("StopSignal")]
    public string? StopSignal { get; init; }
}
