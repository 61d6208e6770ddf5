using ContainerFactory.Protocol.Hono;

namespace ContainerFactory.Protocol.Tests.Hono;

public class HonoCommandTopicTests
{
    [Theory]
    [InlineData("command//edge:device:edge:containers/req/r1/create", "edge:device:edge:containers", "r1", "create")]
    [InlineData("command//edge:device/req//create", "edge:device", "", "create")]
    [InlineData("command//edge:device/req//createWithConfig", "edge:device", "", "createWithConfig")]
    [InlineData("command//t/req/4711/anything", "t", "4711", "anything")]
    public void TryParse_ValidTopic_SplitsThingRequestAndCommand(string topic, string thing, string request, string command)
    {
        Assert.True(HonoCommandTopic.TryParse(topic, out HonoCommandTopic parsed));
        Assert.Equal(new HonoCommandTopic(thing, request, command), parsed);
        Assert.Equal(request.Length == 0, parsed.IsOneWayForm);
        Assert.Equal(topic, parsed.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("command//")]
    [InlineData("command///req/r1/create")]
    [InlineData("command//edge:device/req/r1/")]
    [InlineData("command//edge:device/req/r1")]
    [InlineData("command//edge:device/req/r1/create/extra")]
    [InlineData("command//edge:device/res/r1/200")]
    [InlineData("command/edge:device/req/r1/create")]
    [InlineData("e/tenant/edge:device")]
    [InlineData("command//edge:device/req//created/x")]
    public void TryParse_OtherShapes_ReturnsFalse(string? topic)
    {
        Assert.False(HonoCommandTopic.TryParse(topic, out HonoCommandTopic parsed));
        Assert.Equal(default, parsed);
    }

    [Fact]
    public void Topics_Builders_MatchKantoConventions()
    {
        Assert.Equal("command//edge:device:edge:containers/req/#", HonoTopics.CommandSubscription("edge:device:edge:containers"));
        Assert.Equal("command//edge:device/res/r1/204", HonoTopics.Response("edge:device", "r1", 204));
        Assert.Equal("command//edge:device/res//create", HonoTopics.CommandEchoResponse("edge:device", "create"));
        Assert.Equal("e/t1/edge:device:edge:containers", HonoTopics.Event("t1", "edge:device:edge:containers"));
    }
}
