using System.Text.Json.Serialization;

namespace ContainerFactory.Runtime.Images;

/// <summary>The <c>rootfs</c> object of an image config.</summary>
/// <param name="Type">Always <c>layers</c>.</param>
/// <param name="DiffIds">Digests of the uncompressed layer tars, base layer first.</param>
public sealed record ImageRootFs(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("diff_ids")] IReadOnlyList<string>? DiffIds);
