namespace ContainerFactory.Runtime.Network;

/// <summary>An address of a CNI result.</summary>
/// <param name="Address">CIDR form, e.g. <c>172.17.0.2/16</c>.</param>
/// <param name="Gateway">Default gateway, e.g. <c>172.17.0.1</c>; may be absent.</param>
/// <param name="Interface">Index into <see cref="CniResult.Interfaces"/>; may be absent.</param>
public sealed record CniIpConfig(string Address, string? Gateway = null, int? Interface = null);
