using ContainerFactory.Runtime.Logs;

namespace ContainerFactory.Runtime.Tests.Logs;

public sealed class LogSizeTextTests
{
    [Theory]
    [InlineData(1L, "1B")]
    [InlineData(1023L, "1023B")]
    [InlineData(1024L, "1K")]
    [InlineData(1536L, "1536B")]
    [InlineData(1_048_576L, "1M")]
    [InlineData(104_857_600L, "100M")]
    [InlineData(1_073_741_824L, "1G")]
    [InlineData(1_153_433L, "1153433B")]
    public void Format_LargestExactUnit(long bytes, string text)
    {
        Assert.Equal(text, LogSizeText.Format(bytes));
        Assert.True(LogSizeText.TryParse(text, out long parsed));
        Assert.Equal(bytes, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("M")]
    [InlineData("12")]
    [InlineData(" 1M")]
    [InlineData("1  M")]
    [InlineData("1.M")]
    [InlineData(".5M")]
    [InlineData("-1M")]
    [InlineData("1e3K")]
    [InlineData("9999999999G")]
    public void TryParse_OutsideGrammar_False(string text) => Assert.False(LogSizeText.TryParse(text, out _));
}
