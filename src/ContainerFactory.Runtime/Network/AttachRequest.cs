namespace ContainerFactory.Runtime.Network;

/// <summary>What <see cref="BridgeNetwork.AttachAsync"/> needs for one container.</summary>
/// <param name="ContainerId">CNI container id: letters, digits, <c>_ . -</c>, first a letter or digit, ≤ 128 characters.</param>
/// <param name="NetnsPath">The container's pinned network namespace (<see cref="NetworkNamespaces.TryCreate"/>).</param>
/// <param name="Ports">Requested port mappings; empty for none.</param>
/// <param name="ReservedHostPorts">Host ports to keep free besides those the CNI result cache shows other containers forwarding, as <see cref="HostPortAllocator.Key"/> strings; empty for none.</param>
public sealed record AttachRequest(
    string ContainerId,
    string NetnsPath,
    IReadOnlyList<PortBinding> Ports,
    IReadOnlySet<string> ReservedHostPorts);
