namespace ContainerFactory.Runtime.Network;

/// <summary>One host-local range: a subnet and its gateway (never handed out).</summary>
/// <param name="Subnet">CIDR, e.g. <c>172.17.0.0/16</c>.</param>
/// <param name="Gateway">e.g. <c>172.17.0.1</c>.</param>
public sealed record CniIpamRange(string Subnet, string Gateway);
