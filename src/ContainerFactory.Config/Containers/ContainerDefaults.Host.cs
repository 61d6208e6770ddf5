using ContainerFactory.Config.Kanto;

namespace ContainerFactory.Config.Containers;

public static partial class ContainerDefaults
{
    /// <summary>Network mode: "" or null → bridge; <c>bridge/BRIDGE/host/HOST</c> in any case.</summary>
    public static NetworkMode ToNetworkMode(string? wire) =>
        KantoNames.TryParse(wire, out NetworkMode mode) ? mode : NetworkMode.Bridge;

    /// <summary>Mount point: propagation "" → rprivate; any case of the six modes is kept (not Kanto's lowercase-to-rprivate quirk).</summary>
    public static MountPoint ToMountPoint(KantoMountPoint? wire) => new(
        wire?.Source ?? "",
        wire?.Destination ?? "",
        KantoNames.TryParse(wire?.PropagationMode, out PropagationMode mode) ? mode : PropagationMode.RPrivate);

    /// <summary>Device: pathInContainer "" → pathOnHost; cgroupPermissions "" → <c>rwm</c>.</summary>
    public static DeviceMapping ToDeviceMapping(KantoDeviceMapping? wire)
    {
        var onHost = wire?.PathOnHost ?? "";
        return new DeviceMapping(onHost, OrDefault(wire?.PathInContainer, onHost), OrDefault(wire?.CgroupPermissions, "rwm"));
    }

    /// <summary>Port mapping: proto "" → tcp; hostIP "" → <c>0.0.0.0</c>; hostPortEnd 0 → hostPort.</summary>
    public static PortMapping ToPortMapping(KantoPortMapping? wire)
    {
        var hostPort = wire?.HostPort ?? 0;
        return new PortMapping(
            KantoNames.TryParse(wire?.Proto, out PortProtocol protocol) ? protocol : PortProtocol.Tcp,
            wire?.ContainerPort ?? 0,
            OrDefault(wire?.HostIP, "0.0.0.0"),
            hostPort,
            wire?.HostPortEnd is > 0 and var end ? end : hostPort);
    }

    /// <summary>Capabilities in canonical <c>CAP_*</c> form; names that are not capabilities are dropped (validation reports them).</summary>
    public static IReadOnlyList<string> ToCapabilities(IReadOnlyList<string?>? wire)
    {
        var capabilities = new List<string>();
        foreach (var name in wire ?? [])
        {
            if (LinuxCapabilities.TryNormalize(name, out var canonical))
            {
                capabilities.Add(canonical);
            }
        }

        return capabilities;
    }

    /// <summary>Decryption: null → <see cref="Decryption.None"/>; null elements → "".</summary>
    public static Decryption ToDecryption(KantoDecryption? wire) =>
        wire is null ? Decryption.None : new Decryption(ToStrings(wire.Keys), ToStrings(wire.Recipients));
}
