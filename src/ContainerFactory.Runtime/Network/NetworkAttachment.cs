using System.Net;
using System.Net.Sockets;

namespace ContainerFactory.Runtime.Network;

/// <summary>
/// A container's place on the bridge network after CNI ADD. The agent keeps it in a containerd label
/// (JSON through <see cref="NetworkJson"/>) for <c>container_&lt;hostname&gt;</c> lookups and port bookkeeping.
/// </summary>
public sealed record NetworkAttachment
{
    /// <summary>The CNI container id the attachment was made for.</summary>
    public required string ContainerId { get; init; }

    /// <summary>The pinned network namespace file, e.g. <c>/run/container-factory/netns/&lt;id&gt;</c>.</summary>
    public required string NetnsPath { get; init; }

    /// <summary>Interface inside the container, e.g. <c>eth0</c>.</summary>
    public required string InterfaceName { get; init; }

    /// <summary>The bridge the veth joined, e.g. <c>kanto-cm0</c>.</summary>
    public required string Bridge { get; init; }

    /// <summary>The container's IPv4 address without prefix, e.g. <c>172.17.0.2</c>.</summary>
    public required string IPAddress { get; init; }

    /// <summary>Prefix length of <see cref="IPAddress"/>'s subnet, e.g. 16.</summary>
    public required int PrefixLength { get; init; }

    /// <summary>The gateway (the bridge's address), e.g. <c>172.17.0.1</c>; empty when the result named none.</summary>
    public required string Gateway { get; init; }

    /// <summary>MAC address of the container's interface; empty when the result named none.</summary>
    public required string MacAddress { get; init; }

    /// <summary>Host ports forwarded to the container, one entry per host port.</summary>
    public required IReadOnlyList<PortMapping> PortMappings { get; init; }

    /// <summary>
    /// Reads the container's IPv4 address, gateway and MAC from an ADD result: the first IPv4 entry whose interface is
    /// <paramref name="interfaceName"/> inside a sandbox, else the first IPv4 entry. Fails with
    /// <see cref="RuntimeErrorKind.Internal"/> when the result holds no IPv4 address.
    /// </summary>
    public static RuntimeResult<NetworkAttachment> FromResult(
        CniResult result,
        string containerId,
        string netnsPath,
        string interfaceName,
        string bridge,
        IReadOnlyList<PortMapping> portMappings)
    {
        ArgumentNullException.ThrowIfNull(result);
        CniIpConfig? chosen = null;
        foreach (CniIpConfig ip in result.Ips)
        {
            if (!TrySplit(ip.Address, out _, out _))
            {
                continue;
            }

            chosen ??= ip;
            CniInterface? owner = InterfaceOf(result, ip);
            if (owner is { Sandbox: not null } && owner.Name == interfaceName)
            {
                chosen = ip;
                break;
            }
        }

        if (chosen is null || !TrySplit(chosen.Address, out IPAddress? address, out int prefix))
        {
            return new RuntimeError(RuntimeErrorKind.Internal, $"CNI result for {containerId} holds no IPv4 address");
        }

        return new NetworkAttachment
        {
            ContainerId = containerId,
            NetnsPath = netnsPath,
            InterfaceName = interfaceName,
            Bridge = bridge,
            IPAddress = address.ToString(),
            PrefixLength = prefix,
            Gateway = chosen.Gateway ?? "",
            MacAddress = InterfaceOf(result, chosen)?.Mac ?? "",
            PortMappings = portMappings,
        };
    }

    private static CniInterface? InterfaceOf(CniResult result, CniIpConfig ip) =>
        ip.Interface is int index && index >= 0 && index < result.Interfaces.Count ? result.Interfaces[index] : null;

    private static bool TrySplit(string cidr, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IPAddress? address, out int prefix)
    {
        address = null;
        prefix = 0;
        int slash = cidr.IndexOf('/', StringComparison.Ordinal);
        return slash > 0
            && System.Net.IPAddress.TryParse(cidr.AsSpan(0, slash), out address)
            && address.AddressFamily == AddressFamily.InterNetwork
            && int.TryParse(cidr.AsSpan(slash + 1), out prefix)
            && prefix is >= 0 and <= 32;
    }
}
