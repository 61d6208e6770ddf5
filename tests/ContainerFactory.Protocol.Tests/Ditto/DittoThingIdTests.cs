using ContainerFactory.Protocol.Ditto;

namespace ContainerFactory.Protocol.Tests.Ditto;

public class DittoThingIdTests
{
    [Theory]
    [InlineData("edge:device:edge:containers", "edge", "device:edge:containers", "edge/device:edge:containers")]
    [InlineData("edge:device", "edge", "device", "edge/device")]
    public void TryParse_SplitsAtFirstColon(string id, string ns, string name, string prefix)
    {
        Assert.True(DittoThingId.TryParse(id, out DittoThingId thing));
        Assert.Equal(new DittoThingId(ns, name), thing);
        Assert.Equal(prefix, thing.TopicPrefix);
        Assert.Equal(id, thing.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("nocolon")]
    [InlineData(":name")]
    [InlineData("ns:")]
    public void TryParse_Invalid_ReturnsFalse(string? id) => Assert.False(DittoThingId.TryParse(id, out _));

    [Theory]
    [InlineData("edge/device/things/live/messages/create", "edge:device")]
    [InlineData("edge/device:edge:containers/things/twin/commands/modify", "edge:device:edge:containers")]
    [InlineData("a/b/c", "a:b")]
    public void TryFromTopic_ThreeOrMoreParts_TakesTheFirstTwo(string topic, string thing)
    {
        Assert.True(DittoThingId.TryFromTopic(topic, out DittoThingId parsed));
        Assert.Equal(thing, parsed.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("a/b")]
    public void TryFromTopic_FewerThanThreeParts_ReturnsFalse(string topic) => Assert.False(DittoThingId.TryFromTopic(topic, out _));
}
