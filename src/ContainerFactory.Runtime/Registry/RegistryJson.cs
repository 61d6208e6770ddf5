using System.Text.Json.Serialization;

namespace ContainerFactory.Runtime.Registry;

/// <summary>Source-generated JSON metadata for registry responses (read only: no serialization fast path is generated).</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(TokenResponse))]
internal sealed partial class RegistryJson : JsonSerializerContext;
