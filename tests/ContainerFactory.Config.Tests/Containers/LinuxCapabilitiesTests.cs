using ContainerFactory.Config.Containers;

namespace ContainerFactory.Config.Tests.Containers;

public sealed class LinuxCapabilitiesTests
{
    [Fact]
    public void All_KernelList_Has41NamesFromChownToCheckpointRestore()
    {
        Assert.Equal(41, LinuxCapabilities.All.Count);
        Assert.Equal(41, LinuxCapabilities.All.Distinct().Count());
        Assert.Equal("CAP_CHOWN", LinuxCapabilities.All[0]);
        Assert.Equal("CAP_NET_ADMIN", LinuxCapabilities.All[12]);
        Assert.Equal("CAP_SYS_ADMIN", LinuxCapabilities.All[21]);
        Assert.Equal("CAP_CHECKPOINT_RESTORE", LinuxCapabilities.All[40]);
    }

    [Theory]
    [InlineData("CAP_NET_ADMIN", "CAP_NET_ADMIN")]
    [InlineData("NET_ADMIN", "CAP_NET_ADMIN")]
    [InlineData("net_admin", "CAP_NET_ADMIN")]
    [InlineData("cap_bpf", "CAP_BPF")]
    [InlineData("Perfmon", "CAP_PERFMON")]
    public void TryNormalize_KnownName_ReturnsCanonical(string name, string expected)
    {
        Assert.True(LinuxCapabilities.TryNormalize(name, out var canonical));
        Assert.Equal(expected, canonical);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("CAP_")]
    [InlineData("CAP_CAP_CHOWN")]
    [InlineData("ALL")]
    [InlineData("NET ADMIN")]
    public void TryNormalize_UnknownName_ReturnsFalse(string? name)
    {
        Assert.False(LinuxCapabilities.TryNormalize(name, out var canonical));
        Assert.Null(canonical);
    }
}
