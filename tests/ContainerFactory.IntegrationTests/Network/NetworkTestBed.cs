using ContainerFactory.Runtime.Network;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContainerFactory.IntegrationTests.Network;

/// <summary>
/// A private bridge network for the tests: bridge <c>cftest0</c>, subnet 10.213.0.0/24, network name <c>cftest</c>,
/// state and run folders under a fresh temporary folder — never <c>kanto-cm0</c>. Disposal removes what the plugins
/// leave behind by design (the bridge, the shared CNI-HOSTPORT-* chains when they were not there before) and restores
/// <c>net.ipv4.ip_forward</c>, which the bridge plugin turns on — unless another suite still has CNI rules.
/// </summary>
public sealed class NetworkTestBed : IDisposable
{
    public const string BridgeName = "cftest0";
    public const string NetworkName = "cftest";
    private const string IpForward = "/proc/sys/net/ipv4/ip_forward";
    private static readonly string[] SharedChains = ["CNI-HOSTPORT-DNAT", "CNI-HOSTPORT-MASQ", "CNI-HOSTPORT-SETMARK"];
    private readonly string _ipForwardBefore;
    private readonly bool _sharedChainsBefore;

    public NetworkTestBed()
    {
        Assert.True(Environment.UserName == "root", "the network integration tests need root (netns, CNI plugins, iptables)");
        Assert.True(File.Exists("/usr/lib/cni/bridge"), "CNI plugins missing in /usr/lib/cni; run build/env/install.sh");
        RemoveBridge();
        Root = Directory.CreateTempSubdirectory("cf-net-").FullName;
        Options = new NetworkOptions
        {
            BridgeName = BridgeName,
            Subnet = "10.213.0.0/24",
            NetworkName = NetworkName,
            StateDir = Path.Combine(Root, "state"),
            RunDir = Path.Combine(Root, "run"),
        };
        _ipForwardBefore = File.ReadAllText(IpForward).Trim();
        _sharedChainsBefore = HostTool.NatRules().Contains(":CNI-HOSTPORT-DNAT", StringComparison.Ordinal);
        Networking = new ContainerNetworking(Options, new ProcessCniPluginRunner(), NullLogger.Instance);
    }

    public string Root { get; }

    public NetworkOptions Options { get; }

    public ContainerNetworking Networking { get; }

    public string IpamFile(string address) => Path.Combine(Options.IpamDataDir, NetworkName, address);

    public void Dispose()
    {
        foreach (string netns in Directory.Exists(Options.NetnsDir) ? Directory.GetFiles(Options.NetnsDir) : [])
        {
            _ = Networking.DisconnectAsync(Path.GetFileName(netns), CancellationToken.None).GetAwaiter().GetResult();
        }

        RemoveBridge();

        // Another suite running in parallel may hold CNI attachments of its own: then its rules stay in the shared
        // chains and it may need forwarding, so both are left alone.
        // Per-container rules of bridge and portmap carry the comment 'name: "<net>" id: "<container>"'.
        bool othersUseCni = HostTool.NatRules().Contains("id: \\\"", StringComparison.Ordinal);
        if (!othersUseCni)
        {
            if (!_sharedChainsBefore)
            {
                RemoveSharedChains();
            }

            File.WriteAllText(IpForward, _ipForwardBefore);
        }

        Directory.Delete(Root, recursive: true);
    }

    private static void RemoveBridge()
    {
        if (HostTool.LinkExists(BridgeName))
        {
            _ = HostTool.Run("ip", "link", "delete", BridgeName, "type", "bridge");
        }
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
