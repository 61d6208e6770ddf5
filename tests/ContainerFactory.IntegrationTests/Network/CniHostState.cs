namespace ContainerFactory.IntegrationTests.Network;

/// <summary>
/// What CNI plugins change on the host beyond one container — the portmap plugin's shared nat chains and
/// <c>ip_forward</c> — captured before a suite and put back after it.
/// </summary>
internal sealed class CniHostState
{
    private const string IpForward = "/proc/sys/net/ipv4/ip_forward";
    private static readonly string[] SharedChains = ["CNI-HOSTPORT-DNAT", "CNI-HOSTPORT-MASQ", "CNI-HOSTPORT-SETMARK"];
    private readonly string _ipForwardBefore;
    private readonly bool _sharedChainsBefore;

    private CniHostState(string ipForwardBefore, bool sharedChainsBefore) =>
        (_ipForwardBefore, _sharedChainsBefore) = (ipForwardBefore, sharedChainsBefore);

    /// <summary>The host's state now.</summary>
    public static CniHostState Capture() => new(
        File.ReadAllText(IpForward).Trim(),
        HostTool.NatRules().Contains(":CNI-HOSTPORT-DNAT", StringComparison.Ordinal));

    /// <summary>
    /// Removes the shared chains when they were not there before and puts <c>ip_forward</c> back — unless another suite
    /// running in parallel holds CNI attachments of its own: then its rules stay in the shared chains and it may need
    /// forwarding, so both are left alone. Per-container rules of bridge and portmap carry the comment
    /// <c>name: "&lt;net&gt;" id: "&lt;container&gt;"</c>.
    /// </summary>
    public void Restore()
    {
        if (HostTool.NatRules().Contains("id: \\\"", StringComparison.Ordinal))
        {
            return;
        }

        if (!_sharedChainsBefore)
        {
            RemoveSharedChains();
        }

        File.WriteAllText(IpForward, _ipForwardBefore);
    }

    private static void RemoveSharedChains()
    {
        _ = HostTool.Run("iptables", "-t", "nat", "-D", "PREROUTING", "-m", "addrtype", "--dst-type", "LOCAL", "-j", "CNI-HOSTPORT-DNAT");
        _ = HostTool.Run("iptables", "-t", "nat", "-D", "OUTPUT", "-m", "addrtype", "--dst-type", "LOCAL", "-j", "CNI-HOSTPORT-DNAT");
        _ = HostTool.Run("iptables", "-t", "nat", "-D", "POSTROUTING", "-m", "comment", "--comment", "CNI portfwd requiring masquerade", "-j", "CNI-HOSTPORT-MASQ");
        foreach (string chain in SharedChains)
        {
            _ = HostTool.Run("iptables", "-t", "nat", "-F", chain);
        }

        foreach (string chain in SharedChains)
        {
            _ = HostTool.Run("iptables", "-t", "nat", "-X", chain);
        }
    }
}
