namespace ContainerFactory.Agent.Settings;

/// <summary>Network settings (PRODUCT.md §3).</summary>
/// <param name="Bridge">Bridge interface. Default <c>kanto-cm0</c>.</param>
/// <param name="Subnet">IPv4 subnet of a new bridge; empty (default) uses the bridge's address or 172.17.0.0/16.</param>
/// <param name="CniBinDir">Folder of the CNI plugins. Default <c>/usr/lib/cni</c> (Debian's containernetworking-plugins).</param>
public sealed record NetworkSettings(
    string Bridge = "kanto-cm0",
    string Subnet = "",
    string CniBinDir = "/usr/lib/cni");
