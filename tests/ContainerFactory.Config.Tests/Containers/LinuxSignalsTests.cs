using ContainerFactory.Config.Containers;

namespace ContainerFactory.Config.Tests.Containers;

public sealed class LinuxSignalsTests
{
    [Theory]
    [InlineData("SIGTERM", 15)]
    [InlineData("TERM", 15)]
    [InlineData("sigint", 2)]
    [InlineData("SIGKILL", 9)]
    [InlineData("SIGUSR1", 10)]
    [InlineData("SIGWINCH", 28)]
    [InlineData("2", 2)]
    [InlineData("255", 255)]
    public void TryParse_NameOrNumber_ReturnsNumber(string text, int expected)
    {
        Assert.True(LinuxSignals.TryParse(text, out var signal));
        Assert.Equal(expected, signal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("256")]
    [InlineData("99999999999")]
    [InlineData("-9")]
    [InlineData("SIG")]
    [InlineData("SIGFOO")]
    public void TryParse_Invalid_ReturnsFalse(string text)
    {
        Assert.False(LinuxSignals.TryParse(text, out var signal));
        Assert.Equal(0, signal);
    }
}
