using System.Text.Json.Serialization;

namespace ContainerFactory.Runtime.Oci;

/// <summary>One <c>linux.devices</c> entry: a node runc creates in the container.</summary>
/// <param name="Path">Path in the container.</param>
/// <param name="Type"><c>c</c> (character) or <c>b</c> (block).</param>
/// <param name="Major">Major number.</param>
/// <param name="Minor">Minor number.</param>
/// <param name="FileMode">Permission bits (<c>st_mode</c> without the file type), e.g. 438 = 0666; null = runtime default.</param>
/// <param name="Uid">Owner; null = 0.</param>
/// <param name="Gid">Group; null = 0.</param>
public sealed record OciDevice(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("major")] long Major,
    [property: JsonPropertyName("minor")] long Minor,
    [property: JsonPropertyName("fileMode")] uint? FileMode,
    [property: JsonPropertyName("uid")] uint? Uid,
    [property: JsonPropertyName("gid")] uint? Gid);
