using System.Text.Json.Serialization;

namespace ContainerFactory.Runtime.Oci;

/// <summary>One <c>uidMappings</c>/<c>gidMappings</c> entry.</summary>
/// <param name="ContainerId">First id in the container.</param>
/// <param name="HostId">First id on the host.</param>
/// <param name="Size">Number of ids mapped.</param>
public sealed record OciIdMapping(
    [property: JsonPropertyName("containerID")] uint ContainerId,
    [property: JsonPropertyName("hostID")] uint HostId,
    [property: JsonPropertyName("size")] uint Size);
