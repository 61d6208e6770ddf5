using ContainerFactory.Config.Containers;
using ContainerFactory.Runtime.Logs;
using ContainerFactory.Runtime.Network;
using ContainerFactory.Runtime.Oci;
using ConfigPortMapping = ContainerFactory.Config.Containers.PortMapping;

namespace ContainerFactory.Agent.Containers;

/// <summary>
/// Maps the validated Kanto container config to the runtime's inputs (HOUSE-STYLE rule 6: explicit functions, one
/// per target). Pure: device nodes are probed by the caller and passed in.
/// </summary>
public static class ContainerMapping
{
    /// <summary>The spec inputs; the runtime adds the image's process config, the user and the cgroups path.</summary>
    public static ContainerSpecOptions ToSpec(
        ContainerConfig config, string containerdNamespace, ContainerPaths paths, IReadOnlyList<DeviceRule> devices, IReadOnlyList<DeviceNode> hostDevices)
    {
        bool host = config.NetworkMode == NetworkMode.Host;
        string files = paths.FilesOf(config.Id);
        return new ContainerSpecOptions(containerdNamespace, config.Id)
        {
            Cmd = config.Cmd,
            Env = config.Env,
            HostName = config.HostName,
            DomainName = config.DomainName,
            Tty = config.Tty,
            Privileged = config.Privileged,
            HostDevices = config.Privileged ? hostDevices : [],
            Devices = config.Privileged ? [] : devices,
            ExtraCapabilities = config.ExtraCapabilities,
            Mounts = [.. config.MountPoints.Select(ToBindMount)],
            HostFiles = new HostFiles(
                Path.Combine(files, ContainerNetworkFiles.ResolvConfFileName),
                Path.Combine(files, ContainerNetworkFiles.HostnameFileName),
                Path.Combine(files, ContainerNetworkFiles.HostsFileName)),
            Memory = ToMemory(config.Resources),
            HostNetwork = host,
            NetworkNamespacePath = host ? null : paths.NetnsOf(config.Id),
        };
    }

    /// <summary>A bind mount with its propagation.</summary>
    public static BindMount ToBindMount(MountPoint mount) => new(mount.Source, mount.Destination, mount.Propagation switch
    {
        PropagationMode.Private => MountPropagation.Private,
        PropagationMode.RShared => MountPropagation.RShared,
        PropagationMode.Shared => MountPropagation.Shared,
        PropagationMode.RSlave => MountPropagation.RSlave,
        PropagationMode.Slave => MountPropagation.Slave,
        _ => MountPropagation.RPrivate,
    });

    /// <summary>Memory limits in bytes; with a limit and no swap limit, swap is unlimited (-1). Null when nothing is limited.</summary>
    public static MemoryLimits? ToMemory(Resources resources)
    {
        if (resources.IsUnlimited)
        {
            return null;
        }

        long? swap = resources.MemorySwap?.Bytes ?? (resources.Memory is null ? null : -1);
        return new MemoryLimits(resources.Memory?.Bytes, resources.MemoryReservation?.Bytes, swap);
    }

    /// <summary>The network connection: mode, names, extra hosts, port bindings, files folder.</summary>
    public static ConnectRequest ToConnect(ContainerConfig config, ContainerPaths paths, Func<string, IReadOnlyList<ContainerPeer>> findPeers) =>
        new(
            config.Id,
            config.NetworkMode == NetworkMode.Host ? ContainerNetworkMode.Host : ContainerNetworkMode.Bridge,
            config.HostName,
            config.DomainName,
            config.ExtraHosts,
            [.. config.PortMappings.Select(ToPortBinding)],
            new HashSet<string>(StringComparer.Ordinal),
            paths.FilesOf(config.Id),
            findPeers);

    /// <summary>A port binding: host range <c>hostPort..hostPortEnd</c> onto the container port.</summary>
    public static PortBinding ToPortBinding(ConfigPortMapping mapping) => new(
        mapping.Protocol == PortProtocol.Udp ? "udp" : "tcp",
        mapping.HostPort,
        mapping.HostPortEnd,
        mapping.ContainerPort,
        mapping.HostIP);

    /// <summary>The log driver settings; the log root defaults to <c>&lt;state&gt;/containers</c>.</summary>
    public static LogDriverOptions ToLogDriver(LogConfig log, ContainerPaths paths) => new(
        log.Driver == LogDriver.None ? LogDriverType.None : LogDriverType.JsonFile,
        log.MaxFiles,
        log.MaxSize?.Bytes ?? LogDriverOptions.Default.MaxSize,
        string.IsNullOrEmpty(log.RootDir) ? paths.ContainersDir : log.RootDir,
        log.Mode == LogMode.NonBlocking ? LogDeliveryMode.NonBlocking : LogDeliveryMode.Blocking,
        log.MaxBufferSize?.Bytes ?? LogDriverOptions.Default.MaxBufferSize);
}
