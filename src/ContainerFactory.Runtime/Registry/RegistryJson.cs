using System.Text.Json.Serialization;

namespace ContainerFactory.Runtime.Registry;

/// <summary>Source-generated JSON metadata for registry responses.</summary>
[JsonSerializable(typeof(TokenResponse))]
internal sealed partial class RegistryJson : JsonSerializerContext;
