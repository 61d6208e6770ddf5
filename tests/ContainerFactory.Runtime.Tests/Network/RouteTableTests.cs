using ContainerFactory.Runtime.Network;

namespace ContainerFactory.Runtime.Tests.Network;

public sealed class RouteTableTests
{
    // /proc/net/route of a little-endian host with a default route, a LAN and docker0 (tabs as the kernel prints them).
    private const string LittleEndianSample =
        "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT                                                       \n"
        + "eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0                                                                               \n"
        + "eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0                                                                               \n"
        + "docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0                                                                            \n"
        + "garbage line\n";

    [Fact]
    public void ParseProcNetRoute_LittleEndianSample_ReadsEveryRoute()
    {
        IReadOnlyList<HostRoute> routes = RouteTable.ParseProcNetRoute(LittleEndianSample, littleEndian: true);

        Assert.Equal(["eth0 0.0.0.0/0", "eth0 192.0.2.0/24", "docker0 172.17.0.0/16"], routes.Select(r => $"{r.Interface} {r.Destination}"));
    }

    [Fact]
    public void ParseProcNetRoute_BigEndianHost_ReadsTheValueAsIs()
    {
        IReadOnlyList<HostRoute> routes = RouteTable.ParseProcNetRoute("eth0\tC0000200\t00000000\t0001\t0\t0\t0\tFFFFFF00\t0\t0\t0\n", littleEndian: false);

        Assert.Equal("192.0.2.0/24", Assert.Single(routes).Destination.ToString());
    }

    [Fact]
    public void ParseProcNetRoute_Empty_ReturnsNothing()
    {
        Assert.Empty(RouteTable.ParseProcNetRoute(""));
    }
}
