using ContainerFactory.Runtime.Images;

namespace ContainerFactory.Runtime.Tests.Images;

public sealed class PlatformTests
{
    [Theory]
    [InlineData("linux/amd64", "linux", "amd64", "")]
    [InlineData("linux/arm64", "linux", "arm64", "")]
    [InlineData("linux/arm/v7", "linux", "arm", "v7")]
    [InlineData("linux/aarch64", "linux", "aarch64", "")]
    public void TryParse_OsArchVariant_KeepsThePartsAsGiven(string text, string os, string architecture, string variant)
    {
        Assert.True(Platform.TryParse(text, out var platform));
        Assert.Equal(new Platform(os, architecture, variant), platform);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("linux")]
    [InlineData("linux/")]
    [InlineData("/amd64")]
    [InlineData("linux/arm/v7/extra")]
    [InlineData("linux/amd 64")]
    public void TryParse_Malformed_ReturnsFalse(string? text)
    {
        Assert.False(Platform.TryParse(text, out var platform));
        Assert.Null(platform);
    }
}
