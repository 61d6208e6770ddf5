using System.Net;

namespace ContainerFactory.Runtime.Network;

/// <summary>One address assigned to a host interface, as <c>ip -br addr</c> shows it.</summary>
/// <param name="Interface">Interface name, e.g. <c>eth0</c>, <c>kanto-cm0</c>.</param>
/// <param name="Address">IPv4 or IPv6 address.</param>
/// <param name="PrefixLength">Prefix length of the address's subnet (0–32 for IPv4, 0–128 for IPv6).</param>
public sealed record HostInterfaceAddress(string Interface, IPAddress Address, int PrefixLength);
