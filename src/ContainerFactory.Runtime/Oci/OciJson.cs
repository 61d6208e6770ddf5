using System.Text.Json.Serialization;

namespace ContainerFactory.Runtime.Oci;

/// <summary>Source-generated JSON metadata for <see cref="OciSpec"/> and <see cref="OciResources"/> (the task update body): nulls omitted, names as in runtime-spec.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OciSpec))]
[JsonSerializable(typeof(OciResources))]
internal sealed partial class OciJson : JsonSerializerContext;
