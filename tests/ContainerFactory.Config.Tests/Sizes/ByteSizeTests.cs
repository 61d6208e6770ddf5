using ContainerFactory.Config.Sizes;

namespace ContainerFactory.Config.Tests.Sizes;

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData("0B", 0L)]
    [InlineData("3B", 3L)]
    [InlineData("3b", 3L)]
    [InlineData("1K", 1024L)]
    [InlineData("1k", 1024L)]
    [InlineData("3M", 3145728L)]
    [InlineData("100M", 104857600L)]
    [InlineData("100m", 104857600L)]
    [InlineData("1G", 1073741824L)]
    [InlineData("1g", 1073741824L)]
    [InlineData("1.5G", 1610612736L)]
    [InlineData("1.1M", 1153433L)]
    [InlineData("0.5B", 0L)]
    [InlineData("500 M", 524288000L)]
    [InlineData("007K", 7168L)]
    [InlineData("8589934591G", 9223372035781033984L)]
    public void TryParse_ValidSize_ReturnsBytes(string text, long expected)
    {
        Assert.True(ByteSize.TryParse(text, out var bytes));
        Assert.Equal(expected, bytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("100")]
    [InlineData("M")]
    [InlineData("1.2.3M")]
    [InlineData("1.M")]
    [InlineData(".5M")]
    [InlineData("-1M")]
    [InlineData("+1M")]
    [InlineData("1  M")]
    [InlineData(" 1M")]
    [InlineData("1M ")]
    [InlineData("1T")]
    [InlineData("1MB")]
    [InlineData("1,5M")]
    [InlineData("1e3M")]
    [InlineData("١M")]
    [InlineData("8589934592G")]
    [InlineData("99999999999999999999999B")]
    public void TryParse_InvalidSize_ReturnsFalse(string text)
    {
        Assert.False(ByteSize.TryParse(text, out var bytes));
        Assert.Equal(0L, bytes);
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse() => Assert.False(ByteSize.TryParse(null, out _));

    [Fact]
    public void TryCreate_ValidSize_KeepsOriginalText()
    {
        Assert.True(ByteSize.TryCreate("1.5 g", out var size));
        Assert.Equal(new ByteSize("1.5 g", 1610612736L), size);
    }

    [Fact]
    public void TryCreate_InvalidSize_ReturnsNull()
    {
        Assert.False(ByteSize.TryCreate("lots", out var size));
        Assert.Null(size);
    }

    [Theory]
    [InlineData("500M", "1000M")]
    [InlineData("1.5G", "3G")]
    [InlineData("1.1M", "2.2M")]
    [InlineData("0.25k", "0.5k")]
    [InlineData("3B", "6B")]
    [InlineData("512 m", "1024 m")]
    [InlineData("1.50G", "3G")]
    public void TryDouble_ValidSize_DoublesInSameUnit(string text, string expected)
    {
        Assert.True(ByteSize.TryDouble(text, out var doubled));
        Assert.Equal(expected, doubled);
    }

    [Theory]
    [InlineData("")]
    [InlineData("500")]
    [InlineData("-1")]
    [InlineData("5000000000G")]
    public void TryDouble_InvalidOrOverflowing_ReturnsFalse(string text)
    {
        Assert.False(ByteSize.TryDouble(text, out var doubled));
        Assert.Null(doubled);
    }

    [Fact]
    public void InvalidSizeMessage_Always_IsKantoText() =>
        Assert.Equal("invalid size provided 1X", ByteSize.InvalidSizeMessage("1X"));
}
