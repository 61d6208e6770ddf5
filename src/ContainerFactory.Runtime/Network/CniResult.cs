namespace ContainerFactory.Runtime.Network;

/// <summary>A CNI 1.0.0 ADD result (the members the agent reads; <c>dns</c> and the rest are ignored).</summary>
public sealed record CniResult
{
    /// <summary>The result's spec version.</summary>
    public string? CniVersion { get; init; }

    /// <summary>Interfaces the plugins created or touched: the bridge, the host veth end, the container's interface (with <c>sandbox</c>).</summary>
    public IReadOnlyList<CniInterface> Interfaces { get; init; } = [];

    /// <summary>Assigned addresses; <see cref="CniIpConfig.Interface"/> indexes <see cref="Interfaces"/>.</summary>
    public IReadOnlyList<CniIpConfig> Ips { get; init; } = [];

    /// <summary>Routes put into the container.</summary>
    public IReadOnlyList<CniRoute> Routes { get; init; } = [];
}
