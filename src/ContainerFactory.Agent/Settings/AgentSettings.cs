namespace ContainerFactory.Agent.Settings;

/// <summary>
/// The agent's configuration (PRODUCT.md §4): the JSON file, then the command-line flags on top. Every member has a
/// default, so the agent runs next to a standard mosquitto and containerd with no file at all. Positional records
/// with default parameter values keep the defaults of keys absent from the file.
/// </summary>
/// <param name="Mqtt">MQTT connection.</param>
/// <param name="Identity">Device identity; empty values are learned from the connector's handshake.</param>
/// <param name="Containerd">containerd connection and defaults.</param>
/// <param name="Registries">Per-registry settings keyed by registry host (e.g. <c>docker.io</c>). Default none.</param>
/// <param name="Network">Container networking.</param>
/// <param name="Paths">Folders of the agent's own state.</param>
/// <param name="Log">Logging.</param>
public sealed record AgentSettings(
    MqttSettings? Mqtt = null,
    IdentitySettings? Identity = null,
    ContainerdSettings? Containerd = null,
    IReadOnlyDictionary<string, RegistrySettings>? Registries = null,
    NetworkSettings? Network = null,
    PathSettings? Paths = null,
    LogSettings? Log = null)
{
    /// <summary>MQTT connection.</summary>
    public MqttSettings Mqtt { get; init; } = Mqtt ?? new();

    /// <summary>Device identity.</summary>
    public IdentitySettings Identity { get; init; } = Identity ?? new();

    /// <summary>containerd connection and defaults.</summary>
    public ContainerdSettings Containerd { get; init; } = Containerd ?? new();

    /// <summary>Per-registry settings keyed by registry host.</summary>
    public IReadOnlyDictionary<string, RegistrySettings> Registries { get; init; } =
        Registries ?? new Dictionary<string, RegistrySettings>();

    /// <summary>Container networking.</summary>
    public NetworkSettings Network { get; init; } = Network ?? new();

    /// <summary>Folders of the agent's own state.</summary>
    public PathSettings Paths { get; init; } = Paths ?? new();

    /// <summary>Logging.</summary>
    public LogSettings Log { get; init; } = Log ?? new();
}
