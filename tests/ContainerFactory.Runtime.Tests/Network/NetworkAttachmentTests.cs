using System.Text;
using System.Text.Json;
using ContainerFactory.Runtime.Network;

namespace ContainerFactory.Runtime.Tests.Network;

public sealed class NetworkAttachmentTests
{
    private static readonly IReadOnlyList<PortMapping> Ports = [new PortMapping { HostPort = 18081, ContainerPort = 80, Protocol = "tcp", HostIP = "127.0.0.1" }];

    [Fact]
    public void FromResult_CapturedBridgeResult_ReadsTheSandboxInterface()
    {
        CniResult result = JsonSerializer.Deserialize(CniTestData.Bytes("results", "bridge-add.json"), NetworkJson.Default.CniResult)!;

        NetworkAttachment attachment = NetworkAttachment.FromResult(result, "cap1", "/run/container-factory/netns/cap1", "eth0", "cftest0", Ports).Value;

        Assert.Equal(
            ("10.213.0.2", 24, "10.213.0.1", "32:30:6f:76:d7:5d"),
            (attachment.IPAddress, attachment.PrefixLength, attachment.Gateway, attachment.MacAddress));
        Assert.Equal(CniTestData.Text("attachment.json").TrimEnd('\n'), JsonSerializer.Serialize(attachment, NetworkJson.Default.NetworkAttachment));
    }

    [Fact]
    public void FromResult_Ipv6FirstAndHostInterfaceFirst_PrefersTheSandboxIpv4()
    {
        var result = new CniResult
        {
            Interfaces = [new("br0", "aa:aa:aa:aa:aa:aa"), new("eth0", "bb:bb:bb:bb:bb:bb", "/ns"), new("eth1", null, "/ns")],
            Ips = [new("fd00::2/64", "fd00::1", 1), new("10.0.0.2/24", "10.0.0.1", 0), new("10.1.0.2/16", null, 2), new("10.2.0.2/24", "10.2.0.1", 1)],
        };

        NetworkAttachment attachment = NetworkAttachment.FromResult(result, "c", "/ns", "eth0", "br0", []).Value;

        Assert.Equal(("10.2.0.2", 24, "10.2.0.1", "bb:bb:bb:bb:bb:bb"), (attachment.IPAddress, attachment.PrefixLength, attachment.Gateway, attachment.MacAddress));
    }

    [Fact]
    public void FromResult_NoInterfaceIndex_FallsBackToTheFirstIpv4WithEmptyMac()
    {
        var result = new CniResult { Ips = [new("10.0.0.2/24")] };

        NetworkAttachment attachment = NetworkAttachment.FromResult(result, "c", "/ns", "eth0", "br0", []).Value;

        Assert.Equal(("10.0.0.2", 24, "", ""), (attachment.IPAddress, attachment.PrefixLength, attachment.Gateway, attachment.MacAddress));
    }

    [Fact]
    public void FromResult_NoIpv4_FailsWithInternal()
    {
        var result = new CniResult { Ips = [new("fd00::2/64"), new("garbage")] };

        RuntimeResult<NetworkAttachment> attachment = NetworkAttachment.FromResult(result, "c1", "/ns", "eth0", "br0", []);

        Assert.Equal(new RuntimeError(RuntimeErrorKind.Internal, "CNI result for c1 holds no IPv4 address"), attachment.Error);
    }

    [Fact]
    public void Json_RoundTrip_KeepsEveryMember()
    {
        byte[] json = Encoding.UTF8.GetBytes(CniTestData.Text("attachment.json"));

        NetworkAttachment attachment = JsonSerializer.Deserialize(json, NetworkJson.Default.NetworkAttachment)!;

        Assert.Equal(CniTestData.Text("attachment.json").TrimEnd('\n'), JsonSerializer.Serialize(attachment, NetworkJson.Default.NetworkAttachment));
        Assert.Equal(Ports, attachment.PortMappings);
    }
}
