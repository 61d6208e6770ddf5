using ContainerFactory.Runtime.Network;

namespace ContainerFactory.Runtime.Tests.Network;

public sealed class ResolvConfFileTests
{
    public static TheoryData<string, string> BridgeTable => new()
    {
        // host file → container file
        { "nameserver 10.255.255.53\n", "nameserver 10.255.255.53\n" },
        { "# managed\nsearch corp.example\nnameserver 127.0.0.53\noptions edns0 trust-ad\n", "# managed\nsearch corp.example\noptions edns0 trust-ad\nnameserver 8.8.8.8\nnameserver 8.8.4.4\n" },
        { "nameserver 127.0.1.1\nnameserver 192.0.2.53\nnameserver ::1\n", "nameserver 192.0.2.53\n" },
        { "nameserver fd00::53\nnameserver fe80::1%eth0\nnameserver 192.0.2.53", "nameserver 192.0.2.53\n" },
        { "nameserver fd00::53\n", "nameserver 8.8.8.8\nnameserver 8.8.4.4\n" },
        { "", "nameserver 8.8.8.8\nnameserver 8.8.4.4\n" },
        { "#nameserver 192.0.2.53\n", "#nameserver 192.0.2.53\nnameserver 8.8.8.8\nnameserver 8.8.4.4\n" },
        { "nameserver\t192.0.2.53 \r\nsearch a b\r\n", "nameserver\t192.0.2.53 \nsearch a b\n" },
    };

    [Theory]
    [MemberData(nameof(BridgeTable))]
    public void ForBridge_HostFile_DropsLoopbackAndIpv6ServersAndFallsBackToDockersDefaults(string host, string expected)
    {
        Assert.Equal(expected, ResolvConfFile.ForBridge(host));
    }

    [Theory]
    [InlineData("nameserver 127.0.0.53\noptions edns0\n", "/run/systemd/resolve/resolv.conf")]
    [InlineData("nameserver 127.0.0.53\nnameserver 192.0.2.53\n", "/etc/resolv.conf")]
    [InlineData("nameserver 10.255.255.53\n", "/etc/resolv.conf")]
    [InlineData("", "/etc/resolv.conf")]
    public void SourcePath_EtcResolvConf_PrefersSystemdResolvedOnlyForItsLoneStub(string etcResolvConf, string expected)
    {
        Assert.Equal(expected, ResolvConfFile.SourcePath(etcResolvConf));
    }
}
