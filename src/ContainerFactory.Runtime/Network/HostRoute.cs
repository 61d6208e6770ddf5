namespace ContainerFactory.Runtime.Network;

/// <summary>One IPv4 route of the host's main table (a row of <c>/proc/net/route</c>).</summary>
/// <param name="Interface">Outgoing interface, e.g. <c>eth0</c>.</param>
/// <param name="Destination">Destination network; <c>0.0.0.0/0</c> for the default route.</param>
public sealed record HostRoute(string Interface, Ipv4Subnet Destination);
