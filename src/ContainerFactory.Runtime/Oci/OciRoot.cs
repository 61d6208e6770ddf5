using System.Text.Json.Serialization;

namespace ContainerFactory.Runtime.Oci;

/// <summary>The <c>root</c> object.</summary>
/// <param name="Path">Root filesystem, relative to the bundle (containerd: <c>rootfs</c>) or absolute.</param>
public sealed record OciRoot([property: JsonPropertyName("path")] string Path)
{
    /// <summary><c>readonly</c>; false is omitted.</summary>
    [JsonPropertyName("readonly")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Readonly { get; init; }
}
