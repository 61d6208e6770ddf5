namespace ContainerFactory.Config.Containers;

/// <summary>A published port or host port range (bridge network mode only).</summary>
/// <param name="Protocol">Transport protocol; default <see cref="PortProtocol.Tcp"/>.</param>
/// <param name="ContainerPort">Port inside the container, 1–65535.</param>
/// <param name="HostIP">Host address to bind, an IPv4 or IPv6 literal; default <c>0.0.0.0</c>.</param>
/// <param name="HostPort">First host port, 1–65535.</param>
/// <param name="HostPortEnd">Last host port of the range, ≥ <paramref name="HostPort"/>; defaults to <paramref name="HostPort"/>.</param>
public sealed record PortMapping(PortProtocol Protocol, ushort ContainerPort, string HostIP, ushort HostPort, ushort HostPortEnd);
