using System.Text.Json.Serialization;

namespace ContainerFactory.Config.Kanto;

/// <summary>Kanto's <c>restartPolicy</c> object; members in re-emit order (<c>maxRetryCount, retryTimeout, type</c>).</summary>
public sealed record KantoRestartPolicy
{
    /// <summary>on-failure only: maximum restarts, ≥ 0 (0 = unlimited); must be 0 or null for other types.</summary>
    [JsonPropertyName("maxRetryCount")] public long? MaxRetryCount { get; init; }

    /// <summary>on-failure only: backoff bound in seconds, ≥ 0; a fraction is truncated to whole seconds.</summary>
    [JsonPropertyName("retryTimeout")] public double? RetryTimeout { get; init; }

    /// <summary><c>no, always, on-failure, unless-stopped</c> or <c>NO, ALWAYS, ON_FAILURE, UNLESS_STOPPED</c>; required when the object is present.</summary>
    [JsonPropertyName("type")] public string? Type { get; init; }
}
