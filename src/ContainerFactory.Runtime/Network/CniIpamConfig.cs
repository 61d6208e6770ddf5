namespace ContainerFactory.Runtime.Network;

/// <summary>The host-local IPAM configuration.</summary>
public sealed record CniIpamConfig
{
    /// <summary>IPAM plugin binary: <c>host-local</c>.</summary>
    public required string Type { get; init; }

    /// <summary>Range sets; one set with one range per subnet here.</summary>
    public required IReadOnlyList<IReadOnlyList<CniIpamRange>> Ranges { get; init; }

    /// <summary>Routes put into the container; <c>0.0.0.0/0</c> via the gateway.</summary>
    public required IReadOnlyList<CniRoute> Routes { get; init; }

    /// <summary>Folder of the allocation files (<c>&lt;dataDir&gt;/&lt;network&gt;/&lt;ip&gt;</c>).</summary>
    public required string DataDir { get; init; }
}
