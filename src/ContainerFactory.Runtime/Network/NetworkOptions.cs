namespace ContainerFactory.Runtime.Network;

/// <summary>
/// Settings of the container bridge network (PRODUCT.md §4 <c>network</c> and <c>paths</c>). Immutable; every member
/// has a default. Tests point <see cref="BridgeName"/>, <see cref="Subnet"/>, <see cref="NetworkName"/> and the two
/// folders at their own values so they never touch a real <c>kanto-cm0</c>.
/// </summary>
public sealed record NetworkOptions
{
    /// <summary>Linux bridge the containers' veths join; created by the bridge plugin when missing. Default <c>kanto-cm0</c>.</summary>
    public string BridgeName { get; init; } = "kanto-cm0";

    /// <summary>
    /// IPv4 subnet in CIDR form for a bridge that has no address yet. Default empty: the first of 172.17.0.0/16 …
    /// 172.31.0.0/16, 192.168.0.0/20 … 192.168.240.0/20 that no host route overlaps (see <see cref="SubnetChoice"/>).
    /// </summary>
    public string Subnet { get; init; } = "";

    /// <summary>Folder holding the CNI plugin binaries. Default <c>/usr/lib/cni</c> (Debian's; upstream uses /opt/cni/bin).</summary>
    public string CniBinDir { get; init; } = "/usr/lib/cni";

    /// <summary>
    /// The agent's persistent state folder. The host-local IPAM allocations (<c>&lt;state&gt;/cni/ipam</c>) and the cached
    /// ADD results (<c>&lt;state&gt;/cni/results</c>) live here so that a DEL after an agent restart or a reboot still
    /// releases the address. Default <c>/var/lib/container-factory</c>.
    /// </summary>
    public string StateDir { get; init; } = "/var/lib/container-factory";

    /// <summary>The agent's runtime folder (tmpfs); pinned network namespaces live in <c>&lt;run&gt;/netns</c>. Default <c>/run/container-factory</c>.</summary>
    public string RunDir { get; init; } = "/run/container-factory";

    /// <summary>
    /// CNI network name: the host-local data sub-folder and the seed of the plugins' iptables chain names and comments
    /// (<c>name: "&lt;net&gt;" id: "&lt;container&gt;"</c>). Default <c>container-factory</c>.
    /// </summary>
    public string NetworkName { get; init; } = "container-factory";

    /// <summary>Interface name of the veth end inside the container. Default <c>eth0</c>.</summary>
    public string InterfaceName { get; init; } = "eth0";

    /// <summary>MTU of the bridge and the veths. Default 1500 (Kanto's bridge), range 68–65535.</summary>
    public int Mtu { get; init; } = 1500;

    /// <summary>Deadline of one plugin execution; the plugin is killed when it passes. Default 10 s; must be positive.</summary>
    public TimeSpan PluginTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary><c>&lt;state&gt;/cni/ipam</c>: the host-local <c>dataDir</c>.</summary>
    public string IpamDataDir => Path.Combine(StateDir, "cni", "ipam");

    /// <summary><c>&lt;state&gt;/cni/lock</c>: taken by every process around its CNI operations (see <see cref="HostFileLock"/>).</summary>
    public string LockFile => Path.Combine(StateDir, "cni", "lock");

    /// <summary><c>&lt;state&gt;/cni/results</c>: one cached ADD result per attachment (libcni keeps them in /var/lib/cni/results).</summary>
    public string ResultCacheDir => Path.Combine(StateDir, "cni", "results");

    /// <summary><c>&lt;run&gt;/netns</c>: one bind-mounted network namespace file per container.</summary>
    public string NetnsDir => Path.Combine(RunDir, "netns");
}
