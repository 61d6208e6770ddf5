using System.Text.Json.Serialization;

namespace ContainerFactory.Runtime.Oci;

/// <summary>
/// The OCI runtime spec (<c>config.json</c>) as containerd 1.6 stores it: the subset of runtime-spec 1.0.2 the
/// agent writes, property names and order as containerd's Go types emit them. Null members are omitted.
/// Build it with <see cref="SpecOpts"/>; an empty spec is <see cref="Empty"/>.
/// </summary>
public sealed record OciSpec
{
    /// <summary>An empty spec (<c>{"ociVersion":""}</c>); every option can start from it.</summary>
    public static OciSpec Empty { get; } = new();

    /// <summary><c>ociVersion</c>: always written; containerd 1.6 writes <see cref="OciConstants.Version"/>.</summary>
    [JsonPropertyName("ociVersion")]
    public string OciVersion { get; init; } = "";

    /// <summary><c>process</c>: the container's init process; null = absent.</summary>
    [JsonPropertyName("process")]
    public OciProcess? Process { get; init; }

    /// <summary><c>root</c>: the root filesystem; null = absent.</summary>
    [JsonPropertyName("root")]
    public OciRoot? Root { get; init; }

    /// <summary><c>hostname</c> (needs a UTS namespace); null = absent.</summary>
    [JsonPropertyName("hostname")]
    public string? Hostname { get; init; }

    /// <summary><c>domainname</c> (runtime-spec ≥ 1.0.2-dev+, honoured by runc ≥ 1.0); null = absent.</summary>
    [JsonPropertyName("domainname")]
    public string? Domainname { get; init; }

    /// <summary><c>mounts</c> in mount order; null = none.</summary>
    [JsonPropertyName("mounts")]
    public IReadOnlyList<OciMount>? Mounts { get; init; }

    /// <summary><c>annotations</c>; null = none.</summary>
    [JsonPropertyName("annotations")]
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }

    /// <summary><c>linux</c>: Linux-specific settings; null = absent.</summary>
    [JsonPropertyName("linux")]
    public OciLinux? Linux { get; init; }
}
