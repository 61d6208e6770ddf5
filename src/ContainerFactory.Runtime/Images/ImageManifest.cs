using System.Text.Json.Serialization;

namespace ContainerFactory.Runtime.Images;

/// <summary>An OCI image manifest or Docker schema 2 manifest (same JSON shape). Read with <see cref="ManifestParser"/>.</summary>
/// <param name="SchemaVersion">Always 2.</param>
/// <param name="MediaType">The manifest's own media type when the document states it; null otherwise.</param>
/// <param name="Config">The image config blob.</param>
/// <param name="Layers">Layer blobs, base layer first.</param>
public sealed record ImageManifest(
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("mediaType")] string? MediaType,
    [property: JsonPropertyName("config")] Descriptor Config,
    [property: JsonPropertyName("layers")] IReadOnlyList<Descriptor> Layers)
{
    /// <summary>Optional annotations.</summary>
    [JsonPropertyName("annotations")]
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }
}
