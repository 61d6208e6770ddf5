using System.Text;
using ContainerFactory.Config.Containers;
using ContainerFactory.Config.Kanto;

namespace ContainerFactory.Config.Tests.Kanto;

public sealed class KantoDecoderContainerTests
{
    [Fact]
    public void TryDecodeUpdate_KeysInOtherCase_DecodeCaseInsensitively()
    {
        Assert.True(KantoDecoder.TryDecodeUpdate(
            """{"restartPolicy":{"type":"UNLESS_STOPPED","RetryTimeout":10,"MaxRetryCount":3}}"""u8, out var request, out _));

        Assert.Equal(new KantoRestartPolicy { Type = "UNLESS_STOPPED", RetryTimeout = 10, MaxRetryCount = 3 }, request.RestartPolicy);
        Assert.Null(request.Resources);
    }

    [Fact]
    public void TryDecodeUpdate_PublishedShapeWithTrailingComma_KeepsResources()
    {
        Assert.True(KantoDecoder.TryDecodeUpdate(
            """{"restartPolicy":{"type":"on-failure","maxRetryCount":3,"timeout":10},"resources":{"memory":"500M","memoryReservation":"300M","memorySwap":"1G",}}"""u8,
            out var request, out _));

        Assert.Equal(new KantoResources { Memory = "500M", MemoryReservation = "300M", MemorySwap = "1G" }, request.Resources);
        Assert.Null(request.RestartPolicy!.RetryTimeout);
    }

    [Fact]
    public void TryDecodeUpdate_StringValue_ReturnsInvalidValue()
    {
        Assert.False(KantoDecoder.TryDecodeUpdate("\"x\""u8, out _, out var error));
        Assert.Equal(new ConfigError(ConfigErrorKind.InvalidValue, "cannot decode value: expected object (value)"), error);
    }

    [Fact]
    public void TryDecodeStopWithOptions_AllMembers_ReturnsRequest()
    {
        Assert.True(KantoDecoder.TryDecodeStopWithOptions("""{"force":true,"timeout":50,"signal":"SIGKILL"}"""u8, out var request, out _));
        Assert.Equal(new StopRequest(true, 50, "SIGKILL"), request);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("null")]
    public void TryDecodeStopWithOptions_NothingGiven_ReturnsDefaults(string json)
    {
        Assert.True(KantoDecoder.TryDecodeStopWithOptions(Encoding.UTF8.GetBytes(json), out var request, out _));
        Assert.Equal(new StopRequest(false, 0, ""), request);
    }

    [Theory]
    [InlineData("""{"signal":9}""", "cannot decode value: expected string (signal)")]
    [InlineData("""{"timeout":1.5}""", "cannot decode value: expected integer (timeout)")]
    [InlineData("\"{\\\"unmarshable\\\":\\\"arg\\\"}\"", "cannot decode value: expected object (value)")]
    public void TryDecodeStopWithOptions_WrongType_ReturnsInvalidValue(string json, string message)
    {
        Assert.False(KantoDecoder.TryDecodeStopWithOptions(Encoding.UTF8.GetBytes(json), out _, out var error));
        Assert.Equal(new ConfigError(ConfigErrorKind.InvalidValue, message), error);
    }

    [Theory]
    [InlineData("\"new-name\"", "new-name")]
    [InlineData("null", "")]
    [InlineData("", "")]
    public void TryDecodeRename_StringOrNothing_ReturnsName(string json, string expected)
    {
        Assert.True(KantoDecoder.TryDecodeRename(Encoding.UTF8.GetBytes(json), out var name, out _));
        Assert.Equal(expected, name);
    }

    [Fact]
    public void TryDecodeRename_Number_ReturnsInvalidValue()
    {
        Assert.False(KantoDecoder.TryDecodeRename("1"u8, out var name, out var error));
        Assert.Null(name);
        Assert.Equal(new ConfigError(ConfigErrorKind.InvalidValue, "cannot decode value: expected string (value)"), error);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("null", false)]
    [InlineData("", false)]
    public void TryDecodeRemove_BooleanOrNothing_ReturnsForce(string json, bool expected)
    {
        Assert.True(KantoDecoder.TryDecodeRemove(Encoding.UTF8.GetBytes(json), out var force, out _));
        Assert.Equal(expected, force);
    }

    [Theory]
    [InlineData("\"true\"")]
    [InlineData("{}")]
    public void TryDecodeRemove_NotBoolean_ReturnsInvalidValue(string json)
    {
        Assert.False(KantoDecoder.TryDecodeRemove(Encoding.UTF8.GetBytes(json), out var force, out var error));
        Assert.False(force);
        Assert.Equal(new ConfigError(ConfigErrorKind.InvalidValue, "cannot decode value: expected boolean (value)"), error);
    }
}
