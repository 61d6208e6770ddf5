using System.Text.Json.Serialization;

namespace ContainerFactory.Runtime.Oci;

/// <summary>The <c>linux</c> object.</summary>
public sealed record OciLinux
{
    /// <summary><c>uidMappings</c> (user namespace); null = none.</summary>
    [JsonPropertyName("uidMappings")]
    public IReadOnlyList<OciIdMapping>? UidMappings { get; init; }

    /// <summary><c>gidMappings</c> (user namespace); null = none.</summary>
    [JsonPropertyName("gidMappings")]
    public IReadOnlyList<OciIdMapping>? GidMappings { get; init; }

    /// <summary><c>resources</c>: cgroup settings; null = absent.</summary>
    [JsonPropertyName("resources")]
    public OciResources? Resources { get; init; }

    /// <summary><c>cgroupsPath</c>: <c>/&lt;namespace&gt;/&lt;id&gt;</c> (cgroupfs) or <c>slice:prefix:name</c> (systemd); null = absent.</summary>
    [JsonPropertyName("cgroupsPath")]
    public string? CgroupsPath { get; init; }

    /// <summary><c>namespaces</c>: a listed type without a path is created new; an unlisted type is shared with the runtime.</summary>
    [JsonPropertyName("namespaces")]
    public IReadOnlyList<OciNamespace>? Namespaces { get; init; }

    /// <summary><c>devices</c>: device nodes runc creates in the container; null = none.</summary>
    [JsonPropertyName("devices")]
    public IReadOnlyList<OciDevice>? Devices { get; init; }

    /// <summary><c>maskedPaths</c>; null = none.</summary>
    [JsonPropertyName("maskedPaths")]
    public IReadOnlyList<string>? MaskedPaths { get; init; }

    /// <summary><c>readonlyPaths</c>; null = none.</summary>
    [JsonPropertyName("readonlyPaths")]
    public IReadOnlyList<string>? ReadonlyPaths { get; init; }
}
