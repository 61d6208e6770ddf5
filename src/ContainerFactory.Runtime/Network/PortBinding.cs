namespace ContainerFactory.Runtime.Network;

/// <summary>
/// A requested port mapping in Kanto's terms (kanto-protocol.md §3.4 <c>portMappings[]</c>, after defaults):
/// host ports <see cref="HostPort"/>..<see cref="HostPortEnd"/> on <see cref="HostIP"/> → <see cref="ContainerPort"/>.
/// </summary>
/// <param name="Protocol"><c>tcp</c> (Kanto's default), <c>udp</c> or <c>sctp</c>, any case.</param>
/// <param name="HostPort">First host port; 0 with <paramref name="HostPortEnd"/> 0 asks for any free port of 49153–60999.</param>
/// <param name="HostPortEnd">Last host port; 0 or equal to <paramref name="HostPort"/> for a single port.</param>
/// <param name="ContainerPort">Container port, 1–65535.</param>
/// <param name="HostIP">Host address to bind; empty or <c>0.0.0.0</c> (Kanto's default) for every address.</param>
public sealed record PortBinding(string Protocol, int HostPort, int HostPortEnd, int ContainerPort, string HostIP = "");
