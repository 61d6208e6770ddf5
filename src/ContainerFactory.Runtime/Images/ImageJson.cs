using System.Text.Json.Serialization;

namespace ContainerFactory.Runtime.Images;

/// <summary>Source-generated JSON metadata for the image documents (manifest, index, config).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(ImageManifest))]
[JsonSerializable(typeof(ImageIndex))]
[JsonSerializable(typeof(ImageConfig))]
internal sealed partial class ImageJson : JsonSerializerContext;
