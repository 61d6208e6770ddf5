using System.Net;
using System.Net.Sockets;

namespace ContainerFactory.Runtime.Network;

/// <summary>
/// Picks the bridge network's IPv4 subnet the way Kanto's libnetwork does (kanto-protocol.md §7.7). Pure: host facts
/// are read first (<see cref="HostNetworkProbe"/>) and passed in.
/// </summary>
public static class SubnetChoice
{
    /// <summary>
    /// Docker's local default pools in order: 172.17.0.0/16 … 172.31.0.0/16, then 192.168.0.0/20 … 192.168.240.0/20.
    /// </summary>
    public static IReadOnlyList<Ipv4Subnet> DefaultPools { get; } = BuildDefaultPools();

    /// <summary>
    /// In order: (1) the bridge's first IPv4 address when it has one — its subnet, the address as gateway, whatever the
    /// setting says (the bridge plugin refuses a second, different gateway address); (2) the configured subnet when not
    /// empty, gateway = first host; (3) the first default pool that overlaps no host route (default routes ignored) and no
    /// host address's subnet. Fails with <see cref="RuntimeErrorKind.InvalidArgument"/> for an unparsable or too small
    /// (&gt; /30) configured subnet and <see cref="RuntimeErrorKind.FailedPrecondition"/> when every pool is taken.
    /// </summary>
    public static RuntimeResult<BridgeSubnet> Choose(
        string bridgeName,
        string configuredSubnet,
        IReadOnlyList<HostInterfaceAddress> hostAddresses,
        IReadOnlyList<HostRoute> hostRoutes)
    {
        ArgumentNullException.ThrowIfNull(hostAddresses);
        ArgumentNullException.ThrowIfNull(hostRoutes);

        HostInterfaceAddress? bridge = hostAddresses.FirstOrDefault(a =>
            a.Interface == bridgeName && a.Address.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a.Address));
        if (bridge is not null)
        {
            return new BridgeSubnet(Ipv4Subnet.Of(bridge.Address, bridge.PrefixLength), bridge.Address, SubnetSource.Bridge);
        }

        if (!string.IsNullOrEmpty(configuredSubnet))
        {
            if (!Ipv4Subnet.TryParse(configuredSubnet, out Ipv4Subnet configured) || configured.PrefixLength > 30)
            {
                return new RuntimeError(
                    RuntimeErrorKind.InvalidArgument,
                    $"network subnet \"{configuredSubnet}\" is not an IPv4 CIDR with a prefix of at most /30");
            }

            return new BridgeSubnet(configured, configured.FirstHost, SubnetSource.Configured);
        }

        List<Ipv4Subnet> taken = [.. hostRoutes.Where(r => r.Destination.PrefixLength > 0).Select(r => r.Destination)];
        taken.AddRange(hostAddresses
            .Where(a => a.Address.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a.Address))
            .Select(a => Ipv4Subnet.Of(a.Address, a.PrefixLength)));
        foreach (Ipv4Subnet pool in DefaultPools)
        {
            if (!taken.Exists(pool.Overlaps))
            {
                return new BridgeSubnet(pool, pool.FirstHost, SubnetSource.DefaultPool);
            }
        }

        return new RuntimeError(
            RuntimeErrorKind.FailedPrecondition,
            $"no free subnet for bridge {bridgeName}: host routes overlap every default pool (172.17-31.0.0/16, 192.168.x.0/20); set network.subnet");
    }

    private static Ipv4Subnet[] BuildDefaultPools()
    {
        var pools = new List<Ipv4Subnet>();
        for (uint second = 17; second <= 31; second++)
        {
            pools.Add(new Ipv4Subnet((172u << 24) | (second << 16), 16));
        }

        for (uint third = 0; third < 256; third += 16)
        {
            pools.Add(new Ipv4Subnet((192u << 24) | (168u << 16) | (third << 8), 20));
        }

        return [.. pools];
    }
}
