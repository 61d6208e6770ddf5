namespace ContainerFactory.Runtime.Network;

/// <summary>A route in an IPAM configuration or a CNI result.</summary>
/// <param name="Dst">Destination CIDR, e.g. <c>0.0.0.0/0</c>.</param>
/// <param name="Gw">Next hop; null (omitted) for the default gateway.</param>
public sealed record CniRoute(string Dst, string? Gw = null);
