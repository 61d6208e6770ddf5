using System.Text.Json.Serialization;

namespace ContainerFactory.Runtime.Oci;

/// <summary>One <c>mounts</c> entry.</summary>
/// <param name="Destination">Absolute path in the container; always written.</param>
/// <param name="Type">Filesystem type (<c>proc</c>, <c>tmpfs</c>, <c>bind</c>…); null = absent.</param>
/// <param name="Source">Device, filesystem name or host path; null = absent.</param>
/// <param name="Options">Mount options in order; null = none.</param>
public sealed record OciMount(
    [property: JsonPropertyName("destination")] string Destination,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("source")] string? Source,
    [property: JsonPropertyName("options")] IReadOnlyList<string>? Options);
