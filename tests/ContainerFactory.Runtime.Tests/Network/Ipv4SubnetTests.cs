using System.Net;
using ContainerFactory.Runtime.Network;

namespace ContainerFactory.Runtime.Tests.Network;

public sealed class Ipv4SubnetTests
{
    [Theory]
    [InlineData("172.17.0.0/16", "172.17.0.0/16", "172.17.0.1")]
    [InlineData("172.17.3.9/16", "172.17.0.0/16", "172.17.0.1")]
    [InlineData("0.0.0.0/0", "0.0.0.0/0", "0.0.0.1")]
    [InlineData("10.1.2.3/32", "10.1.2.3/32", "10.1.2.3")]
    [InlineData("10.1.2.3/31", "10.1.2.2/31", "10.1.2.2")]
    public void TryParse_Cidr_CanonicalizesAndKnowsFirstHost(string text, string canonical, string firstHost)
    {
        Assert.True(Ipv4Subnet.TryParse(text, out Ipv4Subnet subnet));

        Assert.Equal((canonical, firstHost), (subnet.ToString(), subnet.FirstHost.ToString()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/16")]
    [InlineData("10.0.0.0")]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("10.0.0.0/ 8")]
    [InlineData("10/8")]
    [InlineData("::1/128")]
    public void TryParse_NotAnIpv4Cidr_ReturnsFalse(string? text)
    {
        Assert.False(Ipv4Subnet.TryParse(text, out _));
    }

    [Theory]
    [InlineData("172.17.0.0/16", "172.17.5.0/24", true)]
    [InlineData("172.17.5.0/24", "172.17.0.0/16", true)]
    [InlineData("172.16.0.0/12", "172.31.0.0/16", true)]
    [InlineData("172.17.0.0/16", "172.18.0.0/16", false)]
    [InlineData("192.168.0.0/20", "192.168.16.0/20", false)]
    [InlineData("0.0.0.0/0", "10.0.0.0/8", true)]
    public void Overlaps_TwoSubnets_IsSymmetricContainment(string a, string b, bool expected)
    {
        Assert.True(Ipv4Subnet.TryParse(a, out Ipv4Subnet first));
        Assert.True(Ipv4Subnet.TryParse(b, out Ipv4Subnet second));

        Assert.Equal(expected, first.Overlaps(second));
    }

    [Fact]
    public void Contains_AddressesInsideAndOutside_AndIpv6()
    {
        Ipv4Subnet subnet = Ipv4Subnet.Of(IPAddress.Parse("10.213.0.9"), 24);

        Assert.Equal(
            [true, true, false, false],
            new[] { "10.213.0.0", "10.213.0.255", "10.213.1.0", "::ffff:10.213.0.1" }.Select(a => subnet.Contains(IPAddress.Parse(a))));
    }
}
