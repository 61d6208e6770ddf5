using System.Net;

namespace ContainerFactory.Runtime.Network;

/// <summary>The subnet and gateway the bridge network uses, and why (see <see cref="SubnetChoice"/>).</summary>
/// <param name="Subnet">The containers' subnet, e.g. 172.17.0.0/16.</param>
/// <param name="Gateway">The bridge's own address and the containers' default route, e.g. 172.17.0.1.</param>
/// <param name="Source">Which rule picked the subnet.</param>
public sealed record BridgeSubnet(Ipv4Subnet Subnet, IPAddress Gateway, SubnetSource Source);
