using ContainerFactory.Agent.Containers;
using ContainerFactory.Agent.Mqtt;
using ContainerFactory.Agent.Settings;
using ContainerFactory.Agent.Twin;
using ContainerFactory.Runtime.Containerd;
using ContainerFactory.Runtime.Containers;
using ContainerFactory.Runtime.Images;
using ContainerFactory.Runtime.Network;
using ContainerFactory.Runtime.Registry;
using Microsoft.Extensions.Logging;

namespace ContainerFactory.Agent.Composition;

/// <summary>
/// The composition root, wired by hand (HOUSE-STYLE rule 12): containerd client, registry, puller, networking,
/// container runtime and the container service, from the settings. Used by <c>run</c> and the local container CLI.
/// </summary>
public sealed class AgentRuntime : IDisposable
{
    private readonly RegistryClient _registry;

    /// <summary>Builds every part; nothing is contacted yet.</summary>
    /// <param name="settings">The merged settings.</param>
    /// <param name="transport">The MQTT transport the twin is published on; null for the local CLI.</param>
    /// <param name="logs">Where logs go.</param>
    public AgentRuntime(AgentSettings settings, IMqttTransport? transport, ILoggerFactory logs)
    {
        Containerd = new ContainerdClient(RuntimeComposition.Containerd(settings), logs);
        _registry = new RegistryClient(RuntimeComposition.Registries(settings), loggerFactory: logs);
        var puller = new ImagePuller(Containerd, _registry, logs);
        var networkOptions = new NetworkOptions
        {
            BridgeName = settings.Network.Bridge,
            Subnet = settings.Network.Subnet,
            CniBinDir = settings.Network.CniBinDir,
            StateDir = settings.Paths.State,
            RunDir = settings.Paths.Run,
        };
        ILogger runtimeLog = logs.CreateLogger("container-factory.runtime");
        var network = new ContainerNetworking(networkOptions, new ProcessCniPluginRunner(), runtimeLog);
        Runtime = new ContainerRuntime(Containerd, puller, network, runtimeLog);
        Paths = new ContainerPaths(settings.Paths.State, networkOptions.NetnsDir);
        Twin = new TwinPublisher(transport, logs.CreateLogger("container-factory.twin"));
        Containers = new ContainerService(
            Runtime, Paths, LogDriverBinary(), Twin, TimeProvider.System, logs.CreateLogger("container-factory.containers"));
    }

    /// <summary>The containerd client.</summary>
    public ContainerdClient Containerd { get; }

    /// <summary>The container runtime.</summary>
    public ContainerRuntime Runtime { get; }

    /// <summary>Where container files live.</summary>
    public ContainerPaths Paths { get; }

    /// <summary>The twin publisher.</summary>
    public TwinPublisher Twin { get; }

    /// <summary>The container service.</summary>
    public ContainerService Containers { get; }

    /// <summary>This executable's path: containerd runs it as the <c>binary://</c> log driver.</summary>
    public static string LogDriverBinary() => Environment.ProcessPath ?? "/usr/bin/container-factory";

    /// <inheritdoc />
    public void Dispose()
    {
        _registry.Dispose();
        Containerd.Dispose();
    }
}
