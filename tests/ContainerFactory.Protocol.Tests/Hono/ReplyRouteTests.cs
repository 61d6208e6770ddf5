using ContainerFactory.Protocol.Hono;

namespace ContainerFactory.Protocol.Tests.Hono;

public class ReplyRouteTests
{
    private static readonly HonoCommandTopic TwoWay = new("edge:device:edge:containers", "r1", "create");
    private static readonly HonoCommandTopic OneWay = new("edge:device", "", "create");

    [Theory]
    [InlineData(true, "command//edge:device:edge:containers/res/r1/200")]
    [InlineData(null, "command//edge:device:edge:containers/res/r1/200")]
    [InlineData(false, null)]
    public void For_RequestId_RepliesUnlessExplicitlyFalse(bool? responseRequired, string? expected)
    {
        ReplyRoute route = ReplyRoute.For(TwoWay, responseRequired);
        Assert.Equal(expected is not null, route.Replies);
        Assert.Equal(expected, route.TopicFor(200));
    }

    [Theory]
    [InlineData(true, "command//edge:device/res//create")]
    [InlineData(null, null)]
    [InlineData(false, null)]
    public void For_EmptyRequestId_RepliesOnlyWhenExplicitlyTrue(bool? responseRequired, string? expected)
    {
        ReplyRoute route = ReplyRoute.For(OneWay, responseRequired);
        Assert.Equal(expected is not null, route.Replies);
        Assert.Equal(expected, route.TopicFor(400));
    }

    [Fact]
    public void TopicFor_StatusTopic_CarriesTheStatus()
    {
        ReplyRoute route = ReplyRoute.For(TwoWay, true);
        Assert.Equal(ReplyRouteKind.StatusTopic, route.Kind);
        Assert.Equal("command//edge:device:edge:containers/res/r1/404", route.TopicFor(404));
    }
}
