namespace ContainerFactory.Agent.Settings;

/// <summary>
/// The agent's configuration (PRODUCT.md §4): the JSON file, then the command-line flags on top. Every member has a
/// default, so the agent runs next to a standard mosquitto and containerd with no file at all.
/// </summary>
public sealed record AgentSettings
{
    /// <summary>MQTT connection.</summary>
    public MqttSettings Mqtt { get; init; } = new();

    /// <summary>Device identity; empty values are learned from the connector's handshake.</summary>
    public IdentitySettings Identity { get; init; } = new();

    /// <summary>containerd connection and defaults.</summary>
    public ContainerdSettings Containerd { get; init; } = new();

    /// <summary>Per-registry settings keyed by registry host (e.g. <c>docker.io</c>, <c>127.0.0.1:5000</c>). Default: none.</summary>
    public IReadOnlyDictionary<string, RegistrySettings> Registries { get; init; } = new Dictionary<string, RegistrySettings>();

    /// <summary>Container networking.</summary>
    public NetworkSettings Network { get; init; } = new();

    /// <summary>Folders of the agent's own state.</summary>
    public PathSettings Paths { get; init; } = new();

    /// <summary>Logging.</summary>
    public LogSettings Log { get; init; } = new();
}
