using System.Text.Json.Serialization;

namespace ContainerFactory.Config.Kanto;

/// <summary>
/// Kanto's <c>config</c> object of <c>createWithConfig</c> and <c>status.config</c> (kanto-protocol §3.4).
/// Every member is optional: null means "not sent" (or JSON null). Members are declared in the order
/// Kanto re-emits them, so <see cref="ContainerConfigJson"/> writes them in that order.
/// Enum-like strings accept Kanto's constants (<c>BRIDGE</c>) and Docker spellings (<c>bridge</c>), see <see cref="KantoNames"/>.
/// </summary>
public sealed record KantoContainerConfig
{
    /// <summary>An empty config (every member null).</summary>
    public static KantoContainerConfig Empty { get; } = new();

    /// <summary>Domain name; "" or null = <c>&lt;name&gt;-domain</c>.</summary>
    [JsonPropertyName("domainName")] public string? DomainName { get; init; }

    /// <summary>Bind mounts; a null element counts as an empty mount.</summary>
    [JsonPropertyName("mountPoints")] public IReadOnlyList<KantoMountPoint?>? MountPoints { get; init; }

    /// <summary>Host name; "" or null = <c>&lt;name&gt;-host</c>.</summary>
    [JsonPropertyName("hostName")] public string? HostName { get; init; }

    /// <summary>Environment entries; a null element counts as "".</summary>
    [JsonPropertyName("env")] public IReadOnlyList<string?>? Env { get; init; }

    /// <summary>Command replacing the image CMD; a null element counts as "".</summary>
    [JsonPropertyName("cmd")] public IReadOnlyList<string?>? Cmd { get; init; }

    /// <summary>Image decryption keys and recipients.</summary>
    [JsonPropertyName("decryption")] public KantoDecryption? Decryption { get; init; }

    /// <summary>Host devices; a null element counts as an empty device mapping.</summary>
    [JsonPropertyName("devices")] public IReadOnlyList<KantoDeviceMapping?>? Devices { get; init; }

    /// <summary>Privileged mode; null = false.</summary>
    [JsonPropertyName("privileged")] public bool? Privileged { get; init; }

    /// <summary>Restart policy; null = unless-stopped. A present object with an empty type is invalid.</summary>
    [JsonPropertyName("restartPolicy")] public KantoRestartPolicy? RestartPolicy { get; init; }

    /// <summary>Extra <c>/etc/hosts</c> entries <c>host:ip</c>; a null element counts as "".</summary>
    [JsonPropertyName("extraHosts")] public IReadOnlyList<string?>? ExtraHosts { get; init; }

    /// <summary>Added Linux capabilities, with or without <c>CAP_</c>; ignored when privileged.</summary>
    [JsonPropertyName("extraCapabilities")] public IReadOnlyList<string?>? ExtraCapabilities { get; init; }

    /// <summary>Published ports; a null element counts as an empty mapping.</summary>
    [JsonPropertyName("portMappings")] public IReadOnlyList<KantoPortMapping?>? PortMappings { get; init; }

    /// <summary><c>bridge</c>/<c>BRIDGE</c> or <c>host</c>/<c>HOST</c>; "" or null = bridge.</summary>
    [JsonPropertyName("networkMode")] public string? NetworkMode { get; init; }

    /// <summary>Keep stdin open; null = false.</summary>
    [JsonPropertyName("openStdin")] public bool? OpenStdin { get; init; }

    /// <summary>Allocate a terminal; null = false.</summary>
    [JsonPropertyName("tty")] public bool? Tty { get; init; }

    /// <summary>Logging; null = json-file, 2 × 100M, blocking.</summary>
    [JsonPropertyName("log")] public KantoLogConfig? Log { get; init; }

    /// <summary>Memory limits; null = none.</summary>
    [JsonPropertyName("resources")] public KantoResources? Resources { get; init; }
}
