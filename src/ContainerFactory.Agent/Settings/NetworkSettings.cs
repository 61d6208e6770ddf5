namespace ContainerFactory.Agent.Settings;

/// <summary>Network settings (PRODUCT.md §3).</summary>
public sealed record NetworkSettings
{
    /// <summary>Bridge interface. Default <c>kanto-cm0</c>.</summary>
    public string Bridge { get; init; } = "kanto-cm0";

    /// <summary>IPv4 subnet of a new bridge; empty (default) uses the bridge's address or 172.17.0.0/16.</summary>
    public string Subnet { get; init; } = "";

    /// <summary>Folder of the CNI plugins. Default <c>/usr/lib/cni</c> (Debian's containernetworking-plugins).</summary>
    public string CniBinDir { get; init; } = "/usr/lib/cni";
}
