namespace ContainerFactory.Runtime.Network;

/// <summary>Everything <see cref="ContainerNetworkFiles.Compose"/> needs.</summary>
/// <param name="Mode">Bridge or host.</param>
/// <param name="HostName">The container's host name; may be empty (then no own hosts line).</param>
/// <param name="DomainName">The container's domain; may be empty.</param>
/// <param name="ExtraHosts">Resolved extraHosts lines (<see cref="ExtraHostsResolver"/>).</param>
/// <param name="ContainerAddress">The container's bridge IPv4 address; null in host mode.</param>
/// <param name="Host">The host's files.</param>
public sealed record NetworkFilesSpec(
    ContainerNetworkMode Mode,
    string HostName,
    string DomainName,
    IReadOnlyList<HostsEntry> ExtraHosts,
    string? ContainerAddress,
    HostNetworkFiles Host);
