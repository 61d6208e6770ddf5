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
    private readonly CniHostState _hostBefore;

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
        _hostBefore = CniHostState.Capture();
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

        _hostBefore.Restore();

        Directory.Delete(Root, recursive: true);
    }

    private static void RemoveBridge()
    {
        if (HostTool.LinkExists(BridgeName))
        {
            _ = HostTool.Run("ip", "link", "delete", BridgeName, "type", "bridge");
        }
    }
}
