using System.Text.Json.Serialization;

namespace ContainerFactory.Runtime.Network;

/// <summary>
/// Source-generated JSON for CNI wire objects (camelCase, nulls omitted) and <see cref="NetworkAttachment"/>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CniNetworkList))]
[JsonSerializable(typeof(CniPluginConfig))]
[JsonSerializable(typeof(CniResult))]
[JsonSerializable(typeof(CniErrorResponse))]
[JsonSerializable(typeof(CniVersionResult))]
[JsonSerializable(typeof(CniCacheEntry))]
[JsonSerializable(typeof(NetworkAttachment))]
public sealed partial class NetworkJson : JsonSerializerContext;
