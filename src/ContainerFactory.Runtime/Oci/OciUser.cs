using System.Text.Json.Serialization;

namespace ContainerFactory.Runtime.Oci;

/// <summary>The <c>process.user</c> object: numeric ids, already resolved against the image's files.</summary>
public sealed record OciUser
{
    /// <summary><c>uid</c>: always written.</summary>
    [JsonPropertyName("uid")]
    public uint Uid { get; init; }

    /// <summary><c>gid</c>: always written.</summary>
    [JsonPropertyName("gid")]
    public uint Gid { get; init; }

    /// <summary><c>umask</c>; null = runtime default.</summary>
    [JsonPropertyName("umask")]
    public uint? Umask { get; init; }

    /// <summary><c>additionalGids</c>; null = none.</summary>
    [JsonPropertyName("additionalGids")]
    public IReadOnlyList<uint>? AdditionalGids { get; init; }
}
