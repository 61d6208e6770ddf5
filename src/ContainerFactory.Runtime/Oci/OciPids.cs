using System.Text.Json.Serialization;

namespace ContainerFactory.Runtime.Oci;

/// <summary>The <c>linux.resources.pids</c> object.</summary>
/// <param name="Limit">Maximum number of tasks; -1 = unlimited.</param>
public sealed record OciPids([property: JsonPropertyName("limit")] long Limit);
