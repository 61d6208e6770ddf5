using System.Text.Json.Serialization;

namespace ContainerFactory.Runtime.Oci;

/// <summary>One <c>process.rlimits</c> entry.</summary>
/// <param name="Type">Resource name, e.g. <c>RLIMIT_NOFILE</c>.</param>
/// <param name="Hard">Hard limit.</param>
/// <param name="Soft">Soft limit, ≤ <paramref name="Hard"/>.</param>
public sealed record OciRlimit(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("hard")] ulong Hard,
    [property: JsonPropertyName("soft")] ulong Soft);
