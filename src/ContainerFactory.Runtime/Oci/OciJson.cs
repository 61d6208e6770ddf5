using System.Text.Json.Serialization;

namespace ContainerFactory.Runtime.Oci;

/// <summary>Source-generated JSON metadata for <see cref="OciSpec"/>: nulls omitted, names as in runtime-spec.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OciSpec))]
internal sealed partial class OciJson : JsonSerializerContext;
