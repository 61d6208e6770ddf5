namespace ContainerFactory.Runtime.Network;

/// <summary>
/// One host port forwarded to one container port: an entry of the portmap plugin's <c>portMappings</c> capability
/// (CNI CONVENTIONS.md) and of <see cref="NetworkAttachment.PortMappings"/>. Port ranges are not a CNI concept; see
/// <see cref="HostPortAllocator"/> for how a Kanto range becomes one of these.
/// </summary>
public sealed record PortMapping
{
    /// <summary>Host port, 1–65535.</summary>
    public required int HostPort { get; init; }

    /// <summary>Container port, 1–65535.</summary>
    public required int ContainerPort { get; init; }

    /// <summary><c>tcp</c>, <c>udp</c> or <c>sctp</c> (lowercase).</summary>
    public required string Protocol { get; init; }

    /// <summary>Host address the mapping is limited to; null (omitted on the wire) for every host address.</summary>
    public string? HostIP { get; init; }
}
