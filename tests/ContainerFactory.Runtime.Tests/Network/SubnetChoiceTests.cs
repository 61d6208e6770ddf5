using System.Net;
using ContainerFactory.Runtime.Network;

namespace ContainerFactory.Runtime.Tests.Network;

public sealed class SubnetChoiceTests
{
    private static readonly HostInterfaceAddress Eth0 = new("eth0", IPAddress.Parse("192.0.2.2"), 24);
    private static readonly HostRoute DefaultRoute = new("eth0", new Ipv4Subnet(0, 0));
    private static readonly HostRoute Eth0Route = new("eth0", Subnet("192.0.2.0/24"));

    public static TheoryData<string, HostInterfaceAddress[], HostRoute[], string> Table => new()
    {
        // configured subnet, host addresses, host routes → "subnet gateway source"
        { "", [Eth0], [DefaultRoute, Eth0Route], "172.17.0.0/16 172.17.0.1 DefaultPool" },
        { "", [Eth0, new("docker0", IPAddress.Parse("172.17.0.1"), 16)], [DefaultRoute, new("docker0", Subnet("172.17.0.0/16"))], "172.18.0.0/16 172.18.0.1 DefaultPool" },
        { "", [Eth0], [new("eth0", Subnet("172.16.0.0/12"))], "192.168.0.0/20 192.168.0.1 DefaultPool" },
        { "", [Eth0], [new("eth0", Subnet("172.17.5.0/24")), new("wg0", Subnet("172.18.0.0/15"))], "172.20.0.0/16 172.20.0.1 DefaultPool" },
        { "", [new("tun0", IPAddress.Parse("172.17.200.7"), 32)], [], "172.18.0.0/16 172.18.0.1 DefaultPool" },
        { "10.213.0.0/24", [Eth0], [DefaultRoute], "10.213.0.0/24 10.213.0.1 Configured" },
        { "10.9.8.77/16", [], [], "10.9.0.0/16 10.9.0.1 Configured" },
        { "10.213.0.0/24", [new("kanto-cm0", IPAddress.Parse("172.17.0.1"), 16)], [], "172.17.0.0/16 172.17.0.1 Bridge" },
        { "", [new("kanto-cm0", IPAddress.Parse("fe80::1"), 64), new("kanto-cm0", IPAddress.Parse("10.1.2.254"), 23)], [], "10.1.2.0/23 10.1.2.254 Bridge" },
        { "", [new("kanto-cm1", IPAddress.Parse("10.1.2.254"), 23)], [], "172.17.0.0/16 172.17.0.1 DefaultPool" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Choose_HostFacts_PicksSubnetAndGateway(string configured, HostInterfaceAddress[] addresses, HostRoute[] routes, string expected)
    {
        BridgeSubnet chosen = SubnetChoice.Choose("kanto-cm0", configured, addresses, routes).Value;

        Assert.Equal(expected, $"{chosen.Subnet} {chosen.Gateway} {chosen.Source}");
    }

    [Theory]
    [InlineData("10.0.0.0")]
    [InlineData("10.0.0.0/31")]
    [InlineData("fd00::/64")]
    [InlineData("10.0/16")]
    [InlineData("bridge")]
    public void Choose_BadConfiguredSubnet_FailsWithInvalidArgument(string configured)
    {
        RuntimeResult<BridgeSubnet> result = SubnetChoice.Choose("kanto-cm0", configured, [], []);

        Assert.Equal(
            new RuntimeError(RuntimeErrorKind.InvalidArgument, $"network subnet \"{configured}\" is not an IPv4 CIDR with a prefix of at most /30"),
            result.Error);
    }

    [Fact]
    public void Choose_EveryPoolRouted_FailsWithFailedPrecondition()
    {
        HostRoute[] routes = [new("eth0", Subnet("172.16.0.0/12")), new("eth1", Subnet("192.168.0.0/16"))];

        RuntimeResult<BridgeSubnet> result = SubnetChoice.Choose("kanto-cm0", "", [], routes);

        Assert.Equal(RuntimeErrorKind.FailedPrecondition, result.Error!.Kind);
    }

    [Fact]
    public void DefaultPools_AreDockersLocalDefaultsInOrder()
    {
        Assert.Equal(31, SubnetChoice.DefaultPools.Count);
        Assert.Equal("172.17.0.0/16", SubnetChoice.DefaultPools[0].ToString());
        Assert.Equal("172.31.0.0/16", SubnetChoice.DefaultPools[14].ToString());
        Assert.Equal("192.168.0.0/20", SubnetChoice.DefaultPools[15].ToString());
        Assert.Equal("192.168.240.0/20", SubnetChoice.DefaultPools[30].ToString());
    }

    private static Ipv4Subnet Subnet(string cidr) => Ipv4Subnet.TryParse(cidr, out Ipv4Subnet subnet) ? subnet : throw new ArgumentException(cidr);
}
