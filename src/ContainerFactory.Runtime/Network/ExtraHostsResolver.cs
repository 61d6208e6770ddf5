using System.Net;
using System.Net.Sockets;

namespace ContainerFactory.Runtime.Network;

/// <summary>
/// Resolves Kanto's extraHosts entries into hosts lines (kanto-protocol.md §3.8, Kanto's
/// <c>resolveToHostIPOnInterface</c>). Pure. Each entry is trimmed and split on <c>:</c> into exactly a name and a
/// value; the value is then, in this order:
/// <list type="bullet">
/// <item><c>host_ip_</c> alone → skipped (an interface name must follow the prefix);</item>
/// <item><c>host_ip_&lt;iface&gt;</c> → the first non-loopback IPv4 of &lt;iface&gt; (any network mode);</item>
/// <item><c>host_ip</c> → the first non-loopback IPv4 of the bridge; skipped in host mode;</item>
/// <item><c>container_&lt;hostname&gt;</c> in bridge mode → the bridge address of the one container with that host name;
/// skipped when none, several, or a host-mode one match (in host mode the value is not reserved and is used verbatim,
/// as in Kanto);</item>
/// <item>anything else → verbatim.</item>
/// </list>
/// A malformed entry fails the whole resolution (Kanto fails the start); an unresolvable one is skipped. One safety
/// addition: a name or value with whitespace or control characters is skipped, as it would corrupt the hosts file.
/// </summary>
public static class ExtraHostsResolver
{
    private const string HostIp = "host_ip";
    private const string HostIpPrefix = "host_ip_";
    private const string ContainerPrefix = "container_";

    /// <summary>Resolves every entry; see the type's summary. Fails with <see cref="RuntimeErrorKind.InvalidArgument"/> on a malformed entry.</summary>
    public static RuntimeResult<ExtraHostsResolution> Resolve(IReadOnlyList<string> extraHosts, ExtraHostsContext context)
    {
        ArgumentNullException.ThrowIfNull(extraHosts);
        ArgumentNullException.ThrowIfNull(context);
        var entries = new List<HostsEntry>();
        var skipped = new List<ExtraHostIssue>();
        foreach (string entry in extraHosts)
        {
            string[] parts = (entry ?? "").Trim().Split(':');
            if (parts.Length != 2)
            {
                return new RuntimeError(RuntimeErrorKind.InvalidArgument, $"extra host \"{entry}\" is incorrectly defined: expected <name>:<ip>");
            }

            (string? address, string? reason) = ResolveValue(parts[1], context);
            if (address is null || !IsPlain(parts[0]) || !IsPlain(address))
            {
                skipped.Add(new ExtraHostIssue(entry!, reason ?? "name and address must be non-empty and free of whitespace"));
                continue;
            }

            entries.Add(new HostsEntry(address, parts[0]));
        }

        return new ExtraHostsResolution(entries, skipped);
    }

    /// <summary>The first non-loopback IPv4 address of <paramref name="interfaceName"/>, or null.</summary>
    public static IPAddress? FirstIpv4(IReadOnlyList<HostInterfaceAddress> addresses, string interfaceName)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        return addresses.FirstOrDefault(a =>
            a.Interface == interfaceName && a.Address.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a.Address))?.Address;
    }

    private static (string? Address, string? Reason) ResolveValue(string value, ExtraHostsContext context)
    {
        if (value == HostIpPrefix)
        {
            return (null, "an interface name must follow the reserved host_ip_ prefix, e.g. host_ip_eth0 (or use host_ip for the bridge)");
        }

        if (value.StartsWith(HostIpPrefix, StringComparison.Ordinal))
        {
            return InterfaceAddress(value[HostIpPrefix.Length..], context);
        }

        if (value == HostIp)
        {
            return context.Mode == ContainerNetworkMode.Bridge
                ? InterfaceAddress(context.BridgeName, context)
                : (null, "host_ip resolves only for containers in bridge network mode");
        }

        if (context.Mode == ContainerNetworkMode.Bridge && value.StartsWith(ContainerPrefix, StringComparison.Ordinal) && value.Length > ContainerPrefix.Length)
        {
            return PeerAddress(value[ContainerPrefix.Length..], context);
        }

        return (value, null);
    }

    private static (string? Address, string? Reason) InterfaceAddress(string interfaceName, ExtraHostsContext context)
    {
        IPAddress? address = FirstIpv4(context.HostAddresses, interfaceName);
        return address is null ? (null, $"interface {interfaceName} has no non-loopback IPv4 address") : (address.ToString(), null);
    }

    private static (string? Address, string? Reason) PeerAddress(string hostName, ExtraHostsContext context)
    {
        IReadOnlyList<ContainerPeer> peers = context.FindPeers(hostName);
        if (peers.FirstOrDefault(p => p.BridgeAddress is null) is ContainerPeer notBridged)
        {
            return (null, $"container {notBridged.ContainerId} with host name {hostName} is not in bridge network mode; use host_ip instead");
        }

        return peers.Count switch
        {
            0 => (null, $"no bridge-connected container has the host name {hostName}"),
            1 => (peers[0].BridgeAddress, null),
            _ => (null, $"{peers.Count} containers have the host name {hostName}; expected exactly one"),
        };
    }

    private static bool IsPlain(string text) =>
        text.Length > 0 && !text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
}
