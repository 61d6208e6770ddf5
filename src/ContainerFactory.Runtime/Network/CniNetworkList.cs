namespace ContainerFactory.Runtime.Network;

/// <summary>A CNI network configuration list (a <c>.conflist</c>): plugins run in order on ADD/CHECK, in reverse on DEL.</summary>
public sealed record CniNetworkList
{
    /// <summary>CNI spec version of the list and every plugin's stdin; <c>1.0.0</c> (plugins 1.1.1 support it, and CHECK needs ≥ 0.4.0).</summary>
    public required string CniVersion { get; init; }

    /// <summary>Network name; seeds host-local's data folder and the plugins' iptables chain names.</summary>
    public required string Name { get; init; }

    /// <summary>The chained plugins, first to last.</summary>
    public required IReadOnlyList<CniPluginConfig> Plugins { get; init; }
}
