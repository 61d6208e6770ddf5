namespace ContainerFactory.Runtime.Network;

/// <summary>What <see cref="ContainerNetworking.ConnectAsync"/> needs for one container.</summary>
/// <param name="ContainerId">Container id (also the netns name and the CNI container id).</param>
/// <param name="Mode">Bridge or host.</param>
/// <param name="HostName">Container host name; may be empty.</param>
/// <param name="DomainName">Container domain name; may be empty.</param>
/// <param name="ExtraHosts">Kanto extraHosts entries; empty for none.</param>
/// <param name="Ports">Port mappings (bridge mode only; Kanto's validation rejects them in host mode).</param>
/// <param name="ReservedHostPorts">Host ports to keep free besides those other attached containers forward (<see cref="HostPortAllocator.Key"/>); empty for none.</param>
/// <param name="FilesDirectory">Folder for the container's hosts/hostname/resolv.conf.</param>
/// <param name="FindPeers">Lookup for <c>container_&lt;hostname&gt;</c> (see <see cref="ExtraHostsContext.FindPeers"/>).</param>
public sealed record ConnectRequest(
    string ContainerId,
    ContainerNetworkMode Mode,
    string HostName,
    string DomainName,
    IReadOnlyList<string> ExtraHosts,
    IReadOnlyList<PortBinding> Ports,
    IReadOnlySet<string> ReservedHostPorts,
    string FilesDirectory,
    Func<string, IReadOnlyList<ContainerPeer>> FindPeers);
