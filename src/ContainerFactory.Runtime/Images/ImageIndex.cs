using System.Text.Json.Serialization;

namespace ContainerFactory.Runtime.Images;

/// <summary>An OCI image index or Docker manifest list (same JSON shape). Read with <see cref="ManifestParser"/>.</summary>
/// <param name="SchemaVersion">Always 2.</param>
/// <param name="MediaType">The index's own media type when the document states it; null otherwise.</param>
/// <param name="Manifests">One entry per platform (plus attestations), each with its <see cref="Descriptor.Platform"/>.</param>
public sealed record ImageIndex(
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("mediaType")] string? MediaType,
    [property: JsonPropertyName("manifests")] IReadOnlyList<Descriptor> Manifests)
{
    /// <summary>Optional annotations.</summary>
    [JsonPropertyName("annotations")]
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }
}
