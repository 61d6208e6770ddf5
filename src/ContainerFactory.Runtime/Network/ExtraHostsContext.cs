namespace ContainerFactory.Runtime.Network;

/// <summary>The facts extraHosts resolution needs, gathered by the caller before the pure resolution.</summary>
/// <param name="Mode">The container's network mode; <c>host_ip</c> and <c>container_*</c> resolve only in bridge mode.</param>
/// <param name="BridgeName">The bridge <c>host_ip</c> refers to, e.g. <c>kanto-cm0</c>.</param>
/// <param name="HostAddresses">The host's interface addresses (<see cref="HostNetworkProbe.TryReadAddresses"/>).</param>
/// <param name="FindPeers">
/// The containers whose host name equals the argument and that have network settings (started at least once),
/// excluding the container being resolved. Called once per <c>container_&lt;hostname&gt;</c> entry.
/// </param>
public sealed record ExtraHostsContext(
    ContainerNetworkMode Mode,
    string BridgeName,
    IReadOnlyList<HostInterfaceAddress> HostAddresses,
    Func<string, IReadOnlyList<ContainerPeer>> FindPeers);
