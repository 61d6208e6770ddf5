using System.Net;
using ContainerFactory.Runtime.Network;

namespace ContainerFactory.Runtime.Tests.Network;

public sealed class CniConfigFactoryTests
{
    public static TheoryData<string> Cases => ["bridge-default", "bridge-existing-address", "bridge-test", "loopback"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void ToConflistJson_Case_MatchesGoldenFile(string name)
    {
        CniNetworkList list = Build(name);

        string json = CniConfigFactory.ToConflistJson(list);

        Assert.Equal(CniTestData.Text($"{name}.conflist"), json + "\n");
    }

    [Fact]
    public void Bridge_DefaultOptions_ChainsBridgeThenPortmapUnderOneName()
    {
        CniNetworkList list = CniConfigFactory.Bridge(CniTestData.DefaultOptions, CniTestData.DockerSubnet);

        Assert.Equal(("1.0.0", "container-factory"), (list.CniVersion, list.Name));
        Assert.Equal(["bridge", "portmap"], list.Plugins.Select(p => p.Type));
        Assert.Equal("/var/lib/container-factory/cni/ipam", list.Plugins[0].Ipam!.DataDir);
    }

    private static CniNetworkList Build(string name) => name switch
    {
        "bridge-default" => CniConfigFactory.Bridge(CniTestData.DefaultOptions, CniTestData.DockerSubnet),
        "bridge-existing-address" => CniConfigFactory.Bridge(
            CniTestData.DefaultOptions,
            new BridgeSubnet(Ipv4Subnet.Of(IPAddress.Parse("10.77.3.9"), 22), IPAddress.Parse("10.77.3.9"), SubnetSource.Bridge)),
        "bridge-test" => CniConfigFactory.Bridge(
            new NetworkOptions { BridgeName = "cftest0", NetworkName = "cftest", StateDir = "/tmp/cf-net/state", Mtu = 1400 },
            new BridgeSubnet(Ipv4Subnet.Of(IPAddress.Parse("10.213.0.0"), 24), IPAddress.Parse("10.213.0.1"), SubnetSource.Configured)),
        "loopback" => CniConfigFactory.Loopback(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
