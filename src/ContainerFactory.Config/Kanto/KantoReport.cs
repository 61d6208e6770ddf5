using ContainerFactory.Config.Containers;

namespace ContainerFactory.Config.Kanto;

/// <summary>
/// Maps the domain config back to Kanto's reporting form (<c>status.config</c>, kanto-protocol §3.4, §4.2):
/// uppercase enum names (<c>BRIDGE</c>, <c>UNLESS_STOPPED</c>, <c>JSON_FILE</c>, <c>BLOCKING</c>, <c>RPRIVATE</c>),
/// and every value Go's <c>omitempty</c> would drop set to null ("" , 0, false, empty lists), so that
/// <see cref="ContainerConfigJson"/> leaves it out. <c>networkMode</c> and <c>restartPolicy</c> are always present.
/// </summary>
public static class KantoReport
{
    /// <summary>The <c>status.config</c> object of a container.</summary>
    public static KantoContainerConfig ToWire(ContainerConfig config) => new()
    {
        DomainName = NullIfEmpty(config.DomainName),
        MountPoints = NullIfEmpty(config.MountPoints, ToWire),
        HostName = NullIfEmpty(config.HostName),
        Env = NullIfEmpty(config.Env),
        Cmd = NullIfEmpty(config.Cmd),
        Decryption = ToWire(config.Decryption),
        Devices = NullIfEmpty(config.Devices, ToWire),
        Privileged = config.Privileged ? true : null,
        RestartPolicy = ToWire(config.RestartPolicy),
        ExtraHosts = NullIfEmpty(config.ExtraHosts),
        ExtraCapabilities = config.Privileged ? null : NullIfEmpty(config.ExtraCapabilities),
        PortMappings = NullIfEmpty(config.PortMappings, ToWire),
        NetworkMode = KantoNames.Report(config.NetworkMode),
        OpenStdin = config.OpenStdin ? true : null,
        Tty = config.Tty ? true : null,
        Log = ToWire(config.Log),
        Resources = ToWire(config.Resources),
    };

    /// <summary>The normalized <c>createWithConfig</c> value <c>{imageRef, name, start, config}</c> with every default filled in.</summary>
    public static KantoCreateWithConfigValue ToNormalizedCreate(ContainerConfig config, bool start) => new()
    {
        ImageRef = config.ImageRef,
        Name = config.Name,
        Start = start,
        Config = ToWire(config),
    };

    /// <summary><c>{source, destination, propagationMode}</c> with the mode uppercase.</summary>
    public static KantoMountPoint ToWire(MountPoint mount) => new()
    {
        Source = NullIfEmpty(mount.Source),
        Destination = NullIfEmpty(mount.Destination),
        PropagationMode = KantoNames.Report(mount.Propagation),
    };

    /// <summary><c>{pathOnHost, pathInContainer, cgroupPermissions}</c>; both paths always written.</summary>
    public static KantoDeviceMapping ToWire(DeviceMapping device) => new()
    {
        PathOnHost = device.PathOnHost,
        PathInContainer = device.PathInContainer,
        CgroupPermissions = NullIfEmpty(device.CgroupPermissions),
    };

    /// <summary><c>{proto, hostPort, hostPortEnd, containerPort, hostIP}</c>; both ports always written.</summary>
    public static KantoPortMapping ToWire(PortMapping port) => new()
    {
        Proto = KantoNames.Report(port.Protocol),
        HostPort = port.HostPort,
        HostPortEnd = port.HostPortEnd == 0 ? null : port.HostPortEnd,
        ContainerPort = port.ContainerPort,
        HostIP = NullIfEmpty(port.HostIP),
    };

    /// <summary><c>{maxRetryCount, retryTimeout, type}</c>, retryTimeout in whole seconds; zeros omitted.</summary>
    public static KantoRestartPolicy ToWire(RestartPolicy policy) => new()
    {
        MaxRetryCount = policy.MaxRetryCount == 0 ? null : policy.MaxRetryCount,
        RetryTimeout = policy.RetryTimeoutSeconds == 0 ? null : policy.RetryTimeoutSeconds,
        Type = KantoNames.Report(policy.Kind),
    };

    /// <summary><c>{type, maxFiles, maxSize, rootDir, mode, maxBufferSize}</c>; unset members omitted.</summary>
    public static KantoLogConfig ToWire(LogConfig log) => new()
    {
        Type = KantoNames.Report(log.Driver),
        MaxFiles = log.MaxFiles == 0 ? null : log.MaxFiles,
        MaxSize = log.MaxSize?.Text,
        RootDir = NullIfEmpty(log.RootDir),
        Mode = KantoNames.Report(log.Mode),
        MaxBufferSize = log.MaxBufferSize?.Text,
    };

    /// <summary><c>{memory, memoryReservation, memorySwap}</c> as the original strings; null when there is no limit at all.</summary>
    public static KantoResources? ToWire(Resources resources) => resources.IsUnlimited ? null : new KantoResources
    {
        Memory = resources.Memory?.Text,
        MemoryReservation = resources.MemoryReservation?.Text,
        MemorySwap = resources.MemorySwap?.Text,
    };

    /// <summary><c>{keys, recipients}</c>; null when there are neither.</summary>
    public static KantoDecryption? ToWire(Decryption decryption) => decryption.IsEmpty ? null : new KantoDecryption
    {
        Keys = NullIfEmpty(decryption.Keys),
        Recipients = NullIfEmpty(decryption.Recipients),
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static IReadOnlyList<string?>? NullIfEmpty(IReadOnlyList<string> values) =>
        values.Count == 0 ? null : values.ToArray();

    private static IReadOnlyList<TWire?>? NullIfEmpty<TDomain, TWire>(IReadOnlyList<TDomain> values, Func<TDomain, TWire> map)
        where TWire : class =>
        values.Count == 0 ? null : values.Select(map).ToArray();
}
