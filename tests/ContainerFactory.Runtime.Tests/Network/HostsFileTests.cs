using ContainerFactory.Runtime.Network;

namespace ContainerFactory.Runtime.Tests.Network;

public sealed class HostsFileTests
{
    private const string DefaultLines =
        "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\n"
        + "ff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n";

    [Fact]
    public void ForBridge_ExtraHostsAndSelf_DefaultsThenExtrasThenSelf()
    {
        string hosts = HostsFile.ForBridge([new("172.17.0.1", "gw"), new("10.0.0.9", "api")], new HostsEntry("172.17.0.2", "web"));

        Assert.Equal(DefaultLines + "172.17.0.1\tgw\n10.0.0.9\tapi\n172.17.0.2\tweb\n", hosts);
    }

    [Fact]
    public void ForBridge_NothingExtraNoSelf_IsTheDefaults()
    {
        Assert.Equal(DefaultLines, HostsFile.ForBridge([], null));
    }

    [Fact]
    public void ForHost_NoExtraHosts_CopiesTheHostFileVerbatim()
    {
        Assert.Equal("127.0.0.1 localhost\n# mine\n", HostsFile.ForHost([], "127.0.0.1 localhost\n# mine\n"));
    }

    [Fact]
    public void ForHost_ExtraHosts_DefaultsPlusExtrasWithoutSelf()
    {
        Assert.Equal(DefaultLines + "10.0.0.9\tapi\n", HostsFile.ForHost([new("10.0.0.9", "api")], "ignored\n"));
    }

    [Theory]
    [InlineData("web", "", "web")]
    [InlineData("web", "example.test", "web.example.test web")]
    [InlineData("web.corp", "", "web.corp web")]
    [InlineData("web.corp", "example.test", "web.corp.example.test web")]
    public void SelfEntry_HostAndDomain_FqdnThenShortName(string hostName, string domainName, string names)
    {
        Assert.Equal(new HostsEntry("172.17.0.2", names), HostsFile.SelfEntry("172.17.0.2", hostName, domainName));
    }

    [Fact]
    public void SelfEntry_NoHostName_IsNull()
    {
        Assert.Null(HostsFile.SelfEntry("172.17.0.2", "", "example.test"));
    }
}
